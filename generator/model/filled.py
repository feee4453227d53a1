"""A form's answers, keyed by field tag, checked against its slots and written out in one language: what
`oila fill` puts in a fillable form, and what the trainer's worked cases are made of."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from generator.errors import Problem
from generator.load.source import Path_, SourceDocument
from generator.messages import problem, quoted_list
from generator.model.resolve import Resolver
from generator.model.slots import Slot, SlotKind
from generator.model.text import LocalizedText

Value = LocalizedText | bool | int | dt.date | str | None
TICKED = (True, 1, "1", "yes")
UNTICKED = (False, 0, "0", "no")
"""What a box's answer may be: ticked, or not."""


def answer_problems(
    answers: Mapping[str, Value], slots: tuple[Slot, ...], code: str, document: SourceDocument, at: Path_ = ()
) -> Iterator[Problem]:
    """Each answer that is no field of the form `code` (whose fields are `slots`), or not a possible answer of
    its field, located in `document` under `at`."""
    by_tag = {slot.tag: slot for slot in slots}
    for tag, value in answers.items():
        where = document.locate((*at, tag))
        slot = by_tag.get(tag)
        if slot is None:
            yield problem("bad-value", where, detail=f"'{tag}' is not a field of {code}; see its slots")
        elif slot.kind is SlotKind.CHOICE and _plain(value) not in {choice.id for choice in slot.choices}:
            allowed = quoted_list([choice.id for choice in slot.choices])
            yield problem("unknown-answer", where, found=_plain(value), allowed=allowed)
        elif slot.kind is SlotKind.CHECK and value not in (*TICKED, *UNTICKED):
            yield problem("bad-value", where, detail=f"'{tag}' is a box to tick: answer true, or leave it out")
        elif slot.kind in (SlotKind.CHOICE, SlotKind.DATE) and isinstance(value, LocalizedText):
            yield problem("bad-value", where, detail=f"'{tag}' is answered once for every language, not in words")


def answer_texts(answers: Mapping[str, Value], slots: tuple[Slot, ...], resolver: Resolver) -> dict[str, str]:
    """The answers as the fillable form holds them, in `resolver`'s language: words resolved, ticks as `1`."""
    kinds = {slot.tag: slot.kind for slot in slots}
    texts = {}
    for tag, value in answers.items():
        if kinds[tag] is SlotKind.CHECK:
            texts[tag] = "1" if value in TICKED else "0"
        elif isinstance(value, LocalizedText):
            texts[tag] = resolver.resolve(value.get(resolver.language))
        else:
            texts[tag] = _plain(value)
    return texts


def _plain(value: Value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None or isinstance(value, LocalizedText) else str(value)
