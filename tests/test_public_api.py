"""The public surface is pinned (as msgspec pins its own), and documented."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

import omni_codec

# Every module a user may import: the package and its modules without a leading
# underscore (strategies needs hypothesis, a test dependency here).
PUBLIC_MODULES = sorted(
    ["omni_codec"]
    + [f"omni_codec.{m.name}" for m in pkgutil.iter_modules(omni_codec.__path__) if not m.name.startswith("_")]
)


def test_the_public_modules_are_the_documented_ones() -> None:
    assert PUBLIC_MODULES == [
        "omni_codec", "omni_codec.cli", "omni_codec.endpoints", "omni_codec.errors", "omni_codec.json",
        "omni_codec.limits", "omni_codec.media", "omni_codec.models", "omni_codec.query", "omni_codec.schemas",
        "omni_codec.strategies", "omni_codec.xml",
    ]


def test_top_level_surface() -> None:
    assert set(omni_codec.__all__) >= {
        "CodecError", "DecodeError", "ValidationError", "EncodeError",
        "OmniSimpleRequest", "Destination", "To", "OmniResponse", "OmniResponseDetails",
        "Status", "json", "xml", "Limits", "schemas", "media",
    }


def test_format_modules_have_the_same_surface() -> None:
    assert set(omni_codec.json.__all__) == {"Decoder", "Encoder", "decode", "encode"}
    assert set(omni_codec.xml.__all__) == {"Decoder", "Encoder", "decode", "encode", "validate"}
    assert set(omni_codec.query.__all__) == {"Decoder", "Encoder", "decode", "encode"}
    assert set(omni_codec.schemas.__all__) == {"BUNDLE_FILE", "XSD_FILE", "json_schema", "json_schema_path", "xsd_path"}


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_dir_of_a_public_module_shows_its_public_names_only(name: str) -> None:
    module = importlib.import_module(name)
    assert dir(module) == sorted(module.__all__)
    for public in module.__all__:
        assert hasattr(module, public), public
        assert not public.startswith("_")


def _documented(module: ModuleType) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            found.append((f"{module.__name__}.{name}", obj))
        if inspect.isclass(obj) and obj.__module__.startswith("omni_codec"):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and (inspect.isfunction(member) or isinstance(member, property)):
                    found.append((f"{module.__name__}.{name}.{attr}", member))
    return found


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_function_and_class_has_a_docstring(name: str) -> None:
    module = importlib.import_module(name)
    assert (module.__doc__ or "").strip(), name
    for qualified, obj in _documented(module):
        assert (getattr(obj, "__doc__", None) or "").strip(), qualified


@pytest.mark.parametrize(
    "function",
    [
        omni_codec.json.decode, omni_codec.json.encode, omni_codec.xml.decode, omni_codec.xml.encode,
        omni_codec.xml.validate, omni_codec.json.Decoder.decode, omni_codec.xml.Decoder.decode,
        omni_codec.json.Encoder.encode, omni_codec.xml.Encoder.encode, omni_codec.media.decode_body,
        omni_codec.media.encode_body, omni_codec.schemas.json_schema_path,
    ],
    ids=lambda f: f.__qualname__,
)
def test_the_codec_calls_say_what_they_raise(function: object) -> None:
    doc = inspect.getdoc(function) or ""
    assert "Raises" in doc and len(doc.splitlines()) >= 3


def test_help_on_decode_is_useful() -> None:
    code = "import omni_codec; help(omni_codec.xml.decode)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    for word in ("DecodeError", "ValidationError", "strict", "limits", "line"):
        assert word in out


def test_strict_is_explained_against_msgspecs_meaning() -> None:
    for module in (omni_codec.json, omni_codec.xml):
        doc = module.__doc__ or ""
        assert "unknown" in doc and "msgspec" in doc and "lax type conversion" in doc


@pytest.mark.parametrize(
    "obj",
    [
        omni_codec.json.Encoder(),
        omni_codec.json.Decoder(omni_codec.OmniResponse, strict=True),
        omni_codec.xml.Encoder(pretty=True),
        omni_codec.xml.Decoder(omni_codec.OmniResponse, limits=omni_codec.Limits(max_depth=9)),
    ],
    ids=repr,
)
def test_encoders_and_decoders_have_a_useful_repr(obj: object) -> None:
    text = repr(obj)
    assert " object at 0x" not in text
    module = type(obj).__module__
    assert text.startswith(f"{module}.{type(obj).__name__}(")
    for attr in ("type", "strict", "limits", "pretty"):
        value = getattr(obj, attr, None)
        if attr == "type" and value is not None:
            assert value.__name__ in text
        elif value is not None:
            assert f"{attr}={value!r}" in text


def test_importing_the_package_does_not_import_test_libraries() -> None:
    code = "import sys, omni_codec; print(sorted(m for m in ('hypothesis', 'xmlschema', 'pytest') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_xml_output_is_utf8_bytes_without_declaration_unless_asked() -> None:
    value = omni_codec.OmniResponse(messages=[])
    assert omni_codec.xml.encode(value) == b"<omniResponse><messages></messages></omniResponse>"
    assert omni_codec.xml.encode(value, declaration=True).startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_models_are_not_tracked_by_the_cyclic_collector() -> None:
    """Every model, whoever made it, is data the collector need not walk (see
    OmniStruct): a decoded document's Structs are untracked, its lists are."""
    import gc

    import msgspec

    from omni_codec import OmniResponse, json, xml

    document = (
        b'{"bulkId":"b","messages":[{"to":{"phoneNumber":"41793026727"},"status":{"groupId":1,'
        b'"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE","description":"d"},"messageId":"m"}]}'
    )
    from_json = json.decode(document, type=OmniResponse)
    for value in (from_json, xml.decode(xml.encode(from_json), type=OmniResponse)):
        structs = [value, value.messages[0], value.messages[0].to, value.messages[0].status]
        assert all(isinstance(s, msgspec.Struct) and not gc.is_tracked(s) for s in structs)
        assert gc.is_tracked(value.messages)
    for model in omni_codec.models.__dict__.values():
        if isinstance(model, type) and issubclass(model, msgspec.Struct):
            assert model.__struct_config__.gc is False, model
