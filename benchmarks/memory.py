"""Peak memory of decoding one document, measured in a fresh interpreter.

Each measurement runs in its own process (``python -m benchmarks.memory ...``), so
that what earlier benchmarks allocated, and the allocator's free lists they left
behind, do not hide or inflate the peak. The child imports everything and decodes a
one-item document first (caches and compiled readers are not the document's cost),
reads the input file, then decodes it once. Two measures, each in its own child:

- ``tracemalloc``: the peak of Python's own allocations during the decode. It does
  not see libxml2's memory (lxml trees live in C ``malloc``), so for lxml-based
  decoders it leaves out the parsed tree.
- ``rss``: the rise of the process's peak resident size (``VmHWM``, reset before the
  decode through ``/proc/self/clear_refs`` on Linux) over its size before the decode.
  It sees every allocation, C included, at page granularity.

Both include the decoded value itself, which the caller keeps. Each is reported as a
multiple of the input document's size.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .contenders import load
from .data import DocType, document

__all__ = ["MemoryResult", "measure_in_child"]

Mode = Literal["tracemalloc", "rss"]
MODES: tuple[Mode, ...] = ("tracemalloc", "rss")


@dataclass(frozen=True)
class MemoryResult:
    contender: str
    doc_type: DocType
    n: int
    mode: Mode
    input_bytes: int
    peak_bytes: int
    retained_bytes: int

    @property
    def peak_ratio(self) -> float:
        return self.peak_bytes / self.input_bytes


def measure_in_child(
    contender: str, doc_type: DocType, n: int, mode: Mode, input_path: Path
) -> MemoryResult:
    """Run one measurement in a new interpreter and return its result."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.memory",
            "--contender",
            contender,
            "--doc-type",
            doc_type,
            "--n",
            str(n),
            "--mode",
            mode,
            "--input",
            str(input_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"memory measurement of {contender} failed:\n{completed.stderr}")
    fields = json.loads(completed.stdout)
    return MemoryResult(contender, doc_type, n, mode, **fields)


def _status_kib(name: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _rss_bytes() -> int:
    kib = _status_kib("VmRSS")
    if kib is None:  # not Linux: the high-water mark is the best there is
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib * 1024


def _peak_rss_bytes() -> int:
    kib = _status_kib("VmHWM")
    if kib is None:
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib * 1024


def _child(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory")
    parser.add_argument("--contender", required=True)
    parser.add_argument("--doc-type", required=True, choices=("response", "request"))
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--mode", required=True, choices=MODES)
    parser.add_argument("--input", type=Path, required=True)
    args = parser.parse_args(argv)
    doc_type: DocType = args.doc_type
    payload = args.input.read_bytes()
    (contender,) = [
        c for c in load(max_items=args.n, max_bytes=len(payload)) if c.key == args.contender
    ]
    codec = contender.codecs[doc_type]
    codec.decode(document(doc_type, 1).payload(contender.format))  # warm-up
    gc.collect()
    if args.mode == "tracemalloc":
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        value = codec.decode(payload)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peak_bytes, retained = peak - base, current - base
    else:
        _reset_peak_rss()
        base = _rss_bytes()
        value = codec.decode(payload)
        peak_bytes, retained = _peak_rss_bytes() - base, _rss_bytes() - base
    del value
    json.dump(
        {"input_bytes": len(payload), "peak_bytes": peak_bytes, "retained_bytes": retained},
        sys.stdout,
    )


if __name__ == "__main__":
    _child(sys.argv[1:])
