"""Regenerate the committed schemas from the models: ``python -m omni_codec._schema``.

Run from a source checkout after changing a model; the tests fail until the files
in ``schemas/`` are current.
"""

from pathlib import Path

from . import generate_xsd, json_schema_files

root = Path(__file__).resolve().parents[2] / "schemas"
(root / "omni.xsd").write_text(generate_xsd(), encoding="utf-8")
(root / "json").mkdir(exist_ok=True)
for stale in (root / "json").glob("*.schema.json"):
    stale.unlink()
for name, text in json_schema_files().items():
    (root / "json" / name).write_text(text, encoding="utf-8")
print(f"wrote {root}")
