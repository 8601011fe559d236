"""Timing one call: calibrated loops, several samples, the median.

Every contender is timed by the same function with the same policy:

- A sample runs the call ``number`` times in a row, ``number`` chosen so that a
  sample lasts at least ``min_sample`` seconds (small documents take microseconds,
  below the clock's useful resolution); the sample's time is divided by ``number``.
- The results of a sample are kept until its clock has stopped, so that freeing them
  (which can cost as much as building a large document's objects) is not timed.
  Freeing is then finished before the next sample: glibc's ``malloc`` leaves the
  many small blocks of a freed tree unmerged and merges them at the next request
  for a large block, which would otherwise fall in the next contender's sample
  (20-25 ms of it after an ``lxml`` tree of 10,000 delivery reports). One
  allocation of 64 KiB, made and dropped outside the clock, is such a request
  (:func:`_settle`); elsewhere it costs nothing.
- The process keeps the memory it frees (glibc: ``mallopt(M_TRIM_THRESHOLD)``, see
  :func:`_keep_freed_memory`), as a long-running process's heap does once it has
  grown. Otherwise, while a large tree is held (the prebuilt tree of the encode
  floor), a tree parsed and freed above it is handed back to the system after
  every sample and faulted in again by the next (14,000 page faults and half the
  time again for ``etree.fromstring`` of 10,000 delivery reports), until the heap
  happens to hold a hole that large: the first cases of a run were timed in
  another state than the rest.
- The collector runs before each sample and is off during it (as in ``timeit``), for
  every contender alike: what a collection costs depends on everything else alive
  in the process, not on the library. ``gc_enabled`` keeps it on during samples,
  to see a library's objects' share of collection work in an otherwise quiet
  process.
- The contenders of one case (document, format, operation) are sampled in turns,
  one sample each per round, so that a change in the machine's load during the case
  falls on all of them alike and their ratios stay fair. The number of rounds fills
  a time budget (``budget`` seconds per contender), between ``min_repeats`` and
  ``max_repeats``; the median is reported, being robust to a stray slow sample.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Policy", "Timing", "measure_in_turns"]

Call = Callable[[], Any]


@dataclass(frozen=True)
class Policy:
    """How long to sample one (contender, document, operation)."""

    min_sample: float = 0.05
    budget: float = 1.0
    min_repeats: int = 3
    max_repeats: int = 15
    gc_enabled: bool = False
    #: The clock: wall time by default; ``time.thread_time`` (``--cpu-time``) counts
    #: only the time this thread ran, for a machine shared with other work (every
    #: contender, lxml and msgspec included, runs its work in the calling thread).
    clock: Callable[[], float] = time.perf_counter


@dataclass(frozen=True)
class Timing:
    """Seconds per call: the median and every sample."""

    median: float
    samples: tuple[float, ...]
    number: int


def measure_in_turns(calls: Sequence[tuple[Call, float]], policy: Policy) -> list[Timing]:
    """Time each ``(call, first_call)``: ``first_call`` is one earlier call's duration."""
    _keep_freed_memory()
    calibrated = [
        _calibrate(call, first, policy.min_sample, policy.clock) for call, first in calls
    ]
    round_time = sum(sample_time for _, sample_time in calibrated)
    rounds = int(policy.budget * len(calls) / max(round_time, 1e-9))
    rounds = min(policy.max_repeats, max(policy.min_repeats, rounds))
    samples: list[list[float]] = [[] for _ in calls]
    for _ in range(rounds):
        for (call, _first), (number, _time), out in zip(calls, calibrated, samples, strict=True):
            out.append(_sample(call, number, policy.gc_enabled, policy.clock))
    return [
        Timing(statistics.median(out), tuple(out), number)
        for out, (number, _time) in zip(samples, calibrated, strict=True)
    ]


def _calibrate(
    call: Call, first: float, min_sample: float, clock: Callable[[], float]
) -> tuple[int, float]:
    """Calls per sample so that a sample lasts ``min_sample``, and a sample's duration.

    A call ten times longer than ``min_sample`` is one call per sample. Shorter ones
    are measured again, because the first call may have run cold (imports, caches).
    """
    if first >= 10 * min_sample:
        return 1, first
    number = max(1, math.ceil(min_sample / max(first, 1e-9)))
    while True:
        elapsed = _sample(call, number, False, clock) * number
        if elapsed >= min_sample or number >= 10_000_000:
            return number, elapsed
        number = max(number + 1, math.ceil(number * min_sample / max(elapsed, 1e-9) * 1.1))


def _sample(call: Call, number: int, gc_enabled: bool, clock: Callable[[], float]) -> float:
    results: list[Any] = [None] * number
    gc.collect()
    if not gc_enabled:
        gc.disable()
    try:
        start = clock()
        for index in range(number):
            results[index] = call()
        elapsed = clock() - start
    finally:
        gc.enable()
    del results
    _settle()
    return elapsed / number


# glibc's mallopt parameter: free memory at the top of the heap above this many
# bytes is returned to the system.
_M_TRIM_THRESHOLD = -1


@functools.cache  # (a setting of the process: made once)
def _keep_freed_memory() -> None:
    """Have glibc keep the heap's freed memory (a no-op for other C libraries)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc, or no C library to load
        return
    mallopt(_M_TRIM_THRESHOLD, 1 << 30)


# Below glibc's default mmap threshold (128 KiB), so the main heap serves it.
_SETTLING_BLOCK = 64 * 1024


def _settle() -> None:
    """Have the allocator finish the freeing of the last sample's results.

    A request for a large block is where glibc merges the small blocks freed
    since (``malloc_consolidate``); made here, that work is not billed to
    whichever contender is sampled next.
    """
    bytearray(_SETTLING_BLOCK)
