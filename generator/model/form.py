"""A form or plan template: metadata, then sections of questions."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from generator.model.base import Identifier, Slug, SourceModel
from generator.model.fields import Question
from generator.model.text import LocalizedText

FormCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,4}-[0-9]{2,3}$")]
Version = Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+$")]


class Status(StrEnum):
    """How far a language version of a document has come; only NASP makes it `approved`."""

    DRAFT = "draft"
    REVIEWED = "reviewed"
    APPROVED = "approved"


REVIEW_STATUSES = frozenset(status.value for status in Status)
"""The values of a language-keyed `status:` mapping: a state in each language, never text to translate."""


class Section(SourceModel):
    """A numbered part of a form, printed under its own heading."""

    id: Identifier = Field(description="Stable id, unique within the form; skips can go to it.")
    title: LocalizedText = Field(description="The section heading.")
    intro: LocalizedText | None = Field(None, description="A short text printed under the heading.")
    guidance: LocalizedText | None = Field(None, description="Notes for trainers; shown on the site only.")
    new_page: bool = Field(False, description="Start the section on a new page, such as a slip to detach.")
    scored: bool = Field(
        False,
        description="The questions of a knowledge test: each is a single choice with its `answer`, and the form "
        "asks which `participant` fills it and at which `moment` (`pre` or `post`).",
    )
    questions: tuple[Question, ...] = Field(min_length=1, description="The questions, in order.")


class Form(SourceModel):
    """One form or plan template, in `forms/<id>.yaml`."""

    id: Slug = Field(description="Stable id; must match the file name, such as `child-needs-assessment`.")
    code: FormCode = Field(description="The short code printed on the form, such as `F-01`.")
    version: Version = Field(description='The version, such as "1.0" (in quotes).')
    version_date: dt.date = Field(description="The date of this version, YYYY-MM-DD; it dates every output.")
    status: dict[str, Status] = Field(description="Per language: draft, reviewed or approved.")
    title: LocalizedText = Field(description="The form's title.")
    purpose: LocalizedText = Field(description="What the form is for, in one or two sentences.")
    filled_by: LocalizedText = Field(description="Who fills it in.")
    timing: LocalizedText = Field(description="When it is filled in, and at which step of the SOP.")
    instructions: LocalizedText | None = Field(None, description="How to fill it in; paragraphs split by a blank line.")
    record: Literal["case", "staff", "course"] = Field(
        "case",
        description="What the form is a record of: a child's case (the default), or a worker's supervision or "
        "training, which prints no case number; a course's own form (`training/forms/`: a knowledge test, an "
        "attendance sheet, an evaluation) asks its own details and prints none of the header's.",
    )
    sections: tuple[Section, ...] = Field(min_length=1, description="The sections, in order.")
