"""The public surface is pinned (as msgspec pins its own)."""

from __future__ import annotations

import subprocess
import sys

import omni_codec


def test_top_level_surface() -> None:
    assert set(omni_codec.__all__) >= {
        "CodecError", "DecodeError", "ValidationError", "EncodeError",
        "OmniSimpleRequest", "Destination", "To", "OmniResponse", "OmniResponseDetails",
        "Status", "json", "xml", "Limits",
    }
    assert dir(omni_codec) == sorted(omni_codec.__all__)
    for name in omni_codec.__all__:
        assert hasattr(omni_codec, name), name


def test_format_modules_have_the_same_surface() -> None:
    assert set(omni_codec.json.__all__) == {"Decoder", "Encoder", "decode", "encode"}
    assert set(omni_codec.xml.__all__) == {"Decoder", "Encoder", "decode", "encode", "validate"}


def test_importing_the_package_does_not_import_test_libraries() -> None:
    code = "import sys, omni_codec; print(sorted(m for m in ('hypothesis', 'xmlschema', 'pytest') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_xml_output_is_utf8_bytes_without_declaration_unless_asked() -> None:
    value = omni_codec.OmniResponse(messages=[])
    assert omni_codec.xml.encode(value) == b"<omniResponse><messages></messages></omniResponse>"
    assert omni_codec.xml.encode(value, declaration=True).startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
