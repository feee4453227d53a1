"""The localized view of a project: what renderers see.

Every text is a plain string in one language, choice lists are resolved, questions carry their
numbers, and skip logic is already put into words. Renderers never handle language dictionaries,
list ids or YAML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.labels import Labels
from generator.model.sop_view import SopView
from generator.model.training_view import CourseView


@dataclass(frozen=True)
class LanguageView:
    code: str
    name: str
    locale: str
    english_name: str


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class QuestionView:
    """What every question has. `number` is None for questions that are not numbered (header, notes)."""

    id: str
    number: str | None
    label: str
    hint: str | None
    guidance: str | None
    required: bool
    to_confirm: str | None
    """What NASP must still confirm about the question; never printed."""


@dataclass(frozen=True)
class TextView(QuestionView):
    lines: int
    """1 for a short answer, more for a long one."""


@dataclass(frozen=True)
class DateView(QuestionView):
    pass


@dataclass(frozen=True)
class NumberView(QuestionView):
    unit: str | None


@dataclass(frozen=True)
class ChoiceView(QuestionView):
    """Yes/no, single and multiple choice: `multiple` says whether several answers may be ticked."""

    choices: tuple[Choice, ...]
    multiple: bool
    other: bool
    skips: tuple[str, ...]
    """Each skip rule in words, such as `If "No", go to question 4.2.`"""
    skip_to: tuple[tuple[str, str], ...] = ()
    """Each skip rule as data: the id of the answer, and the id of the section or question it goes to."""
    answer: str | None = None
    """In a knowledge test: the id of the right answer."""


@dataclass(frozen=True)
class RatingView(QuestionView):
    scale: tuple[Choice, ...]
    items: tuple[Choice, ...]
    comment: bool


@dataclass(frozen=True)
class ColumnView:
    id: str
    label: str
    kind: str
    choices: tuple[Choice, ...]
    width: int


@dataclass(frozen=True)
class TableView(QuestionView):
    columns: tuple[ColumnView, ...]
    rows: int


@dataclass(frozen=True)
class SignatureView(QuestionView):
    signers: tuple[Choice, ...]


@dataclass(frozen=True)
class NoteView:
    id: str
    text: str
    guidance: str | None


AnyQuestion = TextView | DateView | NumberView | ChoiceView | RatingView | TableView | SignatureView | NoteView


@dataclass(frozen=True)
class SectionView:
    id: str
    number: str
    title: str
    intro: str | None
    guidance: str | None
    new_page: bool
    questions: tuple[AnyQuestion, ...]
    scored: bool = False
    """A knowledge test's questions, each with its `answer`."""


@dataclass(frozen=True)
class FormView:
    id: str
    code: str
    version: str
    version_date: dt.date
    status: str
    approved: bool
    title: str
    purpose: str
    filled_by: str
    timing: str
    instructions: tuple[str, ...]
    """Paragraphs, in order."""
    record: str
    """`case` or `staff`; only case records print the case-number box."""
    agency: str
    """The body that issues the form: the SOP's approving body, named as the file's author."""
    header: tuple[AnyQuestion, ...]
    sections: tuple[SectionView, ...]
    outdated: int = 0
    """How many of this form's texts are missing or out of date in this language."""
    transliterated: bool = False
    """The language is made from another by transliteration, not written or reviewed as it is."""

    def key(self) -> dict[str, str]:
        """A knowledge test's right answers by question id (which is their field's tag); empty for another form."""
        return {question.id: question.answer for question in self.scored_questions() if question.answer is not None}

    def scored_questions(self) -> tuple[ChoiceView, ...]:
        """A knowledge test's questions, in order; empty for another form."""
        return tuple(
            question
            for section in self.sections
            if section.scored
            for question in section.questions
            if isinstance(question, ChoiceView) and question.answer is not None
        )


@dataclass(frozen=True)
class OutdatedText:
    """A text whose translation is missing, or was made from English that has changed since."""

    place: str
    """The string's key, such as `forms/referral.yaml#sections.reason.questions.urgency.label`."""
    file: str
    """The file that holds (or should hold) the translation."""
    english: str
    state: str
    """`missing` or `stale`."""


@dataclass(frozen=True)
class PageView:
    """A hand-written page of the site, in the view's language or, where it has none, the source language."""

    name: str
    markdown: str
    translated: bool


@dataclass(frozen=True)
class ProjectView:
    """The whole project in one language."""

    name: str
    language: LanguageView
    labels: Labels
    forms: tuple[FormView, ...]
    sop: SopView
    outdated: tuple[OutdatedText, ...] = ()
    """Every text of this language that is missing or out of date, for the translation-status page."""
    pages: tuple[PageView, ...] = ()
    """The site's hand-written pages, by name."""
    training: CourseView | None = None
    """The trainer's kit, in a project that has one."""
