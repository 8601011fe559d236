"""Fixtures for the hostile-input tests: a secret file, and a tripwire for file reads."""

from __future__ import annotations

import os
import pathlib
import secrets

import pytest

from ._support import CORPUS, Tripwire, render


@pytest.fixture
def marker() -> str:
    """A secret string that must never leave the file it is written in."""
    return f"OMNI-SECRET-{secrets.token_hex(8)}"


@pytest.fixture
def secret_files(tmp_path: pathlib.Path, marker: str) -> dict[str, str]:
    """Placeholder values for the corpus: a secret file and an evil DTD beside it."""
    secret = tmp_path / "secret.txt"
    secret.write_text(marker, encoding="utf-8")
    evil = tmp_path / "evil.dtd"
    evil.write_text(render(CORPUS / "evil.dtd", SECRET_URI=secret.as_uri()), encoding="utf-8")
    return {"SECRET_URI": secret.as_uri(), "EVIL_DTD_URI": evil.as_uri()}


@pytest.fixture
def tripwire(tmp_path: pathlib.Path) -> Tripwire:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are needed to detect file reads")
    return Tripwire(tmp_path / "tripwire")
