"""Generating Python source per document type, as ``dataclasses`` does per class.

The fast reader and writer each write functions from a type's wire description;
this is what both need to do it: fresh names, constants the source refers to by
name, and the compile step.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SourceBuilder"]


class SourceBuilder:
    """Collects generated functions and the names they use."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.namespace = namespace
        self.functions: list[str] = []
        self.counter = 0
        self.shared: dict[int, str] = {}

    def name(self, prefix: str) -> str:
        """A name not used before in this source."""
        self.counter += 1
        return f"{prefix}{self.counter}"

    def constant(self, prefix: str, value: Any) -> str:
        """A fresh name bound to ``value`` for the generated code."""
        name = self.name(prefix)
        self.namespace[name] = value
        return name

    def share(self, prefix: str, value: Any) -> str:
        """The name bound to ``value`` for the generated code, one per object."""
        name = self.shared.get(id(value))
        if name is None or self.namespace[name] is not value:
            name = self.shared[id(value)] = self.constant(prefix, value)
        return name

    def compile(self, filename: str, entry: str) -> Any:
        """Compile every collected function; return the one named ``entry``."""
        code = compile("\n\n".join(self.functions), filename, "exec")
        exec(code, self.namespace)
        return self.namespace[entry]
