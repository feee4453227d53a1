"""The answer slots of a fillable form: every content control, in document order, with its stable tag.

The fillable renderer writes one control per slot and `oila collect` reads them back by tag, or, where
LibreOffice dropped the tags on saving, by their order and kind, checked against this same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.model.view import (
    AnyQuestion,
    Choice,
    ChoiceView,
    DateView,
    FormView,
    NoteView,
    NumberView,
    QuestionView,
    RatingView,
    SignatureView,
    TableView,
    TextView,
)


class SlotKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    CHOICE = "choice"
    CHECK = "check"


@dataclass(frozen=True)
class Slot:
    tag: str
    """Stable across languages and versions that keep the field: `full_name`, `reasons=poverty`, `siblings[2].name`."""
    kind: SlotKind
    field: str
    """The output column the slot fills: its question's id, or `question.item` for parts of one."""
    label: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    """For CHOICE slots, the answers; for CHECK slots, the one answer the box stands for."""
    row: int | None = None
    """For table cells, the row number (from 1); such slots go to the table's own sheet."""
    table: str | None = None


HEADER_PREFIX = "header."
OTHER = "other"


def form_slots(form: FormView, other: str) -> tuple[Slot, ...]:
    """Every slot of `form`, in the order the fillable document holds them; `other` names "Other (specify)"."""
    slots = [slot for question in form.header for slot in _question_slots(question, HEADER_PREFIX, other)]
    for section in form.sections:
        for question in section.questions:
            slots.extend(_question_slots(question, "", other))
    return tuple(slots)


def question_slots(question: AnyQuestion, other: str, prefix: str = "") -> list[Slot]:
    """The slots of one question, as the fillable renderer lays them out."""
    return _question_slots(question, prefix, other)


def _question_slots(question: AnyQuestion, prefix: str, other: str) -> list[Slot]:
    if isinstance(question, NoteView):
        return []
    assert isinstance(question, QuestionView)
    key = prefix + question.id
    label = question.label
    required = question.required
    if isinstance(question, TextView):
        kind = SlotKind.TEXT if question.lines == 1 else SlotKind.LONG_TEXT
        return [Slot(key, kind, key, label, required)]
    if isinstance(question, NumberView):
        return [Slot(key, SlotKind.TEXT, key, label, required)]
    if isinstance(question, DateView):
        return [Slot(key, SlotKind.DATE, key, label, required)]
    if isinstance(question, ChoiceView):
        return _choice_slots(question, key, required, Choice(OTHER, other))
    if isinstance(question, RatingView):
        slots = []
        for item in question.items:
            slots.append(
                Slot(f"{key}.{item.id}", SlotKind.CHOICE, f"{key}.{item.id}", item.label, required, question.scale)
            )
            if question.comment:
                slots.append(Slot(f"{key}.{item.id}.comment", SlotKind.TEXT, f"{key}.{item.id}.comment", item.label))
        return slots
    if isinstance(question, TableView):
        return [
            Slot(
                f"{key}[{row}].{column.id}",
                SlotKind.DATE if column.kind == "date" else SlotKind.CHOICE if column.choices else SlotKind.TEXT,
                column.id,
                column.label,
                choices=column.choices,
                row=row,
                table=key,
            )
            for row in range(1, question.rows + 1)
            for column in question.columns
        ]
    if isinstance(question, SignatureView):
        slots = []
        for signer in question.signers:
            base = f"{key}.{signer.id}"
            slots.append(Slot(f"{base}.name", SlotKind.TEXT, f"{base}.name", signer.label))
            slots.append(Slot(f"{base}.position", SlotKind.TEXT, f"{base}.position", signer.label))
            slots.append(Slot(f"{base}.date", SlotKind.DATE, f"{base}.date", signer.label))
        return slots
    raise AssertionError(f"no slots for {type(question).__name__}")


def _choice_slots(question: ChoiceView, key: str, required: bool, other: Choice) -> list[Slot]:
    choices = (*question.choices, other) if question.other else question.choices
    if question.multiple or question.choices[0].id == "yes":
        slots = [
            Slot(f"{key}={choice.id}", SlotKind.CHECK, key, question.label, required, (choice,)) for choice in choices
        ]
    else:
        slots = [Slot(key, SlotKind.CHOICE, key, question.label, required, choices)]
    if question.other:
        slots.append(Slot(f"{key}.{OTHER}", SlotKind.TEXT, f"{key}.{OTHER}", question.label))
    return slots
