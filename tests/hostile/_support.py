"""Helpers shared by the hostile-input tests."""

from __future__ import annotations

import contextlib
import os
import pathlib
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import omni_codec

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
VECTORS = HERE.parent / "vectors"
GOLDEN = HERE.parent / "golden"

#: A generous bound, there only to catch blow-ups (seconds).
TIME_BOUND = 1.0


def corpus_names(folder: pathlib.Path = CORPUS) -> list[str]:
    return sorted(p.name for p in folder.glob("*.xml"))


def render(path: pathlib.Path, **substitutions: str) -> str:
    """The corpus file's text with each ``@NAME@`` placeholder replaced."""
    text = path.read_text(encoding="utf-8")
    for name, value in substitutions.items():
        text = text.replace(f"@{name}@", value)
    leftover = re.findall(r"@[A-Z_]+@", text)
    assert not leftover, f"{path.name}: no value given for {leftover}"
    return text


def timed(call: Callable[[], Any]) -> tuple[BaseException | None, Any, float]:
    """Run ``call``; return (exception or None, result, seconds)."""
    start = time.perf_counter()
    try:
        result = call()
    except Exception as exc:  # noqa: BLE001 - the caller asserts on the type
        return exc, None, time.perf_counter() - start
    return None, result, time.perf_counter() - start


def exception_text(exc: BaseException) -> str:
    """Everything an exception would show: message, args, attributes, chain."""
    parts = [str(exc), repr(exc.args)]
    parts.extend(repr(v) for v in vars(exc).values())
    for linked in (exc.__cause__, exc.__context__):
        if linked is not None:
            parts.append(exception_text(linked))
    return "\n".join(parts)


class Tripwire:
    """A named pipe that records whether anything opened it for reading.

    A parser that resolved an external entity, DTD or include naming this path would
    open it; a watcher thread notices the reader (a non-blocking open for writing
    succeeds only while a reader is present), feeds it a few bytes and closes, so a
    reader never blocks for long and the test cannot hang whatever the code does.
    """

    def __init__(self, path: pathlib.Path) -> None:
        self.path = path
        self.uri = path.as_uri()
        self.opened = 0
        os.mkfifo(path)

    @contextlib.contextmanager
    def watching(self) -> Iterator[Tripwire]:
        stop = threading.Event()

        def watch() -> None:
            while not stop.is_set():
                try:
                    fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
                except OSError:  # ENXIO: nobody is reading
                    stop.wait(0.001)
                    continue
                self.opened += 1
                with contextlib.suppress(OSError):
                    os.write(fd, b"TRIPWIRE")
                os.close(fd)

        thread = threading.Thread(target=watch, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            stop.set()
            thread.join(5)


def targets() -> list[tuple[str, Callable[[str | bytes], Any]]]:
    """The entry points every attack is fed to."""
    return [
        ("decode", lambda data: omni_codec.xml.decode(data, type=omni_codec.OmniSimpleRequest)),
        (
            "decode-strict",
            lambda data: omni_codec.xml.decode(
                data, type=omni_codec.OmniSimpleRequest, strict=True
            ),
        ),
        ("validate", lambda data: omni_codec.xml.validate(data)),
    ]
