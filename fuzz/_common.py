"""Shared helpers for the atheris targets in this directory.

Each target feeds one decoder with arbitrary bytes. Any exception that is not an
``omni_codec.CodecError`` escapes the target and atheris reports it as a crash; a
value that decodes must also survive ``encode`` -> ``decode`` unchanged.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import sys
from collections.abc import Callable

HERE = pathlib.Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
#: Seed folders: the published examples first, then the other OMNI documents, then
#: the OpenAPI description's examples in both dialects.
SEED_FOLDERS = (TESTS / "vectors", TESTS / "golden", TESTS / "published" / "dialects")


def strict_again(value: object) -> bool:
    """Whether ``value`` decodes back in strict mode: strict decoding refuses the
    unknown values of open enumerations (SPEC section 4), which the default mode
    keeps, so a round trip of a value holding one decodes in the default mode."""
    sys.path.insert(0, str(TESTS))
    try:
        from unknown_values import unknown_paths
    finally:
        sys.path.remove(str(TESTS))
    return not unknown_paths(value)


def document_types() -> tuple[type, ...]:
    """The types to decode every input as.

    ``OMNI_FUZZ_TYPES=simple`` limits a run to the source document's two types;
    the default is every top-level OMNI type the package declares.
    """
    from omni_codec import OmniResponse, OmniSimpleRequest

    simple = (OmniSimpleRequest, OmniResponse)
    if os.environ.get("OMNI_FUZZ_TYPES", "all") == "simple":
        return simple
    try:
        from omni_codec.models import DOCUMENT_TYPES
    except ImportError:
        return simple
    return tuple(dict.fromkeys((*simple, *DOCUMENT_TYPES)))


def seed_corpus(name: str, suffix: str) -> str:
    """A writable corpus directory ``fuzz/corpus/<name>``, seeded from the test data.

    Seeds are copied rather than used in place so that atheris never writes new
    inputs into ``tests/``.
    """
    corpus = HERE / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    for folder in SEED_FOLDERS:
        if not folder.is_dir():
            continue
        for seed in sorted(folder.iterdir()):
            if seed.suffix == suffix:
                target = corpus / f"seed-{folder.name}-{seed.name}"
                if not target.exists():
                    shutil.copyfile(seed, target)
    return str(corpus)


def argv_with_defaults(name: str, suffix: str) -> list[str]:
    """``sys.argv`` completed with this target's defaults.

    * the seeded corpus directory, unless a path was given (a crash file to
      reproduce, or another corpus directory);
    * ``-dict=fuzz/<name>.dict``, the format's vocabulary;
    * ``-artifact_prefix=fuzz/artifacts/<name>-``, where crashes are written.
    """
    argv = list(sys.argv)
    flags = [arg for arg in argv[1:] if arg.startswith("-")]
    if not any(not arg.startswith("-") for arg in argv[1:]):
        argv.append(seed_corpus(name, suffix))
    if not any(arg.startswith("-artifact_prefix=") for arg in flags):
        artifacts = HERE / "artifacts"
        artifacts.mkdir(exist_ok=True)
        argv.insert(1, f"-artifact_prefix={artifacts}{os.sep}{name}-")
    dictionary = HERE / f"{name}.dict"
    if dictionary.is_file() and not any(arg.startswith("-dict=") for arg in flags):
        argv.insert(1, f"-dict={dictionary}")
    return argv


def feed(
    decode: Callable[..., object],
    data: bytes,
    types: tuple[type, ...],
    roundtrip: Callable[[object, type], None],
    refused: type[Exception],
) -> None:
    """Decode ``data`` as every type, lenient and strict, as bytes and as text
    (UTF-8, else Latin-1); round-trip whatever decodes. ``refused`` (CodecError) is the
    one exception a decoder may raise; anything else escapes as a crash."""
    for cls in types:
        for strict in (False, True):
            try:
                value = decode(data, type=cls, strict=strict)
            except refused:
                continue
            roundtrip(value, cls)
    # The same document as text: str input takes another path (its declaration is
    # checked, not replaced). Bytes that are not UTF-8 become text too, as
    # Latin-1 (every byte a character), so that every input reaches that path.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    for cls in types:
        try:
            value = decode(text, type=cls)
        except refused:
            continue
        roundtrip(value, cls)
