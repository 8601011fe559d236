"""The schemas omni_codec ships: the XSD and the JSON Schemas of every document type.

Other tools can check payloads against the same contract as the codec::

    from omni_codec import OmniResponse, schemas

    schemas.xsd_path()                       # Path of omni.xsd (both roots, every type)
    schemas.json_schema_path(OmniResponse)   # Path of OmniResponse.schema.json
    schemas.json_schema("OmniResponse")      # the same file, parsed
    schemas.json_schema_path()               # one JSON Schema for any document type

The files are the ones in the repository's ``schemas/`` folder: installed inside
the package (``omni_codec/schemas/``) by the wheel, read from the checkout's
``schemas/`` when running from source. They are generated from the models and
committed; nothing is generated at run time.

The XSD describes the XML form exactly (every document the encoder writes is
valid, every valid document decodes) but cannot state the rules a model checks
in code, such as "every destination of a simple request has a phone number";
:func:`omni_codec.xml.validate` checks against it, and decoding checks the rest.
Each JSON Schema accepts what the JSON decoder accepts in its default mode
(unknown members allowed), with the same exception.
"""

from __future__ import annotations

import json as _json
from pathlib import Path as _Path
from typing import Any as _Any

__all__ = ["BUNDLE_FILE", "XSD_FILE", "json_schema", "json_schema_path", "xsd_path"]

#: File name of the XSD.
XSD_FILE = "omni.xsd"
#: File name of the JSON Schema that accepts any document type (``anyOf`` of all).
BUNDLE_FILE = "omni.schema.json"


def _folder() -> _Path:
    here = _Path(__file__).resolve().parent
    if (here / XSD_FILE).is_file():  # installed: the wheel puts the files here
        return here
    return here.parents[1] / "schemas"  # a source checkout


def xsd_path() -> _Path:
    """The path of the shipped XSD, ``omni.xsd``.

    Takes nothing; returns a :class:`pathlib.Path` to an existing file. Raises
    :class:`FileNotFoundError` only if the installation is broken.
    """
    return _existing(_folder() / XSD_FILE)


def json_schema_path(type: type | str | None = None) -> _Path:
    """The path of a shipped JSON Schema (draft 2020-12).

    ``type`` is a document type (a model class such as ``OmniResponse``) or its
    name, matched case-insensitively; ``None`` (the default) gives the bundle, one
    schema that accepts any document type (its ``$defs`` hold every type, its
    ``anyOf`` refers to each document type). Returns a :class:`pathlib.Path`.
    Raises :class:`ValueError` for a type that is not a document type.
    """
    if type is None:
        return _existing(_folder() / BUNDLE_FILE)
    return _existing(_folder() / "json" / f"{_document_name(type)}.schema.json")


def json_schema(type: type | str | None = None) -> dict[str, _Any]:
    """The JSON Schema :func:`json_schema_path` names, parsed into a ``dict``.

    Takes and raises as :func:`json_schema_path`.
    """
    loaded: dict[str, _Any] = _json.loads(json_schema_path(type).read_bytes())
    return loaded


def _document_name(type: type | str) -> str:
    from ..models import DOCUMENT_TYPES

    names = {cls.__name__.lower(): cls.__name__ for cls in DOCUMENT_TYPES}
    wanted = type if isinstance(type, str) else getattr(type, "__name__", "")
    name = names.get(wanted.lower())
    if name is None or (not isinstance(type, str) and type not in DOCUMENT_TYPES):
        known = ", ".join(cls.__name__ for cls in DOCUMENT_TYPES)
        raise ValueError(f"{type!r} is not an OMNI document type; known: {known}")
    return name


def _existing(path: _Path) -> _Path:
    if not path.is_file():
        raise FileNotFoundError(f"omni_codec's schema file is missing: {path}")
    return path


def __dir__() -> list[str]:
    return sorted(__all__)
