"""Matching a filled document's controls to its form's slots, and checking the answers.

By tag first; where the saving program dropped every tag (LibreOffice 7.4), by order, accepted only
when the controls' number and kinds are exactly those of the form's slots. Problems name fields,
never answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.collect.docx_reader import Control, FilledDocument, Rejected
from generator.model.slots import OTHER, Slot, SlotKind

KIND_OF_SLOT = {
    SlotKind.TEXT: "text",
    SlotKind.LONG_TEXT: "text",
    SlotKind.DATE: "date",
    SlotKind.CHOICE: "choice",
    SlotKind.CHECK: "check",
}


@dataclass
class Answers:
    """One filled file's answers: one value per field, and table rows by table."""

    fields: dict[str, str] = field(default_factory=dict)
    tables: dict[str, dict[int, dict[str, str]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def match_controls(document: FilledDocument, slots: tuple[Slot, ...]) -> list[tuple[Slot, Control]]:
    """Each slot with the control that answers it; `Rejected` if the controls are not those of the form."""
    tagged = {control.tag: control for control in document.controls if control.tag}
    if tagged:
        pairs = [(slot, tagged[slot.tag]) for slot in slots if slot.tag in tagged]
        if len(pairs) * 2 < len(tagged):
            raise Rejected(
                f"its answer fields are not those of the form its properties name ({len(pairs)} of {len(tagged)} "
                "known): it was made from another form, or its properties were changed"
            )
        return pairs
    kinds = [control.kind for control in document.controls]
    if kinds == [KIND_OF_SLOT[slot.kind] for slot in slots]:
        return list(zip(slots, document.controls, strict=True))
    raise Rejected("its answer fields carry no names and do not line up with the form's fields")


def read_answers(pairs: list[tuple[Slot, Control]], slots: tuple[Slot, ...], prompts: frozenset[str]) -> Answers:
    """The answers of matched controls; `prompts` are the placeholder texts of every language, which
    LibreOffice saves as if they were answers."""
    answers = Answers()
    ticked: dict[str, list[str]] = {}
    for slot, control in pairs:
        value = control.value.strip() if slot.kind is not SlotKind.LONG_TEXT else control.value
        if value.strip() in prompts:
            value = ""
        if slot.kind is SlotKind.CHECK:
            if value == "1":
                ticked.setdefault(slot.field, []).append(slot.choices[0].id)
            continue
        value, problem = checked(slot, value)
        if problem:
            answers.problems.append(f"{slot.tag}: {problem}")
            continue
        if slot.table is not None and slot.row is not None:
            if value:
                answers.tables.setdefault(slot.table, {}).setdefault(slot.row, {})[slot.field] = value
            continue
        answers.fields[slot.field] = value
    for name, ids in ticked.items():
        answers.fields[name] = ";".join(ids)
    for slot in slots:
        if slot.required and slot.table is None and not answers.fields.get(slot.field):
            problem = f"{slot.field}: required, left empty"
            if problem not in answers.problems:
                answers.problems.append(problem)
    return answers


def checked(slot: Slot, value: str) -> tuple[str, str]:
    """The answer as the tables hold it (a date as YYYY-MM-DD), or what is wrong with it."""
    if value and slot.kind is SlotKind.CHOICE and value not in {choice.id for choice in slot.choices}:
        return value, "an answer that is not in the list"
    if value and slot.kind is SlotKind.DATE:
        iso = _iso_date(value)
        return (iso, "") if iso is not None else (value, "not a date")
    return value, ""


def _iso_date(value: str) -> str | None:
    """A date as YYYY-MM-DD, whether the control holds it so or as typed on the form (DD.MM.YYYY); None when it
    is not a date."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def field_columns(slots: tuple[Slot, ...]) -> list[tuple[str, str]]:
    """`(field id, label)` of every column of a form's answers sheet, in form order."""
    columns: dict[str, str] = {}
    for slot in slots:
        if slot.table is None:
            label = slot.label if not slot.tag.endswith(f".{OTHER}") else f"{slot.label} ({OTHER})"
            columns.setdefault(slot.field, label)
    return list(columns.items())


def table_columns(slots: tuple[Slot, ...]) -> dict[str, list[tuple[str, str]]]:
    """Per table question, `(column id, label)` of its own sheet."""
    tables: dict[str, dict[str, str]] = {}
    for slot in slots:
        if slot.table is not None:
            tables.setdefault(slot.table, {}).setdefault(slot.field, slot.label)
    return {table: list(columns.items()) for table, columns in tables.items()}
