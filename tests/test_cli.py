"""The omni-codec command, run as users run it (a subprocess)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import omni_codec
from omni_codec import OmniResponse, OmniSimpleRequest

VECTORS = Path(__file__).parent / "vectors"


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "omni_codec", *args], input=stdin, capture_output=True, timeout=60
    )


def test_convert_json_file_to_xml() -> None:
    result = run("convert", "--type", "OmniSimpleRequest", str(VECTORS / "simple-request.json"))
    assert result.returncode == 0, result.stderr
    expected = omni_codec.json.decode((VECTORS / "simple-request.json").read_bytes(), type=OmniSimpleRequest)
    assert omni_codec.xml.decode(result.stdout, type=OmniSimpleRequest) == expected
    assert result.stdout.startswith(b"<request>")


def test_convert_xml_from_stdin_to_json_picks_the_type_from_the_root() -> None:
    result = run("convert", "--pretty", stdin=(VECTORS / "omni-response.xml").read_bytes())
    assert result.returncode == 0, result.stderr
    expected = omni_codec.xml.decode((VECTORS / "omni-response.xml").read_bytes(), type=OmniResponse)
    assert omni_codec.json.decode(result.stdout, type=OmniResponse) == expected
    assert b'\n  "bulkId"' in result.stdout


def test_convert_round_trip_through_both_commands() -> None:
    to_xml = run("convert", "--type", "omnisimplerequest", "--pretty", str(VECTORS / "simple-request.json"))
    back = run("convert", "--endpoint", "POST /omni/1/text", stdin=to_xml.stdout)
    assert back.returncode == 0, back.stderr
    original = omni_codec.json.decode((VECTORS / "simple-request.json").read_bytes(), type=OmniSimpleRequest)
    assert omni_codec.json.decode(back.stdout, type=OmniSimpleRequest) == original


def test_validate_valid_documents_exit_zero() -> None:
    assert run("validate", "--type", "OmniSimpleRequest", str(VECTORS / "simple-request.xml")).returncode == 0
    assert run("validate", str(VECTORS / "omni-response.xml")).returncode == 0
    assert run("validate", "--type", "OmniResponse", str(VECTORS / "omni-response.json")).returncode == 0


def test_validate_malformed_exits_one_with_a_single_line_and_no_traceback() -> None:
    result = run("validate", str(VECTORS / "simple-request.malformed.xml"))
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1
    assert "line 14" in lines[0]
    assert "Traceback" not in result.stderr.decode()


def test_validate_reports_the_path_of_a_rule_beyond_the_xsd() -> None:
    # Valid against the XSD (phoneNumber is optional in To) but not a simple request.
    doc = b"<request><destinations><destination><to><emailAddress>a@b.c</emailAddress></to></destination></destinations></request>"
    result = run("validate", "--endpoint", "POST /omni/1/text", stdin=doc)
    assert result.returncode == 1
    assert "$.destinations[0].to.phoneNumber" in result.stderr.decode()


def test_usage_errors_exit_two() -> None:
    assert run("convert", str(VECTORS / "simple-request.json")).returncode == 2  # no --type
    assert run("convert", "--type", "Nope", str(VECTORS / "simple-request.json")).returncode == 2
    assert run("validate", "does-not-exist.xml").returncode == 2
    assert run("convert", stdin=b"<unknownRoot/>").returncode == 2
    assert run("convert", "--endpoint", "GET /omni/1/nothing", stdin=b"{}").returncode == 2


def test_ambiguous_request_root_asks_for_the_type() -> None:
    result = run("convert", str(VECTORS / "simple-request.xml"))
    assert result.returncode == 2
    assert b"OmniSimpleRequest or OmniAdvancedRequest" in result.stderr
    by_endpoint = run("convert", "--endpoint", "POST /omni/1/advanced", str(VECTORS / "simple-request.xml"))
    assert by_endpoint.returncode == 0, by_endpoint.stderr
    response = run("convert", "--endpoint", "POST /omni/1/text", "--response", str(VECTORS / "omni-response.json"))
    assert response.returncode == 0 and response.stdout.startswith(b"<omniResponse>")
