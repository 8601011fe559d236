"""The XML attack corpus (SPEC section 6): every attack class defusedxml documents.

Each document in ``corpus/`` is fed to ``xml.decode`` (lenient and strict) and to
``xml.validate``. Each must raise a DecodeError, quickly, without the secret file's
marker in the error or anywhere else, and without the parser ever opening the file
the document names (checked with a named pipe, see ``_support.Tripwire``) or
connecting to the network (checked with a listening loopback socket).
"""

from __future__ import annotations

import codecs
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import omni_codec

from ._support import CORPUS, TIME_BOUND, Tripwire, corpus_names, exception_text, render, targets, timed

ATTACKS = corpus_names()
INERT = corpus_names(CORPUS / "inert")
TARGETS = targets()
TARGET_IDS = [name for name, _ in TARGETS]

# The attack classes the corpus must cover (defusedxml's list, plus XInclude).
REQUIRED = {
    "billion_laughs.xml",
    "quadratic_blowup.xml",
    "external_entity_file.xml",
    "external_entity_url.xml",
    "external_dtd_file.xml",
    "parameter_entity_file.xml",
    "xinclude.xml",
}

# Documents whose refusal is about the DOCTYPE (everything but XInclude).
DTD_ATTACKS = [name for name in ATTACKS if not name.startswith("xinclude")]


def test_corpus_covers_every_attack_class() -> None:
    assert REQUIRED <= set(ATTACKS)


def _assert_refused(
    call: Callable[[], Any], marker: str, *, bound: float = TIME_BOUND
) -> omni_codec.DecodeError:
    exc, result, seconds = timed(call)
    assert exc is not None, f"accepted, decoded as {result!r}"
    assert isinstance(exc, omni_codec.DecodeError), f"{type(exc).__name__}: {exc}"
    assert marker not in exception_text(exc)
    assert seconds < bound, f"took {seconds:.2f} s"
    return exc


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
@pytest.mark.parametrize("name", ATTACKS)
def test_attack_is_refused(
    name: str, target: tuple[str, Any], secret_files: dict[str, str], marker: str
) -> None:
    document = render(CORPUS / name, **secret_files)
    for data in (document, document.encode("utf-8")):
        _assert_refused(lambda: target[1](data), marker)


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
@pytest.mark.parametrize("name", DTD_ATTACKS)
def test_attack_error_says_why(
    name: str, target: tuple[str, Any], secret_files: dict[str, str], marker: str
) -> None:
    """The error for a DTD attack names the DOCTYPE, the thing that is not allowed."""
    document = render(CORPUS / name, **secret_files).encode("utf-8")
    exc = _assert_refused(lambda: target[1](document), marker)
    assert "DOCTYPE" in str(exc)


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
@pytest.mark.parametrize("name", ATTACKS)
def test_attack_never_opens_the_file(
    name: str, target: tuple[str, Any], tripwire: Tripwire
) -> None:
    """Refusing after the fact is not enough: the named file must not even be opened.

    (A parser that opened it could also hang on a FIFO or a device such as
    /dev/stdin, or read a file of any size.)
    """
    document = render(CORPUS / name, SECRET_URI=tripwire.uri, EVIL_DTD_URI=tripwire.uri)
    with tripwire.watching():
        exc, _, _ = timed(lambda: target[1](document.encode("utf-8")))
    assert isinstance(exc, omni_codec.DecodeError)
    assert tripwire.opened == 0, f"{name}: the parser opened the file it names"


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[socket.socket]]]:
    """A listening socket on 127.0.0.1 that counts the connections it receives."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            accepted.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/", accepted
    stop.set()
    thread.join(5)
    server.close()


NETWORK_ATTACKS = {
    "entity": '<!DOCTYPE request [<!ENTITY e SYSTEM "{url}e">]><request><text>&e;</text></request>',
    "dtd": '<!DOCTYPE request SYSTEM "{url}d.dtd"><request/>',
    "parameter-entity": '<!DOCTYPE request [<!ENTITY % p SYSTEM "{url}p.dtd"> %p;]><request/>',
    "xinclude": (
        '<request xmlns:xi="http://www.w3.org/2001/XInclude"><text>'
        '<xi:include href="{url}x" parse="text"/></text></request>'
    ),
    "schema-location": (
        '<request xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:noNamespaceSchemaLocation="{url}s.xsd"><destinations><destination><to>'
        "<phoneNumber>1</phoneNumber></to></destination></destinations></request>"
    ),
}


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
@pytest.mark.parametrize("attack", sorted(NETWORK_ATTACKS))
def test_attack_never_connects(attack: str, target: tuple[str, Any], loopback: Any) -> None:
    url, accepted = loopback
    document = NETWORK_ATTACKS[attack].format(url=url)
    exc, _, seconds = timed(lambda: target[1](document))
    assert exc is None or isinstance(exc, omni_codec.DecodeError), repr(exc)
    assert seconds < TIME_BOUND
    # Give a connection attempt that was made time to be accepted.
    threading.Event().wait(0.1)
    assert accepted == []


# UTF-16 variants of DOCTYPE attacks: the refusal must not depend on the DOCTYPE
# being found in ASCII-compatible bytes.
UTF16_VARIANTS: dict[str, Callable[[str], bytes]] = {
    "utf-16-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16le-no-bom": lambda text: text.encode("utf-16-le"),
    "utf-16be-no-bom": lambda text: text.encode("utf-16-be"),
}


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
@pytest.mark.parametrize("variant", sorted(UTF16_VARIANTS))
@pytest.mark.parametrize(
    "name", ["billion_laughs.xml", "external_entity_file.xml", "doctype_plain.xml"]
)
def test_utf16_attack_is_refused(
    name: str,
    variant: str,
    target: tuple[str, Any],
    secret_files: dict[str, str],
    marker: str,
) -> None:
    text = render(CORPUS / name, **secret_files).replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
    )
    data = UTF16_VARIANTS[variant](text)
    exc = _assert_refused(lambda: target[1](data), marker)
    assert "DOCTYPE" in str(exc), "refused for another reason than its DOCTYPE"


def test_utf16_variants_are_read_as_xml() -> None:
    """Control for the test above: the same encodings without a DOCTYPE decode."""
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><request><destinations><destination>'
        "<to><phoneNumber>41793026727</phoneNumber></to></destination></destinations>"
        "<text>\u00e9</text></request>"
    )
    for variant, encode in UTF16_VARIANTS.items():
        value = omni_codec.xml.decode(encode(text), type=omni_codec.OmniSimpleRequest)
        assert value.text == "\u00e9", variant


@pytest.mark.parametrize("name", INERT)
def test_inert_constructs_are_not_processed(
    name: str, secret_files: dict[str, str], marker: str
) -> None:
    """XInclude and schema hints where the decoder ignores them: decoded, not obeyed."""
    document = render(CORPUS / "inert" / name, **secret_files)
    exc, value, seconds = timed(
        lambda: omni_codec.xml.decode(document, type=omni_codec.OmniSimpleRequest)
    )
    assert exc is None, repr(exc)
    assert seconds < TIME_BOUND
    assert marker not in repr(value)
    assert value.destinations[0].to.phone_number == "41793026727"
    for _, call in TARGETS:
        exc, value, _ = timed(lambda: call(document))
        assert exc is None or isinstance(exc, omni_codec.DecodeError), repr(exc)
        assert marker not in repr(value)
        if exc is not None:
            assert marker not in exception_text(exc)


@pytest.mark.parametrize("target", TARGETS, ids=TARGET_IDS)
@pytest.mark.parametrize("name", INERT)
def test_inert_constructs_never_open_the_file(
    name: str, target: tuple[str, Any], tripwire: Tripwire
) -> None:
    document = render(CORPUS / "inert" / name, SECRET_URI=tripwire.uri)
    with tripwire.watching():
        exc, _, _ = timed(lambda: target[1](document))
    assert exc is None or isinstance(exc, omni_codec.DecodeError), repr(exc)
    assert tripwire.opened == 0
