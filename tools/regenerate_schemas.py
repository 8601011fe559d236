"""Regenerate the committed schemas from the models, in a source checkout.

    python -m tools.regenerate_schemas

Writes ``schemas/omni.xsd``, ``schemas/json/<Type>.schema.json`` and the bundle
``schemas/omni.schema.json``. Run it after changing a model; the tests fail until
the committed files are current. This is not shipped in the wheel: an installed
package only reads the files (``omni_codec.schemas``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from omni_codec._schema import bundle_json_schemas, generate_xsd, json_schema_files

ROOT = Path(__file__).resolve().parents[1] / "schemas"


def main() -> int:
    """Write every schema file into the checkout's ``schemas/``; return 0."""
    if not (ROOT.parent / "pyproject.toml").is_file():
        print(f"not a source checkout: {ROOT.parent}", file=sys.stderr)
        return 2
    (ROOT / "omni.xsd").write_text(generate_xsd(), encoding="utf-8")
    folder = ROOT / "json"
    folder.mkdir(exist_ok=True)
    for stale in folder.glob("*.schema.json"):
        stale.unlink()
    for name, text in json_schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    committed = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.schema.json"))}
    (ROOT / "omni.schema.json").write_text(bundle_json_schemas(committed), encoding="utf-8")
    print(f"wrote {ROOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
