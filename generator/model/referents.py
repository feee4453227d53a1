"""What references can name, indexed once per project: steps with their numbers, forms with their questions'
numbers, roles, pathways, terms, timeframes, the SOP's sections and its own names.

Built from the loaded parts, any of which may be missing while the sources still have problems: a kind
whose part is missing is not checked (its source's own problems are reported instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.form import Form
from generator.model.labels import LabelId
from generator.model.language import Language
from generator.model.numbering import question_numbers
from generator.model.sop import Glossary, SopMetadata, SopStructure
from generator.model.sop_text import SopSection
from generator.model.text import LocalizedText
from generator.model.timeframes import Timeframe, Timeframes, Unit

SECTION_NUMBER_SEPARATOR = "-"
"""`08-safeguarding`: a section's file name is its number, this, and the name references use."""


@dataclass(frozen=True)
class StepReferent:
    number: str | None
    """None for a step that runs beside the others (supervision)."""
    title: LocalizedText


@dataclass(frozen=True)
class SectionReferent:
    number: str
    titles: dict[str, str]
    """The section's title in each language, from the first line of its prose."""


@dataclass(frozen=True)
class QuestionReferent:
    number: str
    label: LocalizedText
    is_section: bool


@dataclass(frozen=True)
class FormReferent:
    code: str
    title: LocalizedText
    questions: dict[str, QuestionReferent]


@dataclass(frozen=True)
class RoleReferent:
    short_name: LocalizedText
    name: LocalizedText


@dataclass(frozen=True)
class Referents:
    """Every kind's referents by their targets; None for a kind whose source could not be loaded."""

    labels: dict[LabelId, LocalizedText] | None = None
    steps: dict[str, StepReferent] | None = None
    sections: dict[str, SectionReferent] | None = None
    forms: dict[str, FormReferent] | None = None
    roles: dict[str, RoleReferent] | None = None
    pathways: dict[str, LocalizedText] | None = None
    terms: dict[str, LocalizedText] | None = None
    timeframes: dict[str, Timeframe] | None = None
    units: dict[str, Unit] | None = None
    sop: dict[str, LocalizedText | str] | None = None
    project: dict[str, str] | None = None
    unread_forms: frozenset[str] = frozenset()
    """Forms whose files have problems of their own: a reference to one is not checked."""

    @classmethod
    def of(
        cls,
        labels: dict[LabelId, LocalizedText] | None = None,
        forms: list[Form] | None = None,
        metadata: SopMetadata | None = None,
        structure: SopStructure | None = None,
        glossary: Glossary | None = None,
        timeframes: Timeframes | None = None,
        sections: tuple[SopSection, ...] | None = None,
        languages: tuple[Language, ...] | None = None,
        unread_forms: frozenset[str] = frozenset(),
        course_forms: tuple[Form, ...] = (),
    ) -> Referents:
        """`course_forms` are the trainer's kit's own: cited like the others, never counted among the SOP's forms
        (`{project:form_count}`, `{project:last_form}`)."""
        return cls(
            labels=labels,
            steps=None if structure is None else _steps(structure),
            sections=None if sections is None else _sections(sections),
            forms=None if forms is None else {form.id: _form(form) for form in (*forms, *course_forms)},
            roles=None if structure is None else {r.id: RoleReferent(r.short_name, r.name) for r in structure.roles},
            pathways=None if structure is None else {pathway.id: pathway.title for pathway in structure.pathways},
            terms=None if glossary is None else {term.id: term.term for term in glossary.terms},
            timeframes=None if timeframes is None else {item.id: item for item in timeframes.timeframes},
            units=None if timeframes is None else {unit.id: unit for unit in timeframes.units},
            sop=None if metadata is None else _sop(metadata),
            project=None if forms is None or languages is None else _project(forms, languages),
            unread_forms=unread_forms,
        )


def section_name(slug: str) -> str:
    """The name a reference gives a section: its file name without the number, `safeguarding`."""
    return slug.partition(SECTION_NUMBER_SEPARATOR)[2] or slug


def _steps(structure: SopStructure) -> dict[str, StepReferent]:
    numbers = iter(range(1, len(structure.steps) + 1))
    return {
        step.id: StepReferent(None if step.continuous else str(next(numbers)), step.title) for step in structure.steps
    }


def _sections(sections: tuple[SopSection, ...]) -> dict[str, SectionReferent]:
    return {
        section_name(section.slug): SectionReferent(
            str(number), {language: text.title for language, text in section.texts.items()}
        )
        for number, section in enumerate(sections, start=1)
    }


def _form(form: Form) -> FormReferent:
    numbers = question_numbers(form)
    questions: dict[str, QuestionReferent] = {}
    for section in form.sections:
        questions[section.id] = QuestionReferent(numbers[section.id], section.title, is_section=True)
        for question in section.questions:
            label = getattr(question, "label", None)
            if question.id in numbers and isinstance(label, LocalizedText):
                questions[question.id] = QuestionReferent(numbers[question.id], label, is_section=False)
    return FormReferent(form.code, form.title, questions)


def _sop(metadata: SopMetadata) -> dict[str, LocalizedText | str]:
    return {
        "abbreviation": metadata.abbreviation,
        "title": metadata.title,
        "short_title": metadata.short_title,
        "code": metadata.code,
    }


def _project(forms: list[Form], languages: tuple[Language, ...]) -> dict[str, str]:
    codes = sorted(form.code for form in forms)
    facts = {"form_count": str(len(forms)), "language_count": str(len(languages))}
    facts["languages"] = ", ".join(language.name for language in languages)
    if codes:
        facts.update(first_form=codes[0], last_form=codes[-1])
    return facts
