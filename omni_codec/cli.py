"""The ``omni-codec`` command: convert between JSON and XML, validate, print schemas.

    omni-codec convert  [FILE ...] [--type T | --endpoint "METHOD PATH" [--response]]
                        [--to json|xml] [--pretty] [--strict] [--jsonl] [-o OUT] [-q]
                        [--max-bytes N] [--max-depth N] [--max-list-items N]
    omni-codec validate [FILE ...] [--type T | --endpoint "METHOD PATH" [--response]]
                        [--strict] [--all-errors] [--jsonl] [-q] [limits as above]
    omni-codec schema   [--format xsd|json-schema] [--type T] [-o OUT]
    omni-codec --version

Written for people used to xmllint and xmlschema: many files per run (``-`` is
standard input), one result per document, errors as ``FILE:LINE:COLUMN: message
(path)``, and an exit status that says what happened (see :data:`EXIT_OK` and the
others below). Nothing but the codec's own messages reaches the terminal: no
traceback, whatever the input, on Ctrl-C, when the reader of the output goes away
or when the output cannot be written.

How ``validate`` judges a document (the same rule for both formats):

* by default, it is valid when the decoder accepts it in its default mode, which
  ignores unknown members and elements;
* ``--strict`` rejects unknown members and elements too: JSON and XML are decoded
  with ``strict=True`` and XML is also checked against the XSD first, which
  rejects what the XSD does not describe; ``--all-errors`` then reports every XSD
  error instead of the first.
"""

from __future__ import annotations

import argparse
import dataclasses
import errno
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

import msgspec

from . import __version__
from . import json as omni_json
from . import xml as omni_xml
from ._binding import published_document_of, root_name
from ._json_errors import UTF8_BOM, locate, malformed, position
from .endpoints import ENDPOINTS, endpoint_for
from .errors import CodecError, DecodeError, ValidationError
from .limits import DEFAULT_LIMITS, Limits
from .models import DOCUMENT_TYPES
from .schemas import json_schema_path, xsd_path

__all__ = ["EXIT_INTERRUPTED", "EXIT_INVALID", "EXIT_OK", "EXIT_PIPE", "EXIT_USAGE", "main"]

#: Every document given was valid (and converted).
EXIT_OK = 0
#: At least one document was not valid: malformed, wrong shape, empty, not JSON or
#: XML, an unknown root element, over a limit, or not writable in the other format.
EXIT_INVALID = 1
#: The command line was wrong: an unknown option, type or endpoint, conflicting
#: options, a file that cannot be read or written, or a document whose type cannot
#: be chosen.
EXIT_USAGE = 2
#: Interrupted (Ctrl-C), as a shell reports a command ended by SIGINT.
EXIT_INTERRUPTED = 130
#: The reader of the output went away (``| head``), as a shell reports SIGPIPE.
EXIT_PIPE = 141

_TYPES = {cls.__name__.lower(): cls for cls in DOCUMENT_TYPES}
_TYPE_NAMES = ", ".join(cls.__name__ for cls in DOCUMENT_TYPES)
_STDIN = "<stdin>"
_STDOUT = "<stdout>"
_EPILOG = """\
exit status: 0 every document valid; 1 any document invalid (malformed, wrong
shape, empty, neither JSON nor XML, unknown root, over a limit); 2 usage error;
130 interrupted. Errors are printed as FILE:LINE:COLUMN: message (path).
"""


class UsageError(Exception):
    """A problem with the command line rather than with the payload."""


class OutputError(UsageError):
    """The output cannot be written (a full disk, a closed standard output): the
    run stops, as there is nowhere to put what follows."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit status (``EXIT_OK``, ``EXIT_INVALID``, ``EXIT_USAGE``,
    ``EXIT_INTERRUPTED`` or ``EXIT_PIPE``); ``--help``, ``--version`` and
    argparse's own usage errors raise :class:`SystemExit` as argparse does.
    """
    try:
        parser = _parser()
        args, extra = parser.parse_known_args(argv)
        # Files may follow options that follow files (``validate a.xml --strict b.xml``).
        if extra and getattr(args, "files", None) is not None and all(e == "-" or not e.startswith("-") for e in extra):
            args.files += extra
        elif extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        status = int(args.run(args))
        _flush_stdout()  # (a failure reported here, not by the interpreter at exit)
        return status
    except KeyboardInterrupt:
        _say("", sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE
    except UsageError as exc:
        if isinstance(exc, OutputError):
            _silence_stdout()
        _say(f"omni-codec: {exc}", sys.stderr)
        return EXIT_USAGE


def _silence_stdout() -> None:
    """Point standard output at nothing, so that the interpreter's own flush of
    what is left when it exits cannot fail again (and print a traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no standard output to point
        pass


def _say(text: str, stream: Any) -> None:
    """Print ``text`` on ``stream`` (nothing if it is closed), characters its
    encoding lacks written as backslash escapes: a file name is never a reason
    to fail. Standard output that cannot be written stops the run; standard
    error that cannot be written leaves nowhere to say so."""
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        print(text.encode(encoding, "backslashreplace").decode(encoding), file=stream)
    except BrokenPipeError:
        if stream is sys.stdout:
            raise
    except OSError as exc:
        if stream is sys.stdout:
            raise OutputError(f"cannot write {_STDOUT}: {exc.strerror or exc}") from None


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {_STDOUT}: {exc.strerror or exc}") from None


def _shown(name: str) -> str:
    """A file name as the user gave it, its bytes that are not text (kept by
    Python as lone surrogates) shown as ``\\xNN``."""
    return os.fsencode(name).decode(sys.getfilesystemencoding(), "backslashreplace")


# --------------------------------------------------------------------------- options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omni-codec",
        description="Infobip OMNI API v1 payloads: convert JSON <-> XML, validate, print the schemas.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"omni-codec {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert JSON to XML or XML to JSON",
        description="Convert each document to the other format (or the one --to names). "
        "Several documents are written one after another, each ending with a newline.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(convert)
    convert.add_argument("--to", choices=("json", "xml"), help="output format (default: the other one)")
    convert.add_argument("--pretty", action="store_true", help="indent the output for people")
    convert.add_argument(
        "-o", "--output", metavar="OUT", help="write the output to the file OUT (default: standard output)"
    )
    convert.set_defaults(run=_convert)

    validate = commands.add_parser(
        "validate",
        help="check documents; exit 1 if any is not valid",
        description="Check each document and print one result per document: "
        "'FILE: valid TYPE (FORMAT)' on standard output, or its errors on standard error. "
        "By default a document is valid when the decoder accepts it (unknown fields "
        "ignored); --strict also rejects unknown fields, and checks XML against the XSD.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(validate)
    validate.add_argument(
        "--all-errors",
        action="store_true",
        help="with --strict: report every XSD error of an XML document, not only the first",
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the shipped XSD or JSON Schemas",
        description="Print a schema file shipped with omni_codec, byte for byte.",
    )
    schema.add_argument(
        "--format",
        choices=("xsd", "json-schema"),
        default="xsd",
        help="xsd: the XSD of the XML form (every type; the default); json-schema: the "
        "JSON Schema of --type, or without --type one schema accepting any document type",
    )
    schema.add_argument("--type", metavar="T", help=f"with --format json-schema: one of {_TYPE_NAMES}")
    schema.add_argument(
        "-o", "--output", metavar="OUT", help="write to the file OUT (default: standard output)"
    )
    schema.set_defaults(run=_schema)
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "files", nargs="*", metavar="FILE", help="input files; - is standard input (the default)"
    )
    which = command.add_mutually_exclusive_group()
    which.add_argument(
        "--type",
        metavar="T",
        help=f"the OMNI type of every document, case-insensitive: {_TYPE_NAMES} "
        "(default: chosen by the XML root element, of either dialect; JSON needs it or --endpoint)",
    )
    which.add_argument(
        "--endpoint",
        metavar='"METHOD PATH"',
        help='the API call the documents belong to, e.g. "POST /omni/1/text": its request type',
    )
    command.add_argument(
        "--response", action="store_true", help="with --endpoint: the documents are the call's response"
    )
    command.add_argument(
        "--strict", action="store_true", help="reject unknown fields (JSON members, XML elements and attributes)"
    )
    command.add_argument(
        "--jsonl",
        action="store_true",
        help="JSON Lines: each non-blank line of an input is one document; output is one "
        "document per line",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing for valid documents; errors only"
    )
    limits = command.add_argument_group("limits (a document over one is invalid)")
    limits.add_argument(
        "--max-bytes",
        type=_size,
        metavar="N",
        help=f"largest document, in bytes; K, M, G suffixes are powers of 1024 "
        f"(default: {DEFAULT_LIMITS.max_bytes // 2**20}M)",
    )
    limits.add_argument(
        "--max-depth", type=_count, metavar="N", help=f"deepest nesting (default: {DEFAULT_LIMITS.max_depth})"
    )
    limits.add_argument(
        "--max-list-items",
        type=_count,
        metavar="N",
        help=f"most items in any one list (default: {DEFAULT_LIMITS.max_list_items})",
    )


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _size(text: str) -> int:
    scale = {"K": 2**10, "M": 2**20, "G": 2**30}.get(text[-1:].upper(), 1)
    return _count(text[:-1] if scale > 1 else text) * scale


# --------------------------------------------------------------------------- inputs


@dataclasses.dataclass
class _Document:
    """One document to judge: where it came from, and its bytes."""

    name: str  # the file as the user named it, or <stdin>
    data: bytes
    line: int | None = None  # for a JSON Lines record, its line in the file
    error: Exception | None = None  # why it could not be read

    def where(self, line: int | None = None, column: int | None = None) -> str:
        """``FILE``, ``FILE:LINE`` or ``FILE:LINE:COLUMN``, lines counted in the file."""
        if line is None:
            return self.name if self.line is None else f"{self.name}:{self.line}"
        text = f"{self.name}:{(self.line or 1) + line - 1}"
        return text if column is None else f"{text}:{column}"


class _Run:
    """What one command run has seen: its options, output, and worst outcome."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.status = EXIT_OK
        self.limits = _limits(args)
        self.fixed_type = _fixed_type(args)
        if args.response and args.endpoint is None:
            raise UsageError("--response needs --endpoint")

    def fail(self, status: int) -> None:
        self.status = max(self.status, status)

    def documents(self) -> Iterator[_Document]:
        for name in self.args.files or ["-"]:
            shown = _STDIN if name == "-" else _shown(name)
            try:
                # JSON Lines: max_bytes bounds each record, not the file.
                data = _read(name, None if self.args.jsonl else self.limits)
            except OSError as exc:
                yield _Document(shown, b"", error=UsageError(f"cannot read {shown}: {exc.strerror or exc}"))
                continue
            except DecodeError as exc:  # over max_bytes, known before reading
                yield _Document(shown, b"", error=exc)
                continue
            if not self.args.jsonl:
                yield _Document(shown, data)
                continue
            for number, line in enumerate(data.split(b"\n"), 1):
                if line.strip():
                    yield _Document(shown, line, number)

    def types_for(self, doc: _Document, xml_input: bool) -> list[type[Any]]:
        """The candidate types of ``doc``: one, or several when a root is shared."""
        if self.fixed_type is not None:
            return [self.fixed_type]
        if not xml_input:
            raise UsageError(f"{doc.where()}: JSON input needs --type or --endpoint")
        root = _xml_root(doc.data, self.limits)
        candidates = [cls for cls in DOCUMENT_TYPES if root in _roots(cls)]
        if not candidates:
            raise DecodeError(f"No OMNI document type has the root element <{root}>; known roots: "
                              + ", ".join(sorted({f"<{r}>" for c in DOCUMENT_TYPES for r in _roots(c)})))
        return candidates

    def report(self, doc: _Document, exc: CodecError, prefix: str = "") -> None:
        """Print ``exc`` (each of its errors) as ``FILE:LINE:COLUMN: message (path)``."""
        for error in exc.errors if isinstance(exc, ValidationError) else (exc,):
            self._report_one(doc, error, prefix)
        self.fail(EXIT_INVALID)

    def _report_one(self, doc: _Document, exc: CodecError, prefix: str) -> None:
        line, column = getattr(exc, "line", None), getattr(exc, "column", None)
        if line is None and isinstance(exc, ValidationError) and not _is_xml(doc.data):
            line, column = _json_position(doc.data, exc.path)
        message = getattr(exc, "message", str(exc))
        path = getattr(exc, "path", None)
        located = f"{message} ({path})" if path is not None else message
        _say(f"{doc.where(line, column)}: {prefix}{located}", sys.stderr)


def _read(name: str, limits: Limits | None) -> bytes:
    if name == "-":
        if sys.stdin is None:
            raise OSError(errno.EBADF, "standard input is closed")
        stream: IO[bytes] = sys.stdin.buffer
        return stream.read()
    with open(name, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if limits is not None and size > limits.max_bytes:  # no need to read what will be refused
            limits.check_size(size)
        return file.read()


def _limits(args: argparse.Namespace) -> Limits:
    given = {
        "max_bytes": args.max_bytes,
        "max_depth": args.max_depth,
        "max_list_items": args.max_list_items,
    }
    return dataclasses.replace(DEFAULT_LIMITS, **{k: v for k, v in given.items() if v is not None})


def _fixed_type(args: argparse.Namespace) -> type[Any] | None:
    # (An empty --type or --endpoint is given, and unknown: not left out.)
    if args.type is not None:
        return _named_type(args.type)
    if args.endpoint is not None:
        return _endpoint_type(args.endpoint, args.response)
    return None


def _named_type(name: str) -> type[Any]:
    cls = _TYPES.get(name.lower())
    if cls is None:
        raise UsageError(f"unknown type {name!r}; known: {_TYPE_NAMES}")
    return cls


def _endpoint_type(line: str, response: bool) -> type[Any]:
    method, _, path = line.strip().partition(" ")
    endpoint = endpoint_for(method, path.strip())
    if endpoint is None:
        known = "; ".join(f"{e.method} {e.path}" for e in ENDPOINTS)
        raise UsageError(f"unknown endpoint {line!r}; known: {known}")
    cls = endpoint.response if response else endpoint.request
    if cls is None:
        what = "response" if response else "request"
        hint = "" if response else " (add --response for its answer)"
        raise UsageError(f"{endpoint.method} {endpoint.path} has no {what} body{hint}")
    return cls


def _is_xml(data: bytes) -> bool:
    # XML may start with a byte order mark; UTF-16 documents start with one or
    # with a NUL byte beside the "<".
    head = data.lstrip(b" \t\r\n\xef\xbb\xbf")[:2]
    return head[:1] == b"<" or head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head


def _check_json_like(data: bytes) -> None:
    """Refuse, as a bad payload, what is neither XML nor JSON."""
    text = data.removeprefix(UTF8_BOM).strip()
    if not text:
        raise DecodeError("Empty input: no JSON or XML document")
    if text[:1] not in b'{["-0123456789tfn':
        raise DecodeError("Neither JSON nor XML: a document starts with '{', '[' or '<'")
    try:
        msgspec.json.decode(text, type=msgspec.Raw)  # well-formed, before asking for a type
    except msgspec.DecodeError as exc:
        raise malformed(exc, data.removeprefix(UTF8_BOM)) from None


def _json_position(data: bytes, path: str) -> tuple[int | None, int | None]:
    text = data.removeprefix(UTF8_BOM)
    offset = locate(text, path)
    return (None, None) if offset is None else position(text, offset)


def _xml_root(data: bytes, limits: Limits) -> str:
    """The root element's name (parsing with the codec's safe parser)."""
    from ._xml.parser import parse

    return str(parse(data, limits).tag)


def _roots(cls: type[Any]) -> tuple[str, ...]:
    """The root elements a document of ``cls`` may have: the source document's,
    and the second dialect's when the type has one (SPEC section 5)."""
    published = published_document_of(cls)
    return (root_name(cls),) if published is None else (root_name(cls), published.root)


def _prepare(run: _Run, doc: _Document) -> tuple[bool, list[type[Any]]]:
    """The format of ``doc`` and its candidate types; raises for a bad payload."""
    if doc.error is not None:
        raise doc.error
    xml_input = _is_xml(doc.data)
    if not xml_input and run.fixed_type is None:
        _check_json_like(doc.data)
    return xml_input, run.types_for(doc, xml_input)


# --------------------------------------------------------------------------- commands


def _convert(args: argparse.Namespace) -> int:
    run = _Run(args)
    if args.jsonl and args.pretty:
        raise UsageError("--pretty writes several lines per document; it cannot go with --jsonl")
    out = _Output(args.output, args.files or ["-"])
    try:
        for doc in run.documents():
            try:
                xml_input, candidates = _prepare(run, doc)
                if len(candidates) > 1:
                    names = " or ".join(c.__name__ for c in candidates)
                    raise UsageError(f"{doc.where()}: <{_xml_root(doc.data, run.limits)}> may be {names}; "
                                     "give --type or --endpoint")
                converted = _converted(args, doc, xml_input, candidates[0], run.limits)
            except OutputError:
                raise
            except UsageError as exc:
                _say(f"omni-codec: {exc}", sys.stderr)
                run.fail(EXIT_USAGE)
            except CodecError as exc:
                run.report(doc, exc)
            else:
                out.write(converted)
    finally:
        out.close()
    return run.status


def _converted(args: argparse.Namespace, doc: _Document, xml_input: bool, cls: type[Any], limits: Limits) -> bytes:
    source: Any = omni_xml if xml_input else omni_json
    value = source.decode(doc.data, type=cls, strict=args.strict, limits=limits)
    if (args.to or ("json" if xml_input else "xml")) == "xml":
        out = omni_xml.encode(value, pretty=args.pretty)
        if args.jsonl:
            # One document per line: in a document written without indentation a
            # line feed can only be text, where a reference to it means the same.
            out = out.replace(b"\n", b"&#10;")
    else:
        out = omni_json.encode(value)
        if args.pretty:
            out = msgspec.json.format(out, indent=2)
    return out + b"\n"


class _Output:
    """Where the output goes: standard output, or the file ``-o`` names, which
    is opened at the first write, so that a run that writes nothing (every
    input refused) leaves it as it was. A failure to write stops the run with
    an :class:`OutputError`."""

    def __init__(self, name: str | None, inputs: Sequence[str]) -> None:
        self.name = None if name == "-" else name
        self.shown = _STDOUT if self.name is None else _shown(self.name)
        self._file: IO[bytes] | None = None
        if self.name is not None and os.path.exists(self.name):
            if any(_same_file(given, self.name) for given in inputs):
                raise UsageError(f"the output {self.shown} is also an input")

    def write(self, data: bytes) -> None:
        try:
            if self._file is None:
                self._file = self._open()
            self._file.write(data)
            self._file.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write {self.shown}: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._file is not None and self.name is not None:
            try:
                self._file.close()
            except OSError as exc:
                raise OutputError(f"cannot write {self.shown}: {exc.strerror or exc}") from None

    def _open(self) -> IO[bytes]:
        if self.name is not None:
            return open(self.name, "wb")
        if sys.stdout is None:
            raise OSError(errno.EBADF, "standard output is closed")
        return sys.stdout.buffer


def _same_file(given: str, name: str) -> bool:
    """Whether the input ``given`` (``-``: standard input) is the file ``name``."""
    try:
        if given == "-":
            return sys.stdin is not None and os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(name))
        return os.path.exists(given) and os.path.samefile(given, name)
    except (OSError, ValueError):  # a closed or unusual standard input: not the file
        return False


def _validate(args: argparse.Namespace) -> int:
    run = _Run(args)
    if args.all_errors and not args.strict:
        raise UsageError("--all-errors lists every XSD error, and the XSD is checked with --strict: add --strict")
    counts = [0, 0]  # not valid, valid
    for doc in run.documents():
        valid = False
        try:
            xml_input, candidates = _prepare(run, doc)
            valid = _judge(run, doc, xml_input, candidates)
        except UsageError as exc:
            _say(f"omni-codec: {exc}", sys.stderr)
            run.fail(EXIT_USAGE)
        except CodecError as exc:
            run.report(doc, exc)
        counts[valid] += 1
    if sum(counts) > 1 and not args.quiet:
        _say(f"{counts[1]} valid, {counts[0]} not valid", sys.stderr)
    return run.status


def _judge(run: _Run, doc: _Document, xml_input: bool, candidates: list[type[Any]]) -> bool:
    """Whether ``doc`` is valid; prints its result (which types), or its errors.

    Raises the error when there is one candidate type; with several (a shared
    root), reports why it is none of them.
    """
    args = run.args
    if xml_input and args.strict:
        omni_xml.validate(doc.data, limits=run.limits, all_errors=args.all_errors)
    source: Any = omni_xml if xml_input else omni_json
    accepted: list[str] = []
    errors: list[tuple[type[Any], CodecError]] = []
    for cls in candidates:
        try:
            source.decode(doc.data, type=cls, strict=args.strict, limits=run.limits)
        except CodecError as exc:
            errors.append((cls, exc))
        else:
            accepted.append(cls.__name__)
    if accepted:
        if not args.quiet:
            _say(f"{doc.where()}: valid {' and '.join(accepted)} ({'XML' if xml_input else 'JSON'})", sys.stdout)
        return True
    if len(errors) == 1:
        raise errors[0][1]
    for cls, error in errors:
        run.report(doc, error, prefix=f"not a {cls.__name__}: ")
    return False


def _schema(args: argparse.Namespace) -> int:
    if args.format == "xsd":
        if args.type is not None:
            raise UsageError("the XSD describes every type; --type goes with --format json-schema")
        path = xsd_path()
    else:
        path = json_schema_path(None if args.type is None else _named_type(args.type))
    out = _Output(args.output, [])
    try:
        out.write(path.read_bytes())
    finally:
        out.close()
    return EXIT_OK


def __dir__() -> list[str]:
    return sorted(__all__)
