"""An XLSForm as ODK Central and KoboToolbox take it (converted by pyxform, the converter both use), and filled by
ODK's own form engine, the engine of ODK Web Forms, run in Node (`tests/odk/fill.mjs`)."""

from __future__ import annotations

import io
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyxform.xls2xform import convert

ENGINE = Path(__file__).parent / "odk" / "fill.mjs"


def xform_of(xlsform: bytes, folder: Path) -> Path:
    """The XForm pyxform makes of `xlsform`, written in `folder`; fails on any warning pyxform gives."""
    warnings: list[str] = []
    result = convert(xlsform=io.BytesIO(xlsform), file_type=".xlsx", warnings=warnings, validate=False)
    assert warnings == [], warnings
    path = folder / "form.xml"
    path.write_text(result.xform, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Filled:
    """The form as the engine shows it once filled: each field by its whole reference, and by its name (the first
    field of that name)."""

    languages: list[str]
    fields: dict[str, dict[str, Any]]
    violations: list[dict[str, str]]

    def shown(self, name: str) -> bool:
        return bool(self.fields[name]["relevant"])

    def blocking(self) -> list[str]:
        """The names of the fields that keep the form from being submitted."""
        return [violation["reference"].rsplit("/", 1)[1] for violation in self.violations]


def fill(
    xform: Path,
    language: str | None = None,
    answers: list[tuple[str, str]] | None = None,
    rows: dict[str, int] | None = None,
) -> Filled:
    """`xform` in `language` (its default when None), each repeat given its `rows`, then each of `answers` given in
    turn (a field by its name or its whole reference)."""
    steps = {"language": language, "answers": answers or [], "rows": rows or {}}
    run = subprocess.run(
        ["node", str(ENGINE), str(xform)],
        input=json.dumps(steps).encode(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    said = json.loads(run.stdout)
    fields: dict[str, dict[str, Any]] = {}
    for field in said["fields"]:
        fields.setdefault(field["name"], field)  # the first of a name; in a table, its first row's
        fields[field["reference"]] = field
    return Filled(said["languages"], fields, said["violations"])
