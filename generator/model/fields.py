"""The kinds of question a form can hold, one class per `type:`.

Every question has an id that stays the same in every language and every version that keeps its
meaning: filled forms are read back by it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import Discriminator, Field, Tag, model_validator

from generator.model.base import ChoiceId, Identifier, Slug, SourceModel
from generator.model.choices import Option, check_unique_options
from generator.model.text import LocalizedText


def _choice_source_kind(value: Any) -> str:
    return "inline" if isinstance(value, list | tuple) else "list_id"


ChoiceSource = Annotated[
    Annotated[Slug, Tag("list_id")] | Annotated[tuple[Option, ...], Tag("inline")],
    Discriminator(_choice_source_kind),
]
"""Either the id of a list in `choices/`, or the answers written out in place."""


class Skip(SourceModel):
    """Skip logic as data: when this answer is ticked, go to that section or question."""

    when: ChoiceId = Field(description="The id of the answer that triggers the skip, such as `no`.")
    go_to: Identifier = Field(description="The id of a later section or question of the same form.")


class _Question(SourceModel):
    id: Identifier = Field(description="Stable id, unique within the form; filled forms are read back by it.")
    label: LocalizedText = Field(description="The question as printed.")
    required: bool = Field(False, description="The worker must answer it; marked on paper, checked on collection.")
    hint: LocalizedText | None = Field(None, description="A short help text printed under the question.")
    guidance: LocalizedText | None = Field(
        None, description="Notes for trainers and supervisors; shown on the site, never printed on the form."
    )
    to_confirm: LocalizedText | None = Field(
        None,
        description="What NASP must still confirm about the question: shown on the site and as a comment in the "
        "form's review edition, never on the printed form.",
    )


class ShortText(_Question):
    """One line of writing: a name, a place, a number with letters."""

    type: Literal["text"]


class LongText(_Question):
    """Several lines of writing, for the worker's own words."""

    type: Literal["long_text"]
    lines: int = Field(
        3,
        ge=3,
        le=30,
        description="How many writing lines the printed form gives: three at least, for a paragraph in a worker's "
        "hand (an answer of one line is a `text` question); five or more for comments and observations.",
    )


class DateQuestion(_Question):
    """A date, written DD.MM.YYYY."""

    type: Literal["date"]


class NumberQuestion(_Question):
    """A whole number, with an optional unit such as months or minutes."""

    type: Literal["number"]
    unit: LocalizedText | None = Field(None, description="Printed after the writing space, such as `months`.")


class YesNo(_Question):
    """Yes or no, optionally with `unknown`."""

    type: Literal["yes_no"]
    unknown: bool = Field(False, description="Add a third answer, `unknown`.")
    skip: tuple[Skip, ...] = Field((), description="Where to go for a given answer (`yes`, `no`, `unknown`).")


class SingleChoice(_Question):
    """Exactly one of a list of answers."""

    type: Literal["single"]
    choices: ChoiceSource = Field(description="A list id from `choices/`, or the answers written out.")
    other: bool = Field(False, description="Add `Other (specify)` with a writing line.")
    skip: tuple[Skip, ...] = Field((), description="Where to go for a given answer.")
    answer: ChoiceId | None = Field(
        None,
        description="In a knowledge test's section (`scored: true`): the id of the right answer, which the answer "
        "key shows and `oila collect` scores by.",
    )


class MultipleChoice(_Question):
    """Any number of a list of answers."""

    type: Literal["multiple"]
    choices: ChoiceSource = Field(description="A list id from `choices/`, or the answers written out.")
    other: bool = Field(False, description="Add `Other (specify)` with a writing line.")


class Rating(_Question):
    """One or more items, each rated on the same scale (for example 1 = no concern … 4 = serious concern)."""

    type: Literal["rating"]
    scale: ChoiceSource = Field(description="The points of the scale, in order; usually a list id such as `concern`.")
    items: tuple[Option, ...] = Field(min_length=1, description="What is rated, one row each.")
    comment: bool = Field(False, description="Add a comment column beside the scale.")

    @model_validator(mode="after")
    def _unique(self) -> Rating:
        check_unique_options(self.items)
        return self


class Column(SourceModel):
    """One column of a table question."""

    id: Identifier = Field(description="Stable id of the column, unique within the table.")
    label: LocalizedText = Field(description="The column heading.")
    type: Literal["text", "date", "number", "yes_no", "single"] = Field("text", description="What goes in a cell.")
    choices: ChoiceSource | None = Field(None, description="For `single` columns: the answers.")
    width: int = Field(2, ge=1, le=10, description="Relative width on paper: a column of 4 is twice one of 2.")


class Table(_Question):
    """Rows of the same columns: household members, actions, visits."""

    type: Literal["table"]
    columns: tuple[Column, ...] = Field(min_length=1, description="The columns, left to right.")
    rows: int = Field(5, ge=1, le=40, description="How many blank rows the printed form gives.")

    @model_validator(mode="after")
    def _unique_columns(self) -> Table:
        ids = [column.id for column in self.columns]
        duplicates = sorted({column_id for column_id in ids if ids.count(column_id) > 1})
        if duplicates:
            raise ValueError(f"the column id '{duplicates[0]}' is used twice in this table")
        for column in self.columns:
            if (column.type == "single") != (column.choices is not None):
                raise ValueError(f"column '{column.id}': 'choices' goes with type 'single', and only with it")
        return self


class Signature(_Question):
    """A signature block: for each signer, name, position, signature and date."""

    type: Literal["signature"]
    signers: tuple[Option, ...] = Field(min_length=1, description="Who signs, such as the social worker.")


class Note(SourceModel):
    """Instruction text printed in the form; not a question and not numbered."""

    type: Literal["note"]
    id: Identifier = Field(description="Stable id, unique within the form.")
    text: LocalizedText = Field(description="The instruction, printed in a shaded box.")
    guidance: LocalizedText | None = Field(None, description="Notes for trainers; shown on the site only.")


Question = Annotated[
    ShortText
    | LongText
    | DateQuestion
    | NumberQuestion
    | YesNo
    | SingleChoice
    | MultipleChoice
    | Rating
    | Table
    | Signature
    | Note,
    Field(discriminator="type"),
]

QUESTION_TYPES: tuple[str, ...] = tuple(
    get_args(kind.model_fields["type"].annotation)[0] for kind in get_args(get_args(Question)[0])
)
"""Every value `type:` can take, in the order the union lists them."""
