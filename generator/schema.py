"""JSON Schemas of the source formats, for editors that check and complete YAML as people type.

The schemas are generated from the model, so they cannot drift from what `oila check` accepts; the
project's languages are written into them, so a missing translation shows in the editor too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.load.files import read_settings
from generator.model.case import Answers, Case
from generator.model.choices import ChoiceList
from generator.model.form import Form
from generator.model.project import CommonHeader
from generator.model.sop import Glossary, SopMetadata, SopStructure
from generator.model.timeframes import Timeframes
from generator.model.training import Course, Module
from generator.write import write_atomic

SCHEMA_DIR = "schema"
SCHEMAS: dict[str, type[BaseModel]] = {
    "form.schema.json": Form,
    "choice-list.schema.json": ChoiceList,
    "header.schema.json": CommonHeader,
    "sop.schema.json": SopMetadata,
    "sop-structure.schema.json": SopStructure,
    "glossary.schema.json": Glossary,
    "timeframes.schema.json": Timeframes,
    "training-course.schema.json": Course,
    "training-module.schema.json": Module,
    "training-case.schema.json": Case,
    "training-case-answers.schema.json": Answers,
}


def schema_text(model: type[BaseModel], languages: tuple[str, ...]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _require_languages(schema, languages)
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _require_languages(schema: dict[str, Any], languages: tuple[str, ...]) -> None:
    text = schema.get("$defs", {}).get("LocalizedText")
    if text is not None:
        text.update(
            {
                "description": f"Text in every language of the project ({', '.join(languages)}).",
                "properties": {code: {"type": "string", "minLength": 1} for code in languages},
                "required": list(languages),
                "additionalProperties": False,
            }
        )
    status = schema.get("properties", {}).get("status")
    if status is not None:
        status["required"] = list(languages)
        status["propertyNames"] = {"enum": list(languages)}


def write_schemas(root: Path, check_only: bool) -> list[str]:
    """Write every schema under `schema/`; with `check_only`, write nothing and return the stale ones."""
    languages = read_settings(root).written
    stale = []
    for name, model in SCHEMAS.items():
        path = root / SCHEMA_DIR / name
        text = schema_text(model, languages)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            stale.append(f"{SCHEMA_DIR}/{name}")
            if not check_only:
                write_atomic(path, text.encode("utf-8"))
    return stale
