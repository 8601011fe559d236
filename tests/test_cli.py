"""The omni-codec command, run as users run it (a subprocess)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import omni_codec
from omni_codec import OmniAdvancedRequest, OmniResponse, OmniSimpleRequest, schemas
from omni_codec.cli import _parser
from omni_codec.models import DOCUMENT_TYPES

VECTORS = Path(__file__).parent / "vectors"
README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
SIMPLE_JSON = VECTORS / "simple-request.json"
SIMPLE_XML = VECTORS / "simple-request.xml"
RESPONSE_XML = VECTORS / "omni-response.xml"
RESPONSE_JSON = VECTORS / "omni-response.json"
MALFORMED_XML = VECTORS / "simple-request.malformed.xml"
# "file:line[:column]: message (path)", as xmllint users read errors.
ERROR_LINE = re.compile(r"\A(?P<file>.+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<message>.+?)(?: \((?P<path>\$[^)]*)\))?\Z")


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "omni_codec", *args], input=stdin, capture_output=True, timeout=120, cwd=cwd
    )


def errors_of(result: subprocess.CompletedProcess[bytes]) -> list[re.Match[str]]:
    """The located error lines on standard error (the summary line is not one)."""
    lines = result.stderr.decode().splitlines()
    assert "Traceback" not in result.stderr.decode()
    return [m for m in map(ERROR_LINE.match, lines) if m]


def line_column(text: str, needle: str) -> tuple[int, int]:
    """Where ``needle`` starts in ``text``, as an editor counts (from 1)."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


# ------------------------------------------------------------------- converting


def test_convert_json_file_to_xml() -> None:
    result = run("convert", "--type", "OmniSimpleRequest", str(SIMPLE_JSON))
    assert result.returncode == 0, result.stderr
    expected = omni_codec.json.decode(SIMPLE_JSON.read_bytes(), type=OmniSimpleRequest)
    assert omni_codec.xml.decode(result.stdout, type=OmniSimpleRequest) == expected
    assert result.stdout.startswith(b"<request>")


def test_convert_xml_from_stdin_to_json_picks_the_type_from_the_root() -> None:
    result = run("convert", "--pretty", stdin=RESPONSE_XML.read_bytes())
    assert result.returncode == 0, result.stderr
    expected = omni_codec.xml.decode(RESPONSE_XML.read_bytes(), type=OmniResponse)
    assert omni_codec.json.decode(result.stdout, type=OmniResponse) == expected
    assert b'\n  "bulkId"' in result.stdout


def test_convert_round_trip_through_both_commands() -> None:
    to_xml = run("convert", "--type", "omnisimplerequest", "--pretty", str(SIMPLE_JSON))
    back = run("convert", "--endpoint", "POST /omni/1/text", stdin=to_xml.stdout)
    assert back.returncode == 0, back.stderr
    original = omni_codec.json.decode(SIMPLE_JSON.read_bytes(), type=OmniSimpleRequest)
    assert omni_codec.json.decode(back.stdout, type=OmniSimpleRequest) == original


def test_the_installed_entry_point_is_the_same_command() -> None:
    script = Path(sys.executable).with_name("omni-codec")
    assert script.exists(), "the package is installed with its console script"
    result = subprocess.run([str(script), "validate", str(RESPONSE_XML)], capture_output=True, timeout=60)
    assert result.returncode == 0 and result.stdout.decode().startswith(f"{RESPONSE_XML}: valid OmniResponse")


def test_convert_many_files_writes_one_document_per_line_to_the_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("convert", "-q", "-o", str(out), str(RESPONSE_XML), "-", str(RESPONSE_XML),
                 stdin=b"<omniResponse><messages/></omniResponse>")
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    lines = out.read_bytes().splitlines()
    decoded = [omni_codec.json.decode(line, type=OmniResponse) for line in lines]
    first = omni_codec.xml.decode(RESPONSE_XML.read_bytes(), type=OmniResponse)
    assert decoded == [first, OmniResponse(messages=[]), first]


def test_convert_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    target = tmp_path / "response.xml"
    target.write_bytes(RESPONSE_XML.read_bytes())
    result = run("convert", "-o", str(target), str(target))
    assert result.returncode == 2
    assert target.read_bytes() == RESPONSE_XML.read_bytes()


def test_convert_continues_after_a_bad_file_and_exits_one() -> None:
    result = run("convert", "--type", "OmniResponse", str(RESPONSE_JSON), "-", str(RESPONSE_JSON), stdin=b"{")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2
    (error,) = errors_of(result)
    assert error["file"] == "<stdin>" and (error["line"], error["column"]) == ("1", "2")


# ------------------------------------------------------------------- validating


def test_validate_valid_documents_exit_zero_with_one_result_each() -> None:
    result = run("validate", str(RESPONSE_XML), "--type", "OmniResponse", str(RESPONSE_JSON))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        f"{RESPONSE_XML}: valid OmniResponse (XML)",
        f"{RESPONSE_JSON}: valid OmniResponse (JSON)",
    ]
    assert result.stderr.decode().splitlines() == ["2 valid, 0 not valid"]
    quiet = run("validate", "-q", str(RESPONSE_XML), "--type", "OmniResponse", str(RESPONSE_JSON))
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", b"")


def test_validate_counts_every_file_and_exits_one_if_any_is_invalid() -> None:
    result = run("validate", str(RESPONSE_XML), str(MALFORMED_XML), "-", str(RESPONSE_XML), stdin=b"<notomni/>")
    assert result.returncode == 1
    assert len(result.stdout.decode().splitlines()) == 2
    assert result.stderr.decode().splitlines()[-1] == "2 valid, 2 not valid"


def test_malformed_xml_names_the_file_and_line_without_a_traceback() -> None:
    result = run("validate", str(MALFORMED_XML))
    assert result.returncode == 1
    (error,) = errors_of(result)
    assert error["file"] == str(MALFORMED_XML) and error["line"] == "14"
    assert len(result.stderr.decode().splitlines()) == 1


def test_json_validation_errors_give_the_line_and_column_of_the_value(tmp_path: Path) -> None:
    text = '{\n  "destinations": [\n    {"to": {"phoneNumber": "41793026727"}},\n    {"to": {"phoneNumber": "+41 79"}}\n  ]\n}\n'
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    result = run("validate", "--type", "OmniSimpleRequest", str(bad))
    assert result.returncode == 1
    (error,) = errors_of(result)
    assert (int(error["line"]), int(error["column"])) == line_column(text, '"+41 79"')
    assert error["path"] == "$.destinations[1].to.phoneNumber"
    assert error["file"] == str(bad)


def test_malformed_json_gives_line_and_column_and_says_it_once() -> None:
    text = '{"destinations": [\n  {"to": {"phoneNumber": "1"}}\n  {"to": {}}\n]}'
    result = run("validate", "--type", "OmniSimpleRequest", stdin=text.encode())
    assert result.returncode == 1
    (error,) = errors_of(result)
    assert error["file"] == "<stdin>"
    # The unexpected "{" on the third line, where a ',' or ']' was expected.
    assert (int(error["line"]), int(error["column"])) == (3, 3)
    assert error["message"].count("alformed") == 1


def test_a_null_required_value_is_reported_as_null_not_missing() -> None:
    doc = b'{"destinations": [{"to": {"phoneNumber": null}}]}'
    (error,) = errors_of(run("validate", "--type", "OmniSimpleRequest", stdin=doc))
    assert "null" in error["message"] and "missing" not in error["message"]
    assert error["path"] == "$.destinations[0].to.phoneNumber"
    absent = b'{"destinations": [{"to": {}}]}'
    (error,) = errors_of(run("validate", "--type", "OmniSimpleRequest", stdin=absent))
    assert "missing" in error["message"]


@pytest.mark.parametrize("head", [b"\xef\xbb\xbf", b""])
def test_a_utf8_byte_order_mark_is_accepted_in_both_formats(head: bytes) -> None:
    for args, data in [(["--type", "OmniResponse"], RESPONSE_JSON), ([], RESPONSE_XML)]:
        result = run("validate", *args, stdin=head + data.read_bytes())
        assert result.returncode == 0, result.stderr


def test_validate_says_which_request_type_a_request_root_is() -> None:
    both = run("validate", str(SIMPLE_XML))
    assert both.returncode == 0, both.stderr
    assert both.stdout.decode().strip() == f"{SIMPLE_XML}: valid OmniSimpleRequest and OmniAdvancedRequest (XML)"
    # Strictly, its <text> and <mailSubject> are not fields of the advanced request.
    strict = run("validate", "--strict", str(SIMPLE_XML))
    assert strict.stdout.decode().strip() == f"{SIMPLE_XML}: valid OmniSimpleRequest (XML)"
    advanced = omni_codec.xml.encode(OmniAdvancedRequest(destinations=[omni_codec.Destination(to=omni_codec.To(email_address="a@b.c"))]))
    only = run("validate", stdin=advanced)
    assert only.stdout.decode().strip() == "<stdin>: valid OmniAdvancedRequest (XML)"


DESCRIPTION_EXAMPLES = Path(__file__).parent / "published" / "description_examples"


@pytest.mark.parametrize(
    ("example", "cls"),
    [
        ("get-omni-failover-scenarios/response-400.bad-request.xml", omni_codec.ApiError),
        ("send-omni-failover-message/request.send-rich-viber-message.xml", OmniAdvancedRequest),
    ],
)
def test_the_second_dialects_root_picks_the_type_too(example: str, cls: type) -> None:
    """SPEC section 5: an OpenAPI example's root (``<ApiException>``,
    ``<OmniAdvancedRequest>``) names its type as the source document's root does."""
    data = (DESCRIPTION_EXAMPLES / example).read_bytes()
    converted = run("convert", stdin=data)
    assert converted.returncode == 0, converted.stderr
    assert omni_codec.json.decode(converted.stdout, type=cls) == omni_codec.xml.decode(data, type=cls)
    judged = run("validate", stdin=data)
    assert judged.stdout.decode().strip() == f"<stdin>: valid {cls.__name__} (XML)"


def test_an_unknown_root_lists_the_roots_of_both_dialects() -> None:
    result = run("validate", stdin=b"<NoSuchThing/>")
    assert result.returncode == 1
    message = result.stderr.decode()
    assert "<NoSuchThing>" in message
    for root in ("<request>", "<requestError>", "<ApiException>", "<DeliveryReports>", "<omniReportsResponse>"):
        assert root in message, root


def test_a_request_root_that_is_no_request_type_reports_each() -> None:
    doc = b"<request><destinations/></request>"
    result = run("validate", stdin=doc)
    assert result.returncode == 1
    messages = [e["message"] for e in errors_of(result)]
    assert len(messages) == 2
    assert {m.split(":")[0] for m in messages} == {"not a OmniSimpleRequest", "not a OmniAdvancedRequest"}


UNKNOWN = {
    "json": (b'{"messages": [], "surprise": {"deep": [1]}}', ["--type", "OmniResponse"]),
    "xml": (b"<omniResponse><messages/><surprise><deep/></surprise></omniResponse>", []),
}


@pytest.mark.parametrize("fmt", sorted(UNKNOWN))
def test_strict_means_the_same_in_both_formats(fmt: str) -> None:
    data, args = UNKNOWN[fmt]
    assert run("validate", *args, stdin=data).returncode == 0
    assert run("convert", *args, stdin=data).returncode == 0
    for command in ("validate", "convert"):
        result = run(command, "--strict", *args, stdin=data)
        assert result.returncode == 1, (command, result.stderr)
        (error,) = errors_of(result)
        assert "surprise" in error["message"] + error["path"]


def test_all_errors_reports_every_xsd_error() -> None:
    doc = b"<omniResponse>\n<messages>\n<message><oops/></message>\n<message/>\n</messages>\n<extra/>\n</omniResponse>"
    every = run("validate", "--strict", "--all-errors", stdin=doc)
    assert every.returncode == 1
    assert [(e["line"], e["path"]) for e in errors_of(every)] == [
        ("3", "$.messages[0].oops"), ("4", "$.messages[1]"), ("6", "$.extra"),
    ]
    assert len(errors_of(run("validate", "--strict", stdin=doc))) == 1
    assert run("validate", "--all-errors", stdin=doc).returncode == 2  # the XSD is checked with --strict


def test_validate_finds_a_rule_beyond_the_xsd_with_its_path() -> None:
    # Valid against the XSD (phoneNumber is optional in To) but not a simple request.
    doc = b"<request><destinations><destination><to><emailAddress>a@b.c</emailAddress></to></destination></destinations></request>"
    for strict in ([], ["--strict"]):
        result = run("validate", *strict, "--endpoint", "POST /omni/1/text", stdin=doc)
        assert result.returncode == 1
        (error,) = errors_of(result)
        assert error["path"] == "$.destinations[0].to.phoneNumber"


# ------------------------------------------------------------------- JSON Lines


def test_jsonl_validate_gives_each_record_its_line(tmp_path: Path) -> None:
    good = RESPONSE_JSON.read_text(encoding="utf-8").replace("\n", "")
    lines = tmp_path / "responses.jsonl"
    lines.write_text(f"{good}\n\n{{\"messages\": 5}}\n{{\"messages\": []}}\n", encoding="utf-8")
    result = run("validate", "--jsonl", "--type", "OmniResponse", str(lines))
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [f"{lines}:1: valid OmniResponse (JSON)", f"{lines}:4: valid OmniResponse (JSON)"]
    (error,) = errors_of(result)
    assert (error["line"], error["column"], error["path"]) == ("3", "14", "$.messages")
    assert result.stderr.decode().splitlines()[-1] == "2 valid, 1 not valid"


def test_jsonl_converts_to_one_xml_document_per_line_and_back() -> None:
    values = [
        omni_codec.json.decode(RESPONSE_JSON.read_bytes(), type=OmniResponse),
        OmniResponse(messages=[], bulk_id="two\nlines\r\nand more"),
    ]
    records = b"".join(omni_codec.json.encode(v) + b"\n" for v in values)
    as_xml = run("convert", "--jsonl", "--type", "OmniResponse", stdin=records)
    assert as_xml.returncode == 0, as_xml.stderr
    xml_lines = as_xml.stdout.splitlines()
    assert [omni_codec.xml.decode(line, type=OmniResponse) for line in xml_lines] == values
    back = run("convert", "--jsonl", stdin=as_xml.stdout)
    assert back.returncode == 0, back.stderr
    assert [omni_codec.json.decode(line, type=OmniResponse) for line in back.stdout.splitlines()] == values


def test_jsonl_max_bytes_bounds_each_record(tmp_path: Path) -> None:
    record = b'{"messages": []}\n'
    lines = tmp_path / "many.jsonl"
    lines.write_bytes(record * 10)
    assert run("validate", "-q", "--jsonl", "--type", "OmniResponse", "--max-bytes", "20", str(lines)).returncode == 0
    too_small = run("validate", "-q", "--jsonl", "--type", "OmniResponse", "--max-bytes", "10", str(lines))
    assert too_small.returncode == 1 and len(errors_of(too_small)) == 10


def test_jsonl_and_pretty_conflict() -> None:
    assert run("convert", "--jsonl", "--pretty", "--type", "OmniResponse", stdin=b"{}").returncode == 2


# ------------------------------------------------------------------- limits


def nested_push(depth: int) -> bytes:
    payload = '{"a":' * depth + "1" + "}" * depth
    return ('{"destinations": [{"to": {"phoneNumber": "1"}}], "push": {"customPayload": ' + payload + "}}").encode()


def test_each_limit_has_an_option() -> None:
    deep = nested_push(80)  # deeper than the default max_depth of 64
    assert run("validate", "--type", "OmniAdvancedRequest", stdin=deep).returncode == 1
    assert run("validate", "--type", "OmniAdvancedRequest", "--max-depth", "100", stdin=deep).returncode == 0
    assert run("validate", "--type", "OmniAdvancedRequest", "--max-depth", "10", stdin=nested_push(9)).returncode == 1

    response = RESPONSE_XML.read_bytes()  # two messages, under 1 KiB
    assert run("validate", "--max-list-items", "2", stdin=response).returncode == 0
    result = run("validate", "--max-list-items", "1", stdin=response)
    assert result.returncode == 1 and b"max_list_items=1" in result.stderr
    small = run("validate", "--max-bytes", str(len(response) - 1), stdin=response)
    assert small.returncode == 1 and f"max_bytes={len(response) - 1}".encode() in small.stderr
    assert run("validate", "--max-bytes", "1K", stdin=response).returncode == 0
    from_file = run("convert", "--max-bytes", "100", str(RESPONSE_XML))
    assert from_file.returncode == 1 and b"max_bytes=100" in from_file.stderr


@pytest.mark.parametrize("value", ["0", "-1", "many", "1.5"])
def test_limit_values_must_be_positive_whole_numbers(value: str) -> None:
    assert run("validate", "--max-depth", value, stdin=b"{}").returncode == 2


# ------------------------------------------------------------------- exit statuses


@pytest.mark.parametrize("command", ["convert", "validate"])
@pytest.mark.parametrize(
    "data",
    [b"", b"  \n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"hello", b"<notomni/>", b"<omniResponse>", b"[1, 2"],
    ids=["empty", "blank", "binary", "text", "unknown-root", "unclosed-xml", "unclosed-json"],
)
def test_every_kind_of_bad_payload_exits_one_with_one_line(command: str, data: bytes) -> None:
    result = run(command, stdin=data)
    assert result.returncode == 1, result.stderr
    stderr = result.stderr.decode()
    assert len(stderr.splitlines()) == 1 and stderr.startswith("<stdin>")
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["convert", str(SIMPLE_JSON)],  # JSON needs a type
        ["convert", "--type", "Nope", str(SIMPLE_JSON)],
        ["validate", "does-not-exist.xml"],
        ["convert", str(SIMPLE_XML)],  # <request>: which one?
        ["convert", "--endpoint", "GET /omni/1/nothing", str(SIMPLE_JSON)],
        ["convert", "--endpoint", "GET /omni/1/reports", str(SIMPLE_JSON)],  # no request body
        ["convert", "--type", "OmniSimpleRequest", "--endpoint", "POST /omni/1/text", str(SIMPLE_JSON)],
        ["convert", "--type", "OmniResponse", "--response", str(RESPONSE_JSON)],
        ["validate", "--to", "xml", str(RESPONSE_XML)],
        ["schema", "--type", "OmniResponse"],  # the XSD has every type
        ["schema", "--format", "yaml"],
        [],
    ],
)
def test_usage_errors_exit_two(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr.decode()


def test_usage_messages_help_the_user() -> None:
    ambiguous = run("convert", str(SIMPLE_XML))
    assert b"OmniSimpleRequest or OmniAdvancedRequest" in ambiguous.stderr
    unknown = run("convert", "--endpoint", "GET /omni/1/nothing", str(SIMPLE_JSON)).stderr.decode()
    assert all(f"{e.method} {e.path}" in unknown for e in omni_codec.endpoints.ENDPOINTS)
    assert b"needs --endpoint" in run("convert", "--type", "OmniResponse", "--response", str(RESPONSE_JSON)).stderr


@pytest.mark.parametrize(
    "args",
    [
        ("convert", "--type", "", str(RESPONSE_JSON)),
        ("convert", "--endpoint", "", str(RESPONSE_JSON)),
        ("validate", "--type", "", str(RESPONSE_JSON)),
        ("schema", "--format", "json-schema", "--type", ""),
        ("schema", "--format", "xsd", "--type", ""),
    ],
)
def test_an_empty_type_or_endpoint_is_refused_not_ignored(args: tuple[str, ...]) -> None:
    # An empty value (an unset shell variable, say) is a mistake to report, not a
    # request to guess the type or to print every type's schema.
    result = run(*args)
    assert result.returncode == 2, result.stdout[:200]
    assert result.stdout == b""
    assert b"unknown type ''" in result.stderr or b"unknown endpoint ''" in result.stderr or b"--type goes with" in result.stderr


def test_the_endpoint_options_choose_the_type() -> None:
    by_endpoint = run("convert", "--endpoint", "POST /omni/1/advanced", str(SIMPLE_XML))
    assert by_endpoint.returncode == 0, by_endpoint.stderr
    omni_codec.json.decode(by_endpoint.stdout, type=OmniAdvancedRequest, strict=True)
    response = run("convert", "--endpoint", "POST /omni/1/text", "--response", str(RESPONSE_JSON))
    assert response.returncode == 0 and response.stdout.startswith(b"<omniResponse>")


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"omni-codec {omni_codec.__version__}"


def _interruptible() -> None:
    """SIGINT as the terminal gives it, in a child: a process that starts with it
    ignored keeps it ignored (POSIX), and so does one started by a shell's
    background job (the suite run in the background, say)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_interrupt_while_reading_stdin_exits_130_without_a_traceback() -> None:
    for wait in (1.0, 3.0, 6.0):  # the handler exists once Python has started
        process = subprocess.Popen(
            [sys.executable, "-m", "omni_codec", "validate"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            preexec_fn=_interruptible,
        )
        time.sleep(wait)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        if process.returncode != -signal.SIGINT:
            break
    assert process.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr


def test_a_closed_output_pipe_ends_quietly() -> None:
    # Many small documents, each written as it is converted: writes go on after
    # the reader has gone.
    records = b'{"messages": []}\n' * 40_000
    process = subprocess.Popen(
        [sys.executable, "-m", "omni_codec", "convert", "--jsonl", "--type", "OmniResponse"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdin and process.stdout and process.stderr
    process.stdin.write(records)
    process.stdin.close()
    assert process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode == 141
    assert stderr == b""



# ------------------------------------------------------------------- where output cannot go


def in_shell(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """``script`` run by ``sh`` with ``$0`` the interpreter and ``$1``... ``args``:
    for redirections that ``subprocess`` cannot make (a closed descriptor)."""
    return subprocess.run(["sh", "-c", script, sys.executable, *args], capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


def assert_one_message(result: subprocess.CompletedProcess[bytes], words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("omni-codec: ") and words in lines[0], lines


NO_ROOM = "/dev/full"  # a device every write to fails with ENOSPC (Linux, the BSDs)


@pytest.mark.skipif(not os.path.exists(NO_ROOM), reason="the system has no device that refuses writes")
@pytest.mark.parametrize("command", [
    f'"$0" -m omni_codec convert "$1" -o {NO_ROOM}',
    f'"$0" -m omni_codec convert "$1" > {NO_ROOM}',
    f'"$0" -m omni_codec validate "$1" > {NO_ROOM}',
    f'"$0" -m omni_codec schema > {NO_ROOM}',
    f'"$0" -m omni_codec schema -o {NO_ROOM}',
])
def test_an_output_that_cannot_be_written_is_one_message_and_status_two(command: str) -> None:
    assert_one_message(in_shell(command, str(RESPONSE_XML)), "cannot write")


@pytest.mark.parametrize("command, words", [
    ('"$0" -m omni_codec convert "$1" >&-', "cannot write <stdout>"),
    ('"$0" -m omni_codec schema >&-', "cannot write <stdout>"),
    ('"$0" -m omni_codec validate --type OmniResponse <&-', "cannot read <stdin>"),
])
def test_a_closed_standard_stream_is_one_message_and_status_two(command: str, words: str) -> None:
    assert_one_message(in_shell(command, str(RESPONSE_XML)), words)


def test_validate_with_standard_output_closed_still_says_whether_valid() -> None:
    result = in_shell('"$0" -m omni_codec validate "$1" >&-', str(MALFORMED_XML))
    assert result.returncode == 1 and b"Traceback" not in result.stderr


@pytest.mark.parametrize("given", [["-"], []], ids=["dash", "no files"])
def test_convert_refuses_to_overwrite_its_standard_input(tmp_path: Path, given: list[str]) -> None:
    target = tmp_path / "response.xml"
    target.write_bytes(RESPONSE_XML.read_bytes())
    with target.open("rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "omni_codec", "convert", "-o", str(target), *given],
                                stdin=stdin, capture_output=True, timeout=120)
    assert_one_message(result, "is also an input")
    assert target.read_bytes() == RESPONSE_XML.read_bytes()


def test_an_output_file_is_left_as_it_was_when_nothing_converts(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"kept")
    result = run("convert", "-o", str(target), str(MALFORMED_XML))
    assert result.returncode == 1
    assert target.read_bytes() == b"kept"
    assert not (tmp_path / "new.json").exists()
    assert run("convert", "-o", str(tmp_path / "new.json"), str(MALFORMED_XML)).returncode == 1
    assert not (tmp_path / "new.json").exists()


@pytest.mark.parametrize("encoding", ["ascii", "utf-8"])
def test_file_names_any_terminal_cannot_show_are_escaped(tmp_path: Path, encoding: str) -> None:
    names = [os.fsdecode(b"\xfe.xml"), "caf\u00e9.xml"]
    for name in names:
        (tmp_path / name).write_bytes(RESPONSE_XML.read_bytes())
    (tmp_path / "broken\u00e9.xml").write_bytes(MALFORMED_XML.read_bytes())
    result = subprocess.run([sys.executable, "-m", "omni_codec", "validate", *names, "broken\u00e9.xml"],
                            capture_output=True, timeout=120, cwd=tmp_path,
                            env={**os.environ, "PYTHONIOENCODING": encoding})
    assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
    shown = result.stdout.decode(encoding).splitlines()
    assert shown[0] == "\\xfe.xml: valid OmniResponse (XML)"
    assert shown[1] == ("caf\\xe9.xml" if encoding == "ascii" else "caf\u00e9.xml") + ": valid OmniResponse (XML)"
    assert result.stderr.decode(encoding).startswith("broken\\xe9.xml:" if encoding == "ascii" else "broken\u00e9.xml:")


# ------------------------------------------------------------------- schemas


def test_schema_prints_the_shipped_files_byte_for_byte() -> None:
    assert run("schema").stdout == schemas.xsd_path().read_bytes()
    assert run("schema", "--format", "xsd").stdout == schemas.xsd_path().read_bytes()
    for cls in DOCUMENT_TYPES:
        printed = run("schema", "--format", "json-schema", "--type", cls.__name__.lower())
        assert printed.stdout == schemas.json_schema_path(cls).read_bytes()
    bundle = run("schema", "--format", "json-schema")
    assert bundle.stdout == schemas.json_schema_path().read_bytes()


def test_schema_output_option(tmp_path: Path) -> None:
    out = tmp_path / "omni.xsd"
    assert run("schema", "-o", str(out)).returncode == 0
    assert out.read_bytes() == schemas.xsd_path().read_bytes()


# ------------------------------------------------------------------- documentation


def _options() -> dict[str, set[str]]:
    """Every command and its long options, from the parser itself."""
    parser = _parser()
    (commands,) = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]
    found = {"": {s for a in parser._actions for s in a.option_strings if s.startswith("--")}}
    for name, sub in commands.choices.items():
        found[name] = {s for a in sub._actions for s in a.option_strings if s.startswith("--")} - {"--help"}
    return found


def test_every_command_and_option_is_in_the_help_and_the_readme() -> None:
    section = README.split("## The command line", 1)[1].split("\n## ", 1)[0]
    top = run("--help").stdout.decode()
    for command, options in _options().items():
        shown = run(command, "--help").stdout.decode() if command else top
        assert command in top and f"omni-codec {command}" in section, command
        for option in options - {"--help"}:
            assert option in shown, (command, option)
            assert option in section, (command, option)
    # The --format option explains its values (argparse lists the choices alone otherwise).
    assert re.search(r"--format \{xsd,json-schema\}\s+(?!-)\S", run("schema", "--help").stdout.decode())


def test_help_exits_zero_everywhere() -> None:
    for command in ["", *_options()]:
        result = run(*([command] if command else []), "--help")
        assert result.returncode == 0 and result.stdout, command
