"""The ``omni-codec`` command: convert between JSON and XML, and validate.

    omni-codec convert [FILE] [--type T | --endpoint "METHOD PATH" [--response]]
                       [--to json|xml] [--pretty] [--strict]
    omni-codec validate [FILE] [--type T | --endpoint "METHOD PATH" [--response]] [--strict]
    omni-codec schema --format xsd|json-schema [--type T]

FILE defaults to standard input. The input format is recognised from its first
significant character (``<`` is XML). An XML document's root element chooses the
type where only one type has that root; JSON input, and ``<request>`` once several
request types share it, need ``--type``. Errors are one line on standard error and
exit status 1 (2 for usage errors), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO

from . import json as omni_json
from . import xml as omni_xml
from ._binding import root_name
from .errors import CodecError
from .models import DOCUMENT_TYPES

__all__ = ["main"]

_TYPES = {cls.__name__.lower(): cls for cls in DOCUMENT_TYPES}


class UsageError(Exception):
    """A problem with the command line rather than with the payload."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        data = b"" if args.file is None else _read(args.file)
        return int(args.run(args, data))
    except UsageError as exc:
        print(f"omni-codec: {exc}", file=sys.stderr)
        return 2
    except CodecError as exc:
        print(f"omni-codec: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omni-codec", description="Infobip OMNI API v1 payloads: JSON <-> XML, validation."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    type_help = "OMNI type of the payload: " + ", ".join(c.__name__ for c in DOCUMENT_TYPES)

    convert = commands.add_parser("convert", help="convert JSON to XML or XML to JSON")
    convert.add_argument("file", nargs="?", default="-", help="input file (default: stdin)")
    _add_type_options(convert, type_help)
    convert.add_argument("--to", choices=("json", "xml"), help="output format (default: the other one)")
    convert.add_argument("--pretty", action="store_true", help="indent the output for people")
    convert.add_argument("--strict", action="store_true", help="reject unknown fields")
    convert.set_defaults(run=_convert)

    validate = commands.add_parser("validate", help="check a payload; exit 1 if it is not valid")
    validate.add_argument("file", nargs="?", default="-", help="input file (default: stdin)")
    _add_type_options(validate, type_help)
    validate.add_argument("--strict", action="store_true", help="reject unknown fields")
    validate.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="print the XSD or the JSON Schemas")
    schema.add_argument("--format", choices=("xsd", "json-schema"), default="xsd")
    schema.add_argument("--type", help=type_help + " (JSON Schema only; default: all)")
    schema.set_defaults(run=_schema, file=None)
    return parser


def _add_type_options(command: argparse.ArgumentParser, type_help: str) -> None:
    command.add_argument("--type", help=type_help)
    command.add_argument(
        "--endpoint", metavar='"METHOD PATH"', help='the API call the body belongs to, e.g. "POST /omni/1/text"'
    )
    command.add_argument("--response", action="store_true", help="with --endpoint: the body is its answer")


def _read(name: str) -> bytes:
    if name == "-":
        stream: BinaryIO = sys.stdin.buffer
        return stream.read()
    try:
        with open(name, "rb") as file:
            return file.read()
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from None


def _is_xml(data: bytes) -> bool:
    # XML may start with a byte order mark; UTF-16 documents start with one or
    # with a NUL byte beside the "<".
    head = data.lstrip(b" \t\r\n\xef\xbb\xbf")[:2]
    return head[:1] == b"<" or head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head


def _named_type(name: str) -> type[Any]:
    cls = _TYPES.get(name.lower())
    if cls is None:
        known = ", ".join(c.__name__ for c in DOCUMENT_TYPES)
        raise UsageError(f"unknown type {name!r}; known: {known}")
    return cls


def _pick_type(args: argparse.Namespace, data: bytes, xml_input: bool) -> type[Any]:
    if args.type:
        return _named_type(args.type)
    if args.endpoint:
        return _endpoint_type(args.endpoint, args.response)
    if not xml_input:
        raise UsageError("JSON input needs --type or --endpoint")
    root = _xml_root(data)
    candidates = [cls for cls in DOCUMENT_TYPES if root_name(cls) == root]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise UsageError(f"no OMNI type has the root element <{root}>; give --type")
    names = " or ".join(c.__name__ for c in candidates)
    raise UsageError(f"<{root}> may be {names}; give --type or --endpoint")


def _endpoint_type(line: str, response: bool) -> type[Any]:
    from .endpoints import endpoint_for

    method, _, path = line.strip().partition(" ")
    endpoint = endpoint_for(method, path.strip())
    if endpoint is None:
        raise UsageError(f"unknown endpoint {line!r}")
    cls = endpoint.response if response else endpoint.request
    if cls is None:
        raise UsageError(f"{line} has no {'response' if response else 'request'} body")
    return cls


def _xml_root(data: bytes) -> str:
    """The root element's name (parsing with the codec's safe parser)."""
    from ._xml.parser import parse
    from .limits import DEFAULT_LIMITS

    return str(parse(data, DEFAULT_LIMITS).tag)


def _convert(args: argparse.Namespace, data: bytes) -> int:
    xml_input = _is_xml(data)
    cls = _pick_type(args, data, xml_input)
    source = omni_xml if xml_input else omni_json
    value = source.decode(data, type=cls, strict=args.strict)
    target = args.to or ("json" if xml_input else "xml")
    if target == "xml":
        out = omni_xml.encode(value, pretty=args.pretty)
    else:
        out = omni_json.encode(value)
        if args.pretty:
            import msgspec

            out = msgspec.json.format(out, indent=2)
    sys.stdout.buffer.write(out + b"\n")
    sys.stdout.flush()
    return 0


def _validate(args: argparse.Namespace, data: bytes) -> int:
    xml_input = _is_xml(data)
    if xml_input:
        omni_xml.validate(data)
    cls = _pick_type(args, data, xml_input)
    (omni_xml if xml_input else omni_json).decode(data, type=cls, strict=args.strict)
    print(f"valid {cls.__name__} ({'XML' if xml_input else 'JSON'})")
    return 0


def _schema(args: argparse.Namespace, data: bytes) -> int:
    from ._schema import generate_json_schema
    from ._schema.validate import schema_path

    if args.format == "xsd":
        sys.stdout.buffer.write(schema_path().read_bytes())
        return 0
    import msgspec

    types = [_named_type(args.type)] if args.type else list(DOCUMENT_TYPES)
    schemas = {cls.__name__: generate_json_schema(cls) for cls in types}
    document = schemas[types[0].__name__] if args.type else schemas
    sys.stdout.buffer.write(msgspec.json.format(msgspec.json.encode(document), indent=2) + b"\n")
    return 0
