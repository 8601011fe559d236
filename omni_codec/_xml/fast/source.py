"""Generated code as code: named pieces, readable names, source you can print.

The fast paths, and the encoders' fast check, write Python functions per type from
its wire description, as the standard library's ``dataclasses`` writes
``__init__``. This is what they share: names that say what they are
(``_read_message``, ``_OmniResponse``), unique in one source; constants bound once
each, however often the code uses them; lines kept short; and the compile step,
which registers the source in :mod:`linecache` under its own file name, so that a
traceback through generated code shows its lines, and keeps it for
:func:`omni_codec._xml.fast.source_of`.
"""

from __future__ import annotations

import keyword
import linecache
import re
from typing import Any

__all__ = ["Miss", "Source", "any_of", "call"]

#: The longest line the generators aim at (a long test or call is wrapped).
WIDTH = 88

_NOT_NAME = re.compile(r"\W")


class Miss(Exception):
    """Raised by generated code: this document or value is not one the fast path
    takes (the general path then gives the result or the precise error). It is
    the only exception a fast path turns into a fallback; any other is a bug and
    propagates."""


class Source:
    """The functions of one generated source and the names they use."""

    def __init__(self, namespace: dict[str, Any], *, locals: tuple[str, ...] = ()) -> None:
        self.namespace = namespace
        self.functions: list[str] = []
        # The names of the namespace and the fixed local names of the functions.
        self.used: set[str] = {*namespace, *locals}
        self.bound: dict[int, str] = {}
        self.text = ""

    def name(self, wanted: str) -> str:
        """``wanted`` made a fresh identifier of this source: ``wanted``, then
        ``wanted_2``, ``wanted_3``..."""
        base = _NOT_NAME.sub("_", wanted)
        if not base or base[0].isdigit() or keyword.iskeyword(base):
            base = f"_{base}"
        name, count = base, 1
        while name in self.used:
            count += 1
            name = f"{base}_{count}"
        self.used.add(name)
        return name

    def constant(self, wanted: str, value: Any) -> str:
        """The name bound to ``value`` for the generated code: one name per
        object, however often it is asked for."""
        name = self.bound.get(id(value))
        if name is not None and self.namespace[name] is value:
            return name
        name = self.bound[id(value)] = self.name(wanted)
        self.namespace[name] = value
        return name

    def function(
        self, wanted: str, parameters: str, lines: list[str], *, reserved: bool = False
    ) -> str:
        """Add the function ``wanted`` (a fresh name made of it, or ``wanted``
        itself when ``reserved``: a name :meth:`name` gave, for a function
        called before it is written) with ``lines`` as its body; return its name."""
        name = wanted if reserved else self.name(wanted)
        body = "".join(f"    {line}\n" for line in lines)
        self.functions.append(f"def {name}({parameters}):\n{body}")
        return name

    def compile(self, filename: str, entry: str) -> Any:
        """Compile every function under ``filename`` (registered in
        :mod:`linecache`); return the function named ``entry``."""
        self.text = "\n\n".join(self.functions)
        code = compile(self.text, filename, "exec")
        # As dataclasses and attrs do: an entry without a modification time is
        # one checkcache() keeps.
        linecache.cache[filename] = (len(self.text), None, self.text.splitlines(True), filename)
        exec(code, self.namespace)
        return self.namespace[entry]


def any_of(tests: list[str], indent: int = 4) -> str:
    """``t1 or t2 or ...`` as one expression, over several lines when long."""
    joined = " or ".join(tests)
    if len(tests) < 2 or len(joined) <= WIDTH - 24:
        return joined
    pad = " " * (indent + 4)
    return "(\n" + "".join(f"{pad}{'or ' if i else ''}{t}\n" for i, t in enumerate(tests)) + " " * indent + ")"


def call(function: str, arguments: list[str], indent: int = 4) -> str:
    """``function(a, b, ...)``, one argument a line when long."""
    joined = ", ".join(arguments)
    if len(function) + len(joined) <= WIDTH - 30:
        return f"{function}({joined})"
    pad = " " * (indent + 4)
    return f"{function}(\n" + "".join(f"{pad}{a},\n" for a in arguments) + " " * indent + ")"
