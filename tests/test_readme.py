"""The README's Python examples run, and its commands are the ones CI uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"
TEXT = README.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.DOTALL)


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_example_runs(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(BLOCKS[index], f"README.md example {index + 1}", "exec"), {"__name__": "readme"})


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.*?)```", TEXT, re.DOTALL)
    test_command = next(c.strip() for c in commands if "pytest" in c)
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_the_benchmark_command_runs_in_the_quickstart_venv_and_ci_runs_it() -> None:
    commands = re.findall(r"```sh\n(.*?)```", TEXT, re.DOTALL)
    bench = next(c.strip() for c in commands if "benchmarks.run" in c)
    # No bare pip or python: the command must not reach the system Python.
    assert all(part.strip().startswith(".venv/bin/") for part in bench.split("&&")), bench
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert any(line.startswith(bench + " --quick") for line in ci.splitlines()), bench
    assert ".venv/bin/python -m benchmarks.run --quick" in TEXT
