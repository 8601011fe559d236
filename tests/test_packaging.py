"""What users of the installed package meet outside the codec itself."""

from __future__ import annotations

import subprocess
import sys


def test_strategies_without_hypothesis_names_the_extra() -> None:
    # ``sys.modules[name] = None`` makes any import of ``name`` fail, as when the
    # package is not installed.
    script = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "import omni_codec\n"
        "try:\n"
        "    import omni_codec.strategies\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
        "else:\n"
        "    print('imported')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    message = result.stdout.strip()
    assert "hypothesis" in message
    assert "omni_codec[strategies]" in message
    assert "'.[strategies]'" in message


def test_the_package_imports_without_hypothesis() -> None:
    script = "import sys\nsys.modules['hypothesis'] = None\nimport omni_codec\nprint('ok')\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "ok"
