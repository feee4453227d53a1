"""`oila fill FORM --data case.yaml --lang L --out FILE`: a fillable form with answers already in place.

The inverse of collect: the answers are keyed by slot tag (`full_name`, `reasons=poverty`,
`siblings[1].name`), and collecting the written file gives them back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.errors import Location, OilaError, SourceErrors
from generator.load.project import load_project
from generator.load.source import read_source
from generator.messages import problem, quoted_list
from generator.model.labels import LabelId
from generator.model.slots import SlotKind, form_slots
from generator.render.fillable import fillable_document
from generator.write import write_atomic


def fill_form(root: Path, form_name: str, data: Path, language: str, out: Path) -> Path:
    project = load_project(root)
    if language not in project.settings.codes:
        raise OilaError(f"unknown language '{language}'; choose from {', '.join(project.settings.codes)}")
    view = project.localize(language)
    form = next((form for form in view.forms if form_name in (form.id, form.code)), None)
    if form is None:
        known = ", ".join(f"{form.code} ({form.id})" for form in view.forms)
        raise OilaError(f"unknown form '{form_name}'; forms: {known}")
    document = read_source(data, str(data), "answers keyed by field tag, such as full_name: ...")
    slots = {slot.tag: slot for slot in form_slots(form, view.labels[LabelId.OTHER_SPECIFY])}
    answers: dict[str, str] = {}
    problems = []
    for tag, value in document.data.items():
        where = document.locate((tag,))
        slot = slots.get(str(tag))
        if slot is None:
            problems.append(problem("bad-value", where, detail=f"'{tag}' is not a field of {form.code}; see its slots"))
            continue
        text = _as_text(value, slot.kind)
        if slot.kind is SlotKind.CHOICE and text not in {choice.id for choice in slot.choices}:
            allowed = quoted_list([choice.id for choice in slot.choices])
            problems.append(
                problem(
                    "unknown-answer",
                    Location(where.file, where.line, where.column, (tag,)),
                    found=text,
                    allowed=allowed,
                )
            )
            continue
        answers[str(tag)] = text
    if problems:
        raise SourceErrors(problems)
    write_atomic(out, fillable_document(form, view.language, view.labels, answers))
    return out


def _as_text(value: object, kind: SlotKind) -> str:
    if kind is SlotKind.CHECK:
        return "1" if value in (True, 1, "1", "yes") else "0"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)
