"""Benchmarks by content class and document shape: ``python -m benchmarks.cliffs``.

A codec that meets its targets on its own regular documents can still fall off a
cliff on the documents real producers send. This run measures omni_codec against
its floors in the same run, sampled in turns (:mod:`benchmarks.timing`), for four
document types (the response, the simple request, an advanced request over several
channels, a delivery report):

* by **content class** (:data:`benchmarks.variety.CLASSES`): XML decode and encode
  against ``etree.fromstring`` / ``etree.tostring``; JSON decode and encode against
  bare msgspec, for the two types the main run has bare Structs for;
* by **shape** (:data:`benchmarks.variety.SHAPES`): XML decode of the same content
  laid out as other producers lay it out, against ``etree.fromstring`` of the same
  bytes.

Before anything is timed, every document must decode to the value of its compact
form (and that, to the value of its JSON form); a shape omni_codec does not read yet
is reported as such and not timed. The targets are judged at N = 10,000 only; a run
without that N (``--quick``) reports "not judged" rather than a verdict it cannot
measure. The report ends with the worst class and shape of each operation.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import msgspec
from lxml import etree

import omni_codec
from omni_codec._binding import published_document_of
from omni_codec import (
    DEFAULT_LIMITS,
    CodecError,
    Limits,
    OmniAdvancedRequest,
    OMNIReportsResponse,
    OmniResponse,
    OmniSimpleRequest,
)

from .contenders import msgspec_bare
from .timing import Policy, measure_in_turns
from .variety import CLASSES, SHAPES, TYPES, VarietyType, content_document, shape_document

__all__ = ["main"]

HERE = Path(__file__).resolve().parent
TARGET_N = 10_000
FULL_POLICY = Policy(min_sample=0.02, budget=0.3, min_repeats=3, max_repeats=7)
QUICK_POLICY = Policy(min_sample=0.002, budget=0.02, min_repeats=3, max_repeats=3)
MODELS: dict[VarietyType, type[Any]] = {
    "response": OmniResponse,
    "request": OmniSimpleRequest,
    "advanced": OmniAdvancedRequest,
    "report": OMNIReportsResponse,
}
NAMES: dict[VarietyType, str] = {t: cls.__name__ for t, cls in MODELS.items()}
#: The limits (ratio omni_codec / floor) of issue's targets, per kind of case.
LIMITS = {
    ("xml", "encode", "class"): 1.5,
    ("xml", "decode", "class"): 1.2,
    ("xml", "decode", "shape"): 2.0,
    ("json", "decode", "class"): 1.10,
    ("json", "encode", "class"): 1.10,
}
NOT_READABLE = "not readable yet"
#: The simple request is not in the OpenAPI description: it has no second dialect.
NO_SUCH_FORM = "no OpenAPI form"


class Mismatch(Exception):
    """omni_codec reads a document differently from its compact form."""


@dataclass(frozen=True)
class Result:
    doc_type: VarietyType
    format: str
    operation: str
    kind: str  # "class" or "shape"
    case: str
    n: int
    input_bytes: int
    omni: float | None
    floor: float | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.omni is None or self.floor is None:
            return None
        return self.omni / self.floor

    @property
    def limit(self) -> float:
        return LIMITS[(self.format, self.operation, self.kind)]

    @property
    def verdict(self) -> str:
        if self.note:
            return self.note
        if self.n != TARGET_N:
            return f"not judged (N={self.n:,})"
        assert self.ratio is not None
        return "MET" if self.ratio <= self.limit else "MISSED"


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    sizes: tuple[int, ...] = args.sizes or ((100,) if args.quick else (TARGET_N,))
    policy = QUICK_POLICY if args.quick else FULL_POLICY
    if args.cpu_time:
        policy = dataclasses.replace(policy, clock=time.thread_time)
    largest = max(sizes)
    limits = Limits(
        # (A delivery report in UTF-16 takes some 1.5 KB a message.)
        max_bytes=max(DEFAULT_LIMITS.max_bytes, 4096 * largest),
        max_list_items=max(DEFAULT_LIMITS.max_list_items, largest),
    )
    types = args.types or TYPES
    started = time.perf_counter()
    print(f"omni_codec by content class and shape: sizes {', '.join(f'{n:,}' for n in sizes)}; "
          f"types {', '.join(NAMES[t] for t in types)}; "
          f"clock {'thread CPU time' if args.cpu_time else 'wall time'}")
    results: list[Result] = []
    try:
        for doc_type in types:
            for n in sizes:
                if not args.no_classes:
                    results += _classes(doc_type, n, args.seed, limits, policy)
                if not args.no_shapes:
                    results += _shapes(doc_type, n, args.seed, limits, policy)
    except Mismatch as exc:
        print(f"\nMISMATCH: {exc}", file=sys.stderr)
        return 1
    print()
    print(format_results(results))
    print()
    print(format_worst(results))
    scaling = format_scaling(results)
    if scaling:
        print()
        print(scaling)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "cliffs.json").write_text(json.dumps(
        [{**asdict(r), "ratio": r.ratio, "limit": r.limit, "verdict": r.verdict} for r in results],
        indent=2,
    ) + "\n")
    if args.chart:
        write_chart(args.chart, results)
        print(f"\nChart: {args.chart}")
    print(f"\nResults: {out / 'cliffs.json'}\nTotal time: {time.perf_counter() - started:.0f} s")
    return 0


# --- cases ------------------------------------------------------------------------


def _timed(calls: list[Callable[[], Any]], policy: Policy) -> list[float]:
    firsts = []
    for call in calls:
        start = time.perf_counter()
        call()
        firsts.append(time.perf_counter() - start)
    return [t.median for t in measure_in_turns(list(zip(calls, firsts, strict=True)), policy)]


def _classes(
    doc_type: VarietyType, n: int, seed: int, limits: Limits, policy: Policy
) -> list[Result]:
    cls = MODELS[doc_type]
    xml_decoder = omni_codec.xml.Decoder(cls, limits=limits)
    json_decoder = omni_codec.json.Decoder(cls, limits=limits)
    xml_encoder, json_encoder = omni_codec.xml.Encoder(), omni_codec.json.Encoder()
    bare = msgspec_bare.TYPES.get(doc_type)  # type: ignore[call-overload]
    results = []
    for content in CLASSES:
        doc = content_document(doc_type, n, content, seed)
        value = xml_decoder.decode(doc.xml)
        if value != json_decoder.decode(doc.json):
            raise Mismatch(f"{NAMES[doc_type]} {content}: XML and JSON decode differently")
        if xml_decoder.decode(xml_encoder.encode(value)) != value:
            raise Mismatch(f"{NAMES[doc_type]} {content}: the XML encoding does not decode back")
        tree = etree.fromstring(doc.xml)
        cases: list[tuple[str, str, Callable[[], Any], Callable[[], Any], int]] = [
            ("xml", "decode", functools.partial(xml_decoder.decode, doc.xml),
             functools.partial(etree.fromstring, doc.xml), len(doc.xml)),
            ("xml", "encode", functools.partial(xml_encoder.encode, value),
             functools.partial(etree.tostring, tree), len(doc.xml)),
        ]
        if bare is not None:
            bare_value = msgspec.json.Decoder(bare).decode(doc.json)
            cases += [
                ("json", "decode", functools.partial(json_decoder.decode, doc.json),
                 functools.partial(msgspec.json.Decoder(bare).decode, doc.json), len(doc.json)),
                ("json", "encode", functools.partial(json_encoder.encode, value),
                 functools.partial(msgspec.json.Encoder().encode, bare_value), len(doc.json)),
            ]
        for fmt, operation, omni, floor, size in cases:
            omni_time, floor_time = _timed([omni, floor], policy)
            result = Result(doc_type, fmt, operation, "class", content, n, size, omni_time,
                            floor_time)
            results.append(result)
            _progress(result)
    return results


def _shapes(
    doc_type: VarietyType, n: int, seed: int, limits: Limits, policy: Policy
) -> list[Result]:
    cls = MODELS[doc_type]
    decoder = omni_codec.xml.Decoder(cls, limits=limits)
    reference = decoder.decode(shape_document(doc_type, n, "compact", seed).xml)
    results = []
    for shape in SHAPES:
        doc = shape_document(doc_type, n, shape, seed)
        try:
            readable = decoder.decode(doc.xml) == reference
        except CodecError as exc:
            if shape != "OpenAPI dialect":
                raise Mismatch(f"{NAMES[doc_type]} {shape}: {exc}") from None
            readable = False
        if not readable:
            if shape != "OpenAPI dialect":
                raise Mismatch(f"{NAMES[doc_type]} {shape}: decodes another value")
            note = NOT_READABLE if published_document_of(cls) is not None else NO_SUCH_FORM
            result = Result(doc_type, "xml", "decode", "shape", shape, n, len(doc.xml), None,
                            None, note)
        else:
            omni_time, floor_time = _timed(
                [functools.partial(decoder.decode, doc.xml),
                 functools.partial(etree.fromstring, doc.xml)],
                policy,
            )
            result = Result(doc_type, "xml", "decode", "shape", shape, n, len(doc.xml),
                            omni_time, floor_time)
        results.append(result)
        _progress(result)
    return results


def _progress(r: Result) -> None:
    ratio = "-" if r.ratio is None else f"{r.ratio:.2f}"
    print(f"  {NAMES[r.doc_type]:<20} {r.format.upper():<4} {r.operation:<6} {r.kind:<5} "
          f"{r.case:<24} N={r.n:<7,} ratio {ratio:>5}  {r.verdict}", flush=True)


# --- report -----------------------------------------------------------------------


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value * 1e3:.2f} ms" if value >= 1e-3 else f"{value * 1e6:.1f} us"


def format_results(results: Sequence[Result]) -> str:
    """One table per (format, operation, kind): a row per case, a column per type."""
    out = []
    keys = sorted({(r.format, r.operation, r.kind, r.n) for r in results},
                  key=lambda k: (k[3], k[0] != "xml", k[1], k[2]))
    for fmt, operation, kind, n in keys:
        rows = [r for r in results if (r.format, r.operation, r.kind, r.n) == (fmt, operation, kind, n)]
        types = [t for t in TYPES if any(r.doc_type == t for r in rows)]
        cases = list(dict.fromkeys(r.case for r in rows))
        limit = LIMITS[(fmt, operation, kind)]
        heads = [kind, *(NAMES[t] for t in types)]
        table = []
        for case in cases:
            cells = []
            for t in types:
                r = next((r for r in rows if r.doc_type == t and r.case == case), None)
                if r is None:
                    cells.append("")
                elif r.ratio is None:
                    cells.append(r.verdict)
                else:
                    mark = "" if r.n != TARGET_N else (" ok" if r.ratio <= limit else " MISSED")
                    cells.append(f"{r.ratio:.2f}{mark}")
            table.append([case, *cells])
        floor = "bare msgspec" if fmt == "json" else (
            "etree.fromstring" if operation == "decode" else "etree.tostring")
        title = (f"{fmt.upper()} {operation} by {kind}, N={n:,}: ratio omni_codec / {floor} "
                 f"(target <= {limit})")
        out.append(_grid(title, heads, table))
    return "\n\n".join(out)


def _grid(title: str, heads: list[str], table: list[list[str]]) -> str:
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(heads)]
    lines = [title, "  ".join(h.ljust(w) if i == 0 else h.rjust(w)
                              for i, (h, w) in enumerate(zip(heads, widths, strict=True)))]
    lines.append("  ".join("-" * w for w in widths))
    for row in table:
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return "\n".join(lines)


def worst(results: Sequence[Result]) -> list[Result]:
    """The worst measured case of each (format, operation, kind, N)."""
    out = []
    keys = dict.fromkeys((r.format, r.operation, r.kind, r.n) for r in results)
    for key in keys:
        measured = [r for r in results if (r.format, r.operation, r.kind, r.n) == key
                    and r.ratio is not None]
        if measured:
            out.append(max(measured, key=lambda r: r.ratio or 0.0))
    return out


def format_worst(results: Sequence[Result]) -> str:
    lines = ["Worst class and shape (ratio omni_codec / floor)"]
    for r in worst(results):
        lines.append(
            f"  {r.format.upper():<4} {r.operation:<6} by {r.kind:<5} N={r.n:<7,} "
            f"{r.ratio:.2f} ({NAMES[r.doc_type]}, {r.case}; target <= {r.limit})  {r.verdict}"
        )
    unread = sorted({f"{NAMES[r.doc_type]} {r.case}" for r in results if r.note == NOT_READABLE})
    if unread:
        lines.append(f"  {NOT_READABLE}: {', '.join(unread)}")
    return "\n".join(lines)


def format_scaling(results: Sequence[Result]) -> str:
    """omni_codec's time per message at the smallest and largest N of the run."""
    sizes = sorted({r.n for r in results})
    if len(sizes) < 2:
        return ""
    small, large = sizes[0], sizes[-1]
    index = {(r.doc_type, r.format, r.operation, r.kind, r.case, r.n): r for r in results}
    table = []
    for (t, fmt, op, kind, case, n), r in index.items():
        other = index.get((t, fmt, op, kind, case, large))
        if n != small or other is None or r.omni is None or other.omni is None:
            continue
        ratio = (other.omni / large) / (r.omni / small)
        table.append([f"{NAMES[t]} {fmt.upper()} {op} {case}", _seconds(r.omni / small),
                      _seconds(other.omni / large), f"{ratio:.2f}"])
    table.sort(key=lambda row: -float(row[-1]))
    heads = ["case", f"N={small:,}", f"N={large:,}", f"{large:,}/{small:,}"]
    return _grid("omni_codec time per message (flat = linear; worst first)", heads, table)


def write_chart(path: Path, results: Sequence[Result]) -> None:
    """One bar per class or shape at the run's largest N: the worst type's ratio to
    the floor, against the target."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = max(r.n for r in results)
    panels = [k for k in LIMITS if any((r.format, r.operation, r.kind) == k for r in results)]
    figure, axes = plt.subplots(1, len(panels), figsize=(4.0 * len(panels), 4.6), squeeze=False)
    for (fmt, op, kind), axis in zip(panels, axes.flat, strict=True):
        rows = [r for r in results if (r.format, r.operation, r.kind, r.n) == (fmt, op, kind, n)
                and r.ratio is not None]
        cases = list(dict.fromkeys(r.case for r in rows))
        ratios = [max(r.ratio or 0.0 for r in rows if r.case == c) for c in cases]
        limit = LIMITS[(fmt, op, kind)]
        colors = ["tab:red" if v > limit else "tab:blue" for v in ratios]
        axis.barh(cases, ratios, color=colors)
        axis.axvline(limit, color="black", linestyle="--", linewidth=1)
        axis.invert_yaxis()
        axis.set_title(f"{fmt.upper()} {op} by {kind}\n(worst type; target <= {limit})",
                       fontsize=9)
        axis.set_xlabel("omni_codec / floor")
        axis.tick_params(labelsize=7)
    figure.suptitle(f"Ratio to the floor at N = {n:,}, by content class and shape", fontsize=10)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    plt.close(figure)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(p.replace("_", "")) for p in text.split(",") if p}))


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.cliffs",
        description="omni_codec against its floors by content class and document shape.",
    )
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: N = 100, few samples; no target judged")
    parser.add_argument("--sizes", type=_sizes, default=None,
                        help="comma-separated N (default 10000; targets judged at 10000 only)")
    parser.add_argument("--types", type=lambda s: [p for p in s.split(",") if p],
                        default=None, help=f"only these types: {','.join(TYPES)}")
    parser.add_argument("--no-classes", action="store_true", help="skip the content classes")
    parser.add_argument("--no-shapes", action="store_true", help="skip the shapes")
    parser.add_argument("--out", type=Path, default=HERE / "results",
                        help="directory for cliffs.json (default benchmarks/results)")
    parser.add_argument("--chart", type=Path, default=None,
                        help="also draw the ratios per class and shape into this PNG")
    parser.add_argument("--cpu-time", action="store_true",
                        help="time with the thread's CPU time (for a machine shared with other work)")
    parser.add_argument("--seed", type=int, default=1729, help="data seed (default 1729)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
