"""A worked case of the trainer's kit (`training/cases/<id>/`): a fictional child and family, the forms a worker
filled for them, and, in a case made for finding mistakes, where the mistakes are and why.

`case.yaml` describes the case; each `<form id>.yaml` beside it holds one form's answers keyed by field tag, as
`oila fill` reads them: words in every language, codes, choices, dates and ticks once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Discriminator, Field, RootModel, Tag

from generator.model.base import Slug, SourceModel
from generator.model.text import LocalizedText

CASE_FILE = "case.yaml"
"""The file of a case's folder that describes it; every other file holds one form's answers."""


ANSWER_KINDS = ("words", "once")
"""The names the two kinds of answer go by in pydantic's paths, which are not keys of the data."""


def _kind(value: Any) -> str:
    """Which kind of answer `value` is, so that a wrong one is told what it is against that kind alone."""
    if isinstance(value, dict | LocalizedText):
        return "words"
    return "once"


Answer = Annotated[
    Annotated[LocalizedText, Tag("words")] | Annotated[bool | int | dt.date | str, Tag("once")],
    Discriminator(_kind),
]
"""A field's answer: words in every language, or a tick, a number, a date, a code or a choice id written once."""


class Answers(RootModel[dict[str, Answer | None]]):
    """One filled form: each field's answer by its tag (`full_name`, `reasons=poverty`, `siblings[1].name`)."""

    model_config = {"frozen": True}


class Mistake(SourceModel):
    """A deliberate mistake of a case made for finding them: one field's answer, and what is wrong with it."""

    form: Slug = Field(description="The id of the form that holds it.")
    field: str = Field(description="The tag of the field whose answer is the mistake, such as `seen_alone=no`.")
    explanation: LocalizedText = Field(description="For the facilitator: what is wrong, why it matters, what is right.")


class Case(SourceModel):
    """`training/cases/<id>/case.yaml`: a worked case."""

    id: Slug = Field(description="Stable id, the name of the case's folder.")
    title: LocalizedText = Field(description="The case's name, such as `Jasur returns home`.")
    summary: LocalizedText = Field(description="The story trainees read first; paragraphs split by a blank line.")
    forms: tuple[Slug, ...] = Field(min_length=1, description="The ids of the forms filled, in the order of the steps.")
    mistakes: tuple[Mistake, ...] = Field(
        (), description="In a case made for finding mistakes: each one, for the facilitator's answer key."
    )


class WorkedCase(SourceModel):
    """A case with its filled forms, by form id."""

    case: Case
    answers: dict[str, Answers]
