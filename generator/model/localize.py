"""`Project.localize(lang)`: the project as plain strings in one language, references resolved."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.model import fields as f
from generator.model.choices import Option
from generator.model.form import Form, Section, Status
from generator.model.labels import LabelId, Labels
from generator.model.localize_case import localize_case
from generator.model.localize_sop import localize_sop
from generator.model.localize_training import localize_training
from generator.model.numbering import question_numbers
from generator.model.referents import Referents
from generator.model.resolve import Linker, Resolver
from generator.model.text import LocalizedText, paragraphs
from generator.model.training_view import CourseView
from generator.model.view import (
    AnyQuestion,
    Choice,
    ChoiceView,
    ColumnView,
    DateView,
    FormView,
    LanguageView,
    NoteView,
    NumberView,
    OutdatedText,
    PageView,
    ProjectView,
    QuestionView,
    RatingView,
    SectionView,
    SignatureView,
    TableView,
    TextView,
)

if TYPE_CHECKING:
    from generator.model.project import Project


def localize_project(
    project: Project, language: str, outdated: tuple[OutdatedText, ...] = (), linker: Linker | None = None
) -> ProjectView:
    settings = project.settings.language(language)
    localizer = _localizer(project, language, linker)
    resolver, labels = localizer.resolver, localizer.labels
    per_file = Counter(text.file for text in outdated)
    derived = settings.derived_from is not None
    forms = tuple(localizer.form(form) for form in project.forms)
    sop = localize_sop(project.sop, project.forms, project.timeframes, project.settings, resolver)
    return ProjectView(
        name=project.settings.name,
        language=LanguageView(settings.code, settings.name, settings.locale, settings.english_name),
        labels=labels,
        forms=tuple(
            replace(form, outdated=per_file[f"forms/{form.id}.yaml"], transliterated=derived) for form in forms
        ),
        sop=replace(
            sop,
            outdated=sum(count for file, count in per_file.items() if file.startswith("sop/")),
            transliterated=derived,
        ),
        outdated=outdated,
        pages=_pages(project, language, project.referents, linker),
        training=None if project.training is None else _training(project, localizer, forms),
    )


def localize_forms(project: Project, language: str, forms: Iterable[Form]) -> tuple[FormView, ...]:
    """`forms` alone in `language`, such as the forms a worked case answers, to check its answers."""
    localizer = _localizer(project, language, None)
    return tuple(localizer.form(form) for form in forms)


def _localizer(project: Project, language: str, linker: Linker | None) -> _Localizer:
    plain = Resolver(project.referents, language)
    labels = Labels({label: plain.resolve(text.get(language)) for label, text in project.labels.items()})
    return _Localizer(project, Resolver(project.referents, language, linker), labels)


def _training(project: Project, localizer: _Localizer, project_forms: tuple[FormView, ...]) -> CourseView:
    """The trainer's kit with its own forms and its worked cases, which may fill the project's forms (`project_forms`,
    in the language) or the course's; a case's answers are written without links, as the forms hold them."""
    assert project.training is not None, "called for a project with a trainer's kit"
    course = localize_training(project.training, localizer.resolver)
    forms = tuple(localizer.form(form) for form in project.training.forms)
    by_id = {form.id: form for form in (*project_forms, *forms)}
    plain = Resolver(project.referents, localizer.resolver.language)
    labels = localizer.labels
    cases = tuple(localize_case(case, by_id, labels, localizer.resolver, plain) for case in project.training.cases)
    return replace(course, forms=forms, cases=cases)


def _pages(project: Project, language: str, referents: Referents, linker: Linker | None) -> tuple[PageView, ...]:
    """The site's hand-written pages in `language`, or in the source language where it has none."""
    source = project.settings.source_language
    pages = []
    for name, texts in sorted(project.docs.items()):
        written = language if language in texts else source
        if written in texts:
            text = Resolver(referents, written, linker).resolve(texts[written])
            pages.append(PageView(name, text, translated=written == language))
    return tuple(pages)


class _Localizer:
    def __init__(self, project: Project, resolver: Resolver, labels: Labels) -> None:
        self.project = project
        self.language = resolver.language
        self.resolver = resolver
        self.labels = labels

    def text(self, text: LocalizedText) -> str:
        return self.resolver.resolve(text.get(self.language))

    def optional(self, text: LocalizedText | None) -> str | None:
        return None if text is None else self.text(text)

    def choices(self, source: f.ChoiceSource) -> tuple[Choice, ...]:
        options: tuple[Option, ...] = self.project.choices[source].options if isinstance(source, str) else source
        return tuple(Choice(option.id, self.text(option.label)) for option in options)

    def yes_no(self, question: f.YesNo) -> tuple[Choice, ...]:
        answers = [("yes", LabelId.YES), ("no", LabelId.NO)]
        if question.unknown:
            answers.append(("unknown", LabelId.UNKNOWN))
        return tuple(Choice(answer, self.labels[label]) for answer, label in answers)

    def form(self, form: Form) -> FormView:
        numbers = question_numbers(form)
        status = form.status[self.language]
        instructions = self.optional(form.instructions) or ""
        return FormView(
            id=form.id,
            code=form.code,
            version=form.version,
            version_date=form.version_date,
            status=status.value,
            approved=status is Status.APPROVED,
            title=self.text(form.title),
            purpose=self.text(form.purpose),
            filled_by=self.text(form.filled_by),
            timing=self.text(form.timing),
            instructions=paragraphs(instructions),
            record=form.record,
            agency=self.text(self.project.sop.metadata.approving_body),
            header=tuple(self.question(question, None, {}) for question in self._header_questions(form)),
            sections=tuple(self.section(section, numbers) for section in form.sections),
        )

    def _header_questions(self, form: Form) -> list[f.Question]:
        header = self.project.header
        if form.record == "course":
            return []
        return [q for q in header.questions if form.record == "case" or q.id not in header.case_only]

    def section(self, section: Section, numbers: dict[str, str]) -> SectionView:
        return SectionView(
            id=section.id,
            number=numbers[section.id],
            title=self.text(section.title),
            intro=self.optional(section.intro),
            new_page=section.new_page,
            guidance=self.optional(section.guidance),
            questions=tuple(self.question(q, numbers.get(q.id), numbers) for q in section.questions),
            scored=section.scored,
        )

    def question(self, question: f.Question, number: str | None, numbers: dict[str, str]) -> AnyQuestion:
        if isinstance(question, f.Note):
            return NoteView(question.id, self.text(question.text), self.optional(question.guidance))
        base = QuestionView(
            id=question.id,
            number=number,
            label=self.text(question.label),
            hint=self.optional(question.hint),
            guidance=self.optional(question.guidance),
            required=question.required,
            to_confirm=self.optional(question.to_confirm),
        )
        common = vars(base)
        match question:
            case f.ShortText():
                return TextView(**common, lines=1)
            case f.LongText():
                return TextView(**common, lines=question.lines)
            case f.DateQuestion():
                return DateView(**common)
            case f.NumberQuestion():
                return NumberView(**common, unit=self.optional(question.unit))
            case f.YesNo():
                choices = self.yes_no(question)
                skips = self.skips(question.skip, choices, numbers)
                skip_to = _skip_to(question.skip)
                return ChoiceView(**common, choices=choices, multiple=False, other=False, skips=skips, skip_to=skip_to)
            case f.SingleChoice():
                choices = self.choices(question.choices)
                skips = self.skips(question.skip, choices, numbers)
                other = question.other
                skip_to = _skip_to(question.skip)
                return ChoiceView(
                    **common,
                    choices=choices,
                    multiple=False,
                    other=other,
                    skips=skips,
                    skip_to=skip_to,
                    answer=question.answer,
                )
            case f.MultipleChoice():
                choices = self.choices(question.choices)
                return ChoiceView(**common, choices=choices, multiple=True, other=question.other, skips=())
            case f.Rating():
                items = tuple(Choice(item.id, self.text(item.label)) for item in question.items)
                return RatingView(**common, scale=self.choices(question.scale), items=items, comment=question.comment)
            case f.Table():
                return TableView(**common, columns=tuple(self.column(c) for c in question.columns), rows=question.rows)
            case f.Signature():
                signers = tuple(Choice(signer.id, self.text(signer.label)) for signer in question.signers)
                return SignatureView(**common, signers=signers)
        raise AssertionError(f"no view for question type {type(question).__name__}")

    def column(self, column: f.Column) -> ColumnView:
        choices = self.choices(column.choices) if column.choices is not None else ()
        if column.type == "yes_no":
            choices = (Choice("yes", self.labels[LabelId.YES]), Choice("no", self.labels[LabelId.NO]))
        return ColumnView(column.id, self.text(column.label), column.type, choices, column.width)

    def skips(self, rules: tuple[f.Skip, ...], choices: tuple[Choice, ...], numbers: dict[str, str]) -> tuple[str, ...]:
        answers = {choice.id: choice.label for choice in choices}
        words = []
        for rule in rules:
            target = numbers[rule.go_to]
            label = LabelId.SKIP_TO_QUESTION if "." in target else LabelId.SKIP_TO_SECTION
            words.append(self.labels.format(label, answer=answers[rule.when], target=target))
        return tuple(words)


def _skip_to(rules: tuple[f.Skip, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((rule.when, rule.go_to) for rule in rules)
