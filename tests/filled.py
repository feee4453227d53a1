"""Answers for every control of a fillable form, as a worker would type, pick and tick them."""

from __future__ import annotations

import datetime as dt

from generator.model.slots import Slot, SlotKind


def sample_answers(slots: tuple[Slot, ...]) -> dict[str, str]:
    """A value for every slot: distinct texts, dates, the last answer of each list, every other box ticked."""
    answers = {}
    for number, slot in enumerate(slots):
        if slot.kind is SlotKind.CHECK:
            answers[slot.tag] = "1" if number % 2 else "0"
        elif slot.kind is SlotKind.DATE:
            answers[slot.tag] = (dt.date(2026, 1, 1) + dt.timedelta(days=number)).isoformat()
        elif slot.kind is SlotKind.CHOICE:
            answers[slot.tag] = slot.choices[-1].id
        else:
            answers[slot.tag] = f"Javob {number} «ʻʼ» ответ & <b>"
    return answers
