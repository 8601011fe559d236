"""The package is clean under ``mypy --strict``, and decode is typed by ``type=``."""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")  # a test dependency; the extra installs it

ROOT = Path(__file__).parents[1]


def test_package_passes_mypy_strict() -> None:
    out, err, status = api.run(["--strict", "--no-incremental", str(ROOT / "omni_codec")])
    assert status == 0, out + err


def test_decode_is_generic_in_the_decoded_type(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import omni_codec\n"
        "from omni_codec import OmniResponse\n"
        "r = omni_codec.xml.decode(b'', type=OmniResponse)\n"
        "reveal_type(r)\n"
        "j = omni_codec.json.Decoder(OmniResponse).decode(b'')\n"
        "reveal_type(j)\n"
    )
    out, err, status = api.run(["--strict", "--no-incremental", str(sample)])
    assert out.count('Revealed type is "omni_codec.models.messages.OmniResponse"') == 2, out + err
