"""The benchmark run, on the same seeded documents for everyone: ``python -m benchmarks.run``.

For each document type and N, and each format: every contender first decodes the
document and must read exactly the reference content, and its encoding of what it
decoded must decode (with omni_codec) to omni_codec's own value; any disagreement
stops the run with exit status 1, before anything is timed. Then its decode of the
document and its encode of its own decoded value are timed (:mod:`benchmarks.timing`).
After the timings: omni_codec's cost per message across N, the peak memory of
decoding the largest documents (:mod:`benchmarks.memory`), optionally a profile.

``--quick`` is the smoke run for CI: small N, few samples, same checks.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import functools
import io
import platform
import pstats
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from .contenders import Codec, Contender, load
from .data import DOC_TYPES, SEED, Document, Format, document, max_document_bytes
from .memory import MODES, MemoryResult, measure_in_child
from .report import (
    TYPE_NAMES,
    Operation,
    Row,
    check_targets,
    format_memory,
    format_scaling,
    format_tables,
    format_targets,
    scaling,
    write_chart,
    write_json,
)
from .timing import Call, Policy, Timing, measure_in_turns

__all__ = ["main"]

HERE = Path(__file__).resolve().parent
FULL_SIZES = (1, 100, 1_000, 10_000, 100_000)
QUICK_SIZES = (1, 10, 100)
SCALING_SIZES = (1_000, 10_000, 100_000)
FULL_POLICY = Policy(min_sample=0.02, budget=0.6, min_repeats=3, max_repeats=11)
QUICK_POLICY = Policy(min_sample=0.002, budget=0.02, min_repeats=3, max_repeats=3)
#: Contenders whose memory is measured: the subject and the floors of each format.
MEMORY_ROLES = ("subject", "floor")


class Mismatch(Exception):
    """A contender does not produce the same content as the reference."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    sizes: tuple[int, ...] = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    policy = QUICK_POLICY if args.quick else FULL_POLICY
    if args.gc:
        policy = dataclasses.replace(policy, gc_enabled=True)
    if args.cpu_time:
        policy = dataclasses.replace(policy, clock=time.thread_time)
    out: Path = args.out
    chart: Path = args.chart or (
        HERE / "chart.png" if not args.quick and args.sizes is None else out / "chart.png"
    )
    started = time.perf_counter()

    largest = max(sizes)
    contenders = load(max_items=largest, max_bytes=max_document_bytes(largest))
    if args.contenders:
        unknown = set(args.contenders) - {c.key for c in contenders}
        if unknown:
            print(f"unknown contender keys: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        contenders = [
            c for c in contenders if c.key in args.contenders or c.role in ("subject", "variant")
        ]
    _print_header(contenders, sizes, policy, args)

    rows: list[Row] = []
    try:
        for doc_type in DOC_TYPES:
            for n in sizes:
                doc = document(doc_type, n, args.seed)
                for fmt in ("json", "xml"):
                    group = [c for c in contenders if c.format == fmt]
                    rows += _run_case(doc, fmt, group, policy, args.skip_over)
                del doc
    except Mismatch as exc:
        print(f"\nMISMATCH: {exc}", file=sys.stderr)
        return 1

    print()
    print(format_tables(rows))
    targets = check_targets(rows)
    print()
    print(format_targets(targets))

    scaling_sizes = [n for n in SCALING_SIZES if n in sizes]
    if len(scaling_sizes) < 2:  # a partial run: every N but the fixed-cost-bound N = 1
        scaling_sizes = [n for n in sizes if n > 1]
    scaling_results = scaling(rows, scaling_sizes)
    print()
    print(format_scaling(scaling_results))

    memory: list[MemoryResult] = []
    if not args.no_memory:
        memory = _memory(contenders, largest, args.seed, peers=args.memory_peers)
        print()
        print(format_memory(memory, {c.key: f"{c.label} ({c.format.upper()})" for c in contenders}))

    if args.profile:
        profile = _profile(args.profile_n, args.seed)
        (out / "profile.txt").parent.mkdir(parents=True, exist_ok=True)
        (out / "profile.txt").write_text(profile)
        print()
        print(profile)

    skipped = [r for r in rows if r.skipped]
    if skipped:
        print("\nSkipped:")
        for r in skipped:
            case = f"{TYPE_NAMES[r.doc_type]} {r.format.upper()} {r.operation} N={r.n:,}"
            print(f"  {r.label} {case}: {r.skipped}")

    meta = _meta(sizes, policy, args, time.perf_counter() - started, contenders)
    write_json(
        out / "results.json",
        meta=meta,
        rows=rows,
        targets=targets,
        scaling_results=scaling_results,
        memory=memory,
    )
    if not args.no_chart:
        write_chart(chart, rows, _chart_title(meta))
    print(f"\nResults: {_shown(out / 'results.json')}")
    if not args.no_chart:
        print(f"Chart: {_shown(chart)}")
    print(f"Total time: {meta['seconds']:.0f} s")
    return 0


def _run_case(
    doc: Document, fmt: Format, group: list[Contender], policy: Policy, skip_over: float
) -> list[Row]:
    """Verify every contender of ``fmt`` on ``doc``, then time them in turns."""
    payload = doc.payload(fmt)
    subject = next(c for c in group if c.role == "subject")
    subject_codec = subject.codecs[doc.doc_type]
    reference = subject_codec.decode(payload)
    if subject_codec.to_wire(reference) != doc.wire:
        raise Mismatch(f"omni_codec does not read the reference {fmt} document (N={doc.n})")

    calls: dict[Operation, list[tuple[Contender, Call, float]]] = {"decode": [], "encode": []}
    for contender in group:
        codec = contender.codecs[doc.doc_type]
        value, decode_first, encode_first = _verify(
            codec,
            payload,
            doc,
            reference,
            subject_codec,
            f"{contender.label} ({fmt}, {TYPE_NAMES[doc.doc_type]}, N={doc.n})",
        )
        if "decode" in contender.operations:
            calls["decode"].append((contender, functools.partial(codec.decode, payload), decode_first))
        if "encode" in contender.operations:
            calls["encode"].append((contender, functools.partial(codec.encode, value), encode_first))
        del value

    rows = []
    where = f"{TYPE_NAMES[doc.doc_type]:<17} {fmt.upper():<4}"
    for operation, entries in calls.items():
        case = f"{where} {operation:<6} N={doc.n:<7,}"
        timed = []
        for contender, call, first in entries:
            if contender.role == "peer" and first > skip_over:
                reason = f"one call took {first:.0f} s (over --skip-over {skip_over:g} s)"
                rows.append(_row(doc, fmt, operation, contender, len(payload), None, reason))
                print(f"  {case} {contender.label} skipped: {reason}")
            else:
                timed.append((contender, call, first))
        timings = measure_in_turns([(call, first) for _, call, first in timed], policy)
        for (contender, _, _), timing in zip(timed, timings, strict=True):
            rows.append(_row(doc, fmt, operation, contender, len(payload), timing))
        medians = "  ".join(
            f"{c.label} {t.median:.3g}" for (c, _, _), t in zip(timed, timings, strict=True)
        )
        print(f"  {case} {medians}", flush=True)
    return rows


def _row(
    doc: Document,
    fmt: Format,
    operation: Operation,
    contender: Contender,
    input_bytes: int,
    timing: Timing | None,
    skipped: str | None = None,
) -> Row:
    return Row(
        doc_type=doc.doc_type,
        format=fmt,
        operation=operation,
        n=doc.n,
        contender=contender.key,
        label=contender.label,
        role=contender.role,
        input_bytes=input_bytes,
        median=timing.median if timing else None,
        samples=timing.samples if timing else (),
        number=timing.number if timing else 0,
        skipped=skipped,
    )


def _verify(
    codec: Codec,
    payload: bytes,
    doc: Document,
    reference: Any,
    subject_codec: Codec,
    where: str,
) -> tuple[Any, float, float]:
    """Check one contender; return its decoded value and its first calls' durations.

    Its decoded value must be the reference content, and its encoding of that value
    must decode, with omni_codec, to omni_codec's own value.
    """
    try:
        start = time.perf_counter()
        value = codec.decode(payload)
        decode_first = time.perf_counter() - start
    except Exception as exc:
        raise Mismatch(f"{where} cannot decode the document: {exc!r}") from exc
    difference = _first_difference(codec.to_wire(value), doc.wire, "$")
    if difference is not None:
        raise Mismatch(f"{where} decodes different content: {difference}")

    try:
        start = time.perf_counter()
        encoded = codec.encode(value)
        encode_first = time.perf_counter() - start
    except Exception as exc:
        raise Mismatch(f"{where} cannot encode its value: {exc!r}") from exc
    if not isinstance(encoded, bytes):
        raise Mismatch(f"{where} encodes to {type(encoded).__name__}, not bytes")
    try:
        back = subject_codec.decode(encoded)
    except Exception as exc:
        raise Mismatch(f"{where} encodes a document omni_codec cannot read: {exc}") from None
    if back != reference:
        difference = _first_difference(
            subject_codec.to_wire(back), subject_codec.to_wire(reference), "$"
        )
        raise Mismatch(f"{where} encodes different content: {difference}")
    return value, decode_first, encode_first


def _first_difference(got: Any, want: Any, path: str) -> str | None:
    """Where two wire values first differ, for the mismatch message."""
    if isinstance(want, dict) and isinstance(got, dict):
        for key in [*want, *(key for key in got if key not in want)]:
            if key not in got:
                return f"{path}.{key} is missing"
            if key not in want:
                return f"{path}.{key} is unexpected ({got[key]!r})"
            found = _first_difference(got[key], want[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(want, list) and isinstance(got, list):
        if len(got) != len(want):
            return f"{path} has {len(got)} items, expected {len(want)}"
        for index, (a, b) in enumerate(zip(got, want, strict=True)):
            found = _first_difference(a, b, f"{path}[{index}]")
            if found:
                return found
        return None
    if type(got) is not type(want) or got != want:
        return f"{path} is {got!r}, expected {want!r}"
    return None


def _memory(
    contenders: Sequence[Contender], n: int, seed: int, *, peers: bool
) -> list[MemoryResult]:
    roles = (*MEMORY_ROLES, "peer") if peers else MEMORY_ROLES
    chosen = [c for c in contenders if c.role in roles]
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for doc_type in DOC_TYPES:
            doc = document(doc_type, n, seed)
            for fmt in ("json", "xml"):
                path = Path(scratch) / f"{doc_type}.{fmt}"
                path.write_bytes(doc.payload(fmt))
            del doc
            for contender in chosen:
                path = Path(scratch) / f"{doc_type}.{contender.format}"
                for mode in MODES:
                    result = measure_in_child(contender.key, doc_type, n, mode, path)
                    results.append(result)
                    print(
                        f"  memory {TYPE_NAMES[doc_type]:<17} {contender.key:<12} {mode:<11} "
                        f"peak {result.peak_ratio:.2f} x input",
                        flush=True,
                    )
    return results


def _profile(n: int, seed: int) -> str:
    """cProfile of omni_codec's XML decode and encode of one OmniResponse document."""
    import omni_codec
    from omni_codec import OmniResponse

    payload = document("response", n, seed).xml
    decoder = omni_codec.xml.Decoder(OmniResponse)
    encoder = omni_codec.xml.Encoder()
    value = decoder.decode(payload)  # warm-up: compiled readers and writers are cached
    encoder.encode(value)
    sections = []
    for name, call in (
        ("decode", functools.partial(decoder.decode, payload)),
        ("encode", functools.partial(encoder.encode, value)),
    ):
        profiler = cProfile.Profile()
        profiler.runcall(call)
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats(pstats.SortKey.TIME).print_stats(15)
        title = f"cProfile: omni_codec XML {name}, OmniResponse, N={n:,} (top 15 by tottime)"
        sections.append(f"{title}\n{_short_paths(stream.getvalue()).strip()}")
    return "\n\n".join(sections) + "\n"


def _short_paths(text: str) -> str:
    """File names in a profile without this machine's directories."""
    text = text.replace(str(HERE.parent) + "/", "")
    return re.sub(r"\S*/(?:site-packages|lib/python\d+\.\d+)/", "", text)


def _print_header(
    contenders: Sequence[Contender], sizes: Sequence[int], policy: Policy, args: argparse.Namespace
) -> None:
    print(f"omni_codec benchmarks: sizes {', '.join(f'{n:,}' for n in sizes)}; seed {args.seed}")
    collector = "on" if policy.gc_enabled else "off"
    clock = "thread CPU time" if args.cpu_time else "wall time"
    print(
        f"timing: median of {policy.min_repeats}-{policy.max_repeats} samples of >= "
        f"{policy.min_sample * 1e3:g} ms ({clock}); garbage collector {collector} during samples"
    )
    for contender in contenders:
        note = f": {contender.note}" if contender.note else ""
        print(f"  {contender.format.upper():<4} {contender.role:<7} {contender.label}{note}")


def _versions() -> dict[str, str]:
    names = ("omni_codec", "msgspec", "lxml", "xsdata", "pydantic", "pydantic-xml", "xmltodict")
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _meta(
    sizes: Sequence[int],
    policy: Policy,
    args: argparse.Namespace,
    seconds: float,
    contenders: Sequence[Contender],
) -> dict[str, Any]:
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "system": platform.system(),
        "versions": _versions(),
        "sizes": list(sizes),
        "seed": args.seed,
        "quick": args.quick,
        "policy": {**policy.__dict__, "clock": getattr(policy.clock, "__name__", str(policy.clock))},
        "skip_over_seconds": args.skip_over,
        "contenders": {
            c.key: {"label": c.label, "role": c.role, "format": c.format, "note": c.note}
            for c in contenders
        },
        "seconds": seconds,
    }


def _chart_title(meta: dict[str, Any]) -> str:
    versions = meta["versions"]
    return (
        f"Time per message (median), omni_codec {versions['omni_codec']}, "
        f"Python {meta['python']}, {meta['system']} {meta['machine']}"
    )


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part.replace("_", "")) for part in text.split(",") if part}))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a comma-separated list of integers: {text!r}"
        ) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Benchmark omni_codec against its floors and peers.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: N = 1, 10, 100, few samples (for CI)"
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=None,
        help="comma-separated N, e.g. 1,100,10000 (default 1,100,1000,10000,100000)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE / "results",
        help="directory for results.json and profile.txt (default benchmarks/results)",
    )
    parser.add_argument(
        "--chart",
        type=Path,
        default=None,
        help="PNG to write (default benchmarks/chart.png for the full run, else OUT/chart.png)",
    )
    parser.add_argument("--no-chart", action="store_true", help="do not write the chart")
    parser.add_argument(
        "--contenders",
        type=lambda s: [p for p in s.split(",") if p],
        default=None,
        help="only these contender keys (omni_codec is always included): "
        "msgspec,pydantic,lxml,xsdata,pydantic-xml,xmltodict",
    )
    parser.add_argument(
        "--skip-over",
        type=float,
        default=120.0,
        help="skip timing a peer's operation whose first call took longer (seconds)",
    )
    parser.add_argument(
        "--gc",
        action="store_true",
        help="keep the garbage collector on during samples (for every contender)",
    )
    parser.add_argument(
        "--cpu-time",
        action="store_true",
        help="time with the thread's CPU time, not wall time (for a machine shared with other work)",
    )
    parser.add_argument(
        "--no-memory", action="store_true", help="skip the peak-memory measurements"
    )
    parser.add_argument(
        "--memory-peers", action="store_true", help="also measure the peers' peak memory"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print a cProfile of omni_codec's XML decode and encode",
    )
    parser.add_argument(
        "--profile-n",
        type=int,
        default=10_000,
        help="N of the profiled OmniResponse document (default 10000)",
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"data seed (default {SEED})")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
