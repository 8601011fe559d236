"""The run's results: the plain-text tables, the target check, the JSON file, the chart.

All ratios are omni_codec's median time divided by the other contender's, at the same
document and operation: below 1 means omni_codec is faster. The targets are the
project's performance targets, checked at N = 10,000 where the run has it.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from .data import DOC_TYPES, DocType, Format
from .memory import MemoryResult

__all__ = [
    "TARGETS",
    "Row",
    "Target",
    "check_targets",
    "format_memory",
    "format_scaling",
    "format_tables",
    "format_targets",
    "scaling",
    "write_chart",
    "write_json",
]

Operation = Literal["decode", "encode"]
OPERATIONS: tuple[Operation, ...] = ("decode", "encode")
FORMATS: tuple[Format, ...] = ("json", "xml")
TYPE_NAMES: dict[DocType, str] = {"response": "OmniResponse", "request": "OmniSimpleRequest"}
SUBJECT = "omni_codec"
TARGET_N = 10_000


@dataclass(frozen=True)
class Row:
    """One timed (or skipped) operation of one contender on one document."""

    doc_type: DocType
    format: Format
    operation: Operation
    n: int
    contender: str
    label: str
    role: str
    input_bytes: int
    median: float | None
    samples: tuple[float, ...] = ()
    number: int = 0
    skipped: str | None = None


@dataclass(frozen=True)
class Target:
    """The target "``subject`` / ``peer`` <= ``limit``" for one format and operation;
    the subject is omni_codec, or one of its variants."""

    format: Format
    operation: Operation
    peer: str
    limit: float
    wording: str
    subject: str = SUBJECT


TARGETS: tuple[Target, ...] = (
    Target("xml", "decode", "lxml floor", 2.0, "within 2.0x of etree.fromstring"),
    Target("xml", "decode", "xsdata", 1 / 15, "at least 15x faster than xsdata"),
    Target("xml", "decode", "pydantic-xml", 1 / 15, "at least 15x faster than pydantic-xml"),
    Target("xml", "decode", "xmltodict", 1.0, "faster than xmltodict"),
    Target("xml", "encode", "lxml floor", 2.5, "within 2.5x of etree.tostring (prebuilt tree)"),
    Target("xml", "encode", "xsdata", 1 / 30, "at least 30x faster than xsdata"),
    Target("xml", "encode", "pydantic-xml", 1 / 30, "at least 30x faster than pydantic-xml"),
    Target("json", "decode", "msgspec", 1.15, "within 1.15x of bare msgspec"),
    # Checking every value in Python costs two to three times what msgspec's own
    # writing costs; without the checks, the encoder is msgspec's.
    Target("json", "encode", "msgspec", 4.0, "checked: within 4.0x of bare msgspec"),
    Target(
        "json", "encode", "msgspec", 1.15, "check=False: within 1.15x of bare msgspec",
        subject="omni_codec check=False",
    ),
)


def _seconds(value: float | None) -> str:
    if value is None:
        return "skipped"
    if value < 1e-3:
        return f"{value * 1e6:.2f} us"
    if value < 1:
        return f"{value * 1e3:.2f} ms"
    return f"{value:.2f} s"


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None:
        return None
    return numerator / denominator


def _ratio_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


def _labels(rows: Iterable[Row], fmt: Format) -> list[str]:
    """Contender labels of ``fmt`` in run order (subject, floors, peers)."""
    seen: dict[str, None] = {}
    for row in rows:
        if row.format == fmt:
            seen.setdefault(row.label, None)
    return list(seen)


def _index(rows: Iterable[Row]) -> dict[tuple[DocType, Format, Operation, int, str], Row]:
    return {(r.doc_type, r.format, r.operation, r.n, r.label): r for r in rows}


def format_tables(rows: Sequence[Row]) -> str:
    """One table per (type, format, operation): medians per N, then the ratios."""
    index = _index(rows)
    sizes = sorted({r.n for r in rows})
    out: list[str] = []
    for doc_type in DOC_TYPES:
        for fmt in FORMATS:
            roles = {r.label: r.role for r in rows}
            for operation in OPERATIONS:
                # A variant is timed only for the operations its option changes.
                labels = [
                    label for label in _labels(rows, fmt)
                    if any(index.get((doc_type, fmt, operation, n, label)) for n in sizes)
                ]
                others = [label for label in labels if label != SUBJECT]
                heads = ["N", *labels] + [
                    f"omni/{'floor' if roles[o] == 'floor' else o}" for o in others
                ]
                table: list[list[str]] = []
                for n in sizes:
                    cells = [index.get((doc_type, fmt, operation, n, label)) for label in labels]
                    if all(cell is None for cell in cells):
                        continue
                    medians = {
                        label: cell.median if cell else None
                        for label, cell in zip(labels, cells, strict=True)
                    }
                    table.append(
                        [f"{n:,}"]
                        + [_seconds(medians[label]) for label in labels]
                        + [_ratio_text(_ratio(medians[SUBJECT], medians[o])) for o in others]
                    )
                if not table:
                    continue
                title = (
                    f"{TYPE_NAMES[doc_type]} {fmt.upper()} {operation} (median seconds per call)"
                )
                out.append(_grid(title, heads, table))
    return "\n\n".join(out)


def _grid(title: str, heads: list[str], table: list[list[str]]) -> str:
    widths = [max(len(head), *(len(row[i]) for row in table)) for i, head in enumerate(heads)]
    lines = [title, "  ".join(head.rjust(w) for head, w in zip(heads, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in table
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class TargetResult:
    doc_type: DocType
    target: Target
    n: int
    ratio: float | None

    @property
    def judged(self) -> bool:
        """Whether this result can say if the target is met: the targets are set
        at N = 10,000, and a run without that N (``--quick``) cannot tell."""
        return self.n == TARGET_N

    @property
    def met(self) -> bool | None:
        if self.ratio is None or not self.judged:
            return None
        return self.ratio <= self.target.limit


def check_targets(rows: Sequence[Row]) -> list[TargetResult]:
    """Each target for each document type, at N = 10,000 (or the largest N run)."""
    sizes = sorted({r.n for r in rows})
    n = TARGET_N if TARGET_N in sizes else sizes[-1]
    index = _index(rows)
    results = []
    for doc_type in DOC_TYPES:
        for target in TARGETS:
            subject = index.get((doc_type, target.format, target.operation, n, target.subject))
            peer = index.get((doc_type, target.format, target.operation, n, target.peer))
            if subject is None or peer is None:
                continue
            results.append(TargetResult(doc_type, target, n, _ratio(subject.median, peer.median)))
    return results


def format_targets(results: Sequence[TargetResult]) -> str:
    if not results:
        return ""
    lines = [f"Targets at N = {results[0].n:,} (ratio = omni_codec / other; lower is faster)"]
    if not results[0].judged:
        lines[0] += f"; the targets are set at N = {TARGET_N:,}: none is judged"
    for result in results:
        t = result.target
        if not result.judged:
            verdict = "not judged"
        else:
            verdict = {True: "MET", False: "MISSED", None: "n/a (skipped)"}[result.met]
        if result.ratio is None:
            measured = "-"
        elif t.limit < 1 or t.peer == "xmltodict":
            measured = f"ratio {result.ratio:.3g} = {1 / result.ratio:.1f}x faster"
        else:
            measured = f"ratio {result.ratio:.3g}"
        lines.append(
            f"  {TYPE_NAMES[result.doc_type]:<18} {t.format.upper():<4} {t.operation:<6} "
            f"{t.wording:<46} {measured:<32} {verdict}"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class Scaling:
    doc_type: DocType
    format: Format
    operation: Operation
    per_message: dict[int, float]

    @property
    def ratio(self) -> float:
        sizes = sorted(self.per_message)
        return self.per_message[sizes[-1]] / self.per_message[sizes[0]]


def scaling(rows: Sequence[Row], sizes: Sequence[int]) -> list[Scaling]:
    """omni_codec's time per message at ``sizes``: flat means linear cost."""
    index = _index(rows)
    out = []
    for doc_type in DOC_TYPES:
        for fmt in FORMATS:
            for operation in OPERATIONS:
                per_message = {}
                for n in sizes:
                    row = index.get((doc_type, fmt, operation, n, SUBJECT))
                    if row is not None and row.median is not None:
                        per_message[n] = row.median / n
                if len(per_message) >= 2:
                    out.append(Scaling(doc_type, fmt, operation, per_message))
    return out


def format_scaling(results: Sequence[Scaling]) -> str:
    if not results:
        return ""
    sizes = sorted({n for s in results for n in s.per_message})
    heads = ["type", "format", "op", *(f"N={n:,}" for n in sizes), f"{sizes[-1]:,}/{sizes[0]:,}"]
    table = [
        [TYPE_NAMES[s.doc_type], s.format.upper(), s.operation]
        + [_seconds(s.per_message.get(n)) if n in s.per_message else "-" for n in sizes]
        + [f"{s.ratio:.2f}"]
        for s in results
    ]
    return _grid("omni_codec time per message (flat = linear; last column ~1)", heads, table)


def format_memory(results: Sequence[MemoryResult], labels: dict[str, str]) -> str:
    if not results:
        return ""
    by_key: dict[tuple[str, DocType], dict[str, MemoryResult]] = {}
    for result in results:
        by_key.setdefault((result.contender, result.doc_type), {})[result.mode] = result
    heads = [
        "type",
        "contender",
        "N",
        "input",
        "tracemalloc peak",
        "x input",
        "RSS peak",
        "x input",
    ]
    table = []
    for (key, doc_type), modes in by_key.items():
        traced, rss = modes.get("tracemalloc"), modes.get("rss")
        any_result = traced or rss
        assert any_result is not None
        table.append(
            [
                TYPE_NAMES[doc_type],
                labels.get(key, key),
                f"{any_result.n:,}",
                _mib(any_result.input_bytes),
                _mib(traced.peak_bytes) if traced else "-",
                f"{traced.peak_ratio:.2f}" if traced else "-",
                _mib(rss.peak_bytes) if rss else "-",
                f"{rss.peak_ratio:.2f}" if rss else "-",
            ]
        )
    return _grid("Peak memory of one decode (includes the decoded value)", heads, table)


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def write_json(
    path: Path,
    *,
    meta: dict[str, Any],
    rows: Sequence[Row],
    targets: Sequence[TargetResult],
    scaling_results: Sequence[Scaling],
    memory: Sequence[MemoryResult],
) -> None:
    data = {
        "meta": meta,
        "results": [asdict(row) for row in rows],
        "targets": [
            {
                "type": TYPE_NAMES[t.doc_type],
                "format": t.target.format,
                "operation": t.target.operation,
                "against": t.target.peer,
                "target": t.target.wording,
                "limit": t.target.limit,
                "n": t.n,
                "ratio": t.ratio,
                "met": t.met,
            }
            for t in targets
        ],
        "scaling": [
            {
                "type": TYPE_NAMES[s.doc_type],
                "format": s.format,
                "operation": s.operation,
                "seconds_per_message": {str(n): v for n, v in s.per_message.items()},
                "largest_over_smallest": s.ratio,
            }
            for s in scaling_results
        ],
        "memory": [
            {**asdict(m), "type": TYPE_NAMES[m.doc_type], "peak_over_input": m.peak_ratio}
            for m in memory
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")


def write_chart(path: Path, rows: Sequence[Row], title: str) -> None:
    """Time per message against N, log-log: one panel per (type, format, operation)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = [(fmt, operation) for fmt in FORMATS for operation in OPERATIONS]
    figure, axes = plt.subplots(
        len(DOC_TYPES),
        len(panels),
        figsize=(4.2 * len(panels), 3.8 * len(DOC_TYPES)),
        squeeze=False,
        sharex=True,
    )
    styles: dict[str, dict[str, Any]] = {}
    colors = itertools.cycle(plt.rcParams["axes.prop_cycle"].by_key()["color"])
    for (doc_type, (fmt, operation)), axis in zip(
        ((d, p) for d in DOC_TYPES for p in panels), axes.flat, strict=True
    ):
        for label in _labels(rows, fmt):
            points = sorted(
                (r.n, r.median / r.n)
                for r in rows
                if (r.doc_type, r.format, r.operation, r.label) == (doc_type, fmt, operation, label)
                and r.median is not None
            )
            if not points:
                continue
            if label not in styles:
                role = next(r.role for r in rows if r.label == label)
                styles[label] = {
                    "color": next(colors),
                    "linewidth": 2.6 if role == "subject" else 1.4,
                    "linestyle": "--" if role == "floor" else "-",
                    "marker": "o",
                    "markersize": 4,
                }
            axis.plot([p[0] for p in points], [p[1] for p in points], label=label, **styles[label])
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_title(f"{TYPE_NAMES[doc_type]} {fmt.upper()} {operation}", fontsize=10)
        axis.grid(True, which="major", alpha=0.3)
        if doc_type == DOC_TYPES[-1]:
            axis.set_xlabel("N (messages / destinations)")
        axis.set_ylabel("seconds per message")
        axis.legend(fontsize=7)
    figure.suptitle(title, fontsize=11)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
