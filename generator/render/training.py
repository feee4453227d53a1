"""The trainer's kit as Word documents, through pandoc and styled like the SOP: the facilitator's guide (every
module's session plan, timed, with the instructions, and the answers to each exercise; the worked cases with the
mistakes to find; the knowledge test's key) and the participant's handbook (the objectives, key messages,
exercises and the cases' stories, without what only the facilitator needs). The slides and the kit's forms are
made beside them (`generator.render.slides`, `generator.render.course_forms`)."""

from __future__ import annotations

from enum import StrEnum

import docx
import pypandoc

from generator.model.labels import STATUS_LABELS, LabelId, Labels
from generator.model.training_view import CourseView, ModuleView, clock, method_label
from generator.model.view import FormView, LanguageView, ProjectView
from generator.render import Drawings, PlannedFile, wordml
from generator.render.course_forms import course_form_files
from generator.render.grid_table import grid_table
from generator.render.markdown_text import literal
from generator.render.page import set_fixed_properties
from generator.render.slides import slide_decks
from generator.render.sop import PAGE_BREAK, contents, finished, run_pandoc
from generator.render.sop_markdown import styled
from generator.render.sop_reference import AGENCY_STYLE, DRAFT_STYLE, RunningHeader, reference_docx
from generator.scratch import scratch_folder


class Reader(StrEnum):
    """Who a document of the kit is for."""

    FACILITATOR = "facilitator"
    PARTICIPANT = "participant"


TITLES = {Reader.FACILITATOR: LabelId.FACILITATOR_GUIDE, Reader.PARTICIPANT: LabelId.PARTICIPANT_HANDBOOK}


def training_path(language: str, course: CourseView, reader: Reader) -> str:
    return f"training/{language}/{course.code}-v{course.version}-{reader.value}.docx"


def training_documents(project: ProjectView, diagrams: Drawings) -> list[PlannedFile]:
    """The facilitator's guide, the participant's handbook, a slide deck for each module, the course's forms and the
    worked cases' filled forms, in a project with a trainer's kit."""
    course = project.training
    if course is None:
        return []
    agency = project.sop.approving_body
    guides = [
        PlannedFile(
            training_path(project.language.code, course, reader),
            training_document,
            (course, project.language, project.labels, agency, reader),
            "training",
            course.version,
            course.version_date,
        )
        for reader in Reader
    ]
    return [*guides, *slide_decks(project), *course_form_files(project, course)]


def training_document(course: CourseView, language: LanguageView, labels: Labels, agency: str, reader: Reader) -> bytes:
    title = labels[TITLES[reader]]
    header = RunningHeader(course.code, title, course.version, course.version_date, course.status == "approved")
    pandoc = pypandoc.get_pandoc_path()
    with scratch_folder("training") as work:
        reference = reference_docx(pandoc, header, language, labels)
        markdown = document_markdown(course, labels, agency, reader)
        made = run_pandoc(pandoc, work, markdown, reference, language.locale, course.version_date, f"the {title}")
        document = docx.Document(str(made))
    wordml.remember_styles(document)
    set_fixed_properties(
        document,
        title=f"{course.code} {title}",
        subject=course.title,
        identifier=f"{course.code}@{course.version}-{reader.value}",
        version=course.version,
        status=course.status,
        locale=language.locale,
        comments="" if course.status == "approved" else labels[LabelId.DRAFT_NOTICE],
        version_date=course.version_date,
        author=agency,
    )
    return finished(document)


def document_markdown(course: CourseView, labels: Labels, agency: str, reader: Reader) -> str:
    """The whole document as Pandoc Markdown: title page, contents, the course's schedule, each module, the worked
    cases and, for the facilitator, the knowledge test's key."""
    front = [_title_page(course, labels, agency, reader), PAGE_BREAK, contents(labels[LabelId.CONTENTS]), PAGE_BREAK]
    modules = [_module(module, labels, reader) for module in course.modules]
    cases = [_worked_cases(course, labels, reader)] if course.cases else []
    keys = [_test_key(form, labels) for form in course.forms if form.key()] if reader is Reader.FACILITATOR else []
    return "\n".join([*front, _schedule(course, labels), *modules, *cases, *keys])


def _title_page(course: CourseView, labels: Labels, agency: str, reader: Reader) -> str:
    facts = [
        (labels[LabelId.DOCUMENT_CODE], course.code),
        (labels[LabelId.VERSION_COLUMN], course.version),
        (labels[LabelId.VERSION_DATE], f"{course.version_date:%d.%m.%Y}"),
        (labels[LabelId.STATUS], labels[STATUS_LABELS[course.status]]),
    ]
    table = "| | |\n|:--|:--|\n" + "".join(f"| **{literal(name)}** | {literal(value)} |\n" for name, value in facts)
    parts = [
        styled(AGENCY_STYLE, literal(agency)),
        styled("Title", literal(course.title)),
        styled("Subtitle", literal(labels[TITLES[reader]])),
        table,
    ]
    if course.status != "approved":
        parts.append(styled(DRAFT_STYLE, literal(f"{labels[LabelId.DRAFT]}. {labels[LabelId.DRAFT_NOTICE]}")))
    return "\n".join(parts)


def _schedule(course: CourseView, labels: Labels) -> str:
    parts = [
        f"# {literal(labels[LabelId.TRAINING])} {{-}}\n",
        f"**{literal(labels[LabelId.PURPOSE])}:** {literal(course.purpose)}\n",
        f"**{literal(labels[LabelId.PARTICIPANTS])}:** {literal(course.participants)}\n",
    ]
    headers = [labels[LabelId.DAY_COLUMN], labels[LabelId.MODULES], labels[LabelId.DURATION]]
    rows = [
        [
            literal(labels.format(LabelId.DAY, day=str(module.day))),
            literal(f"{labels.format(LabelId.MODULE, number=str(module.number))}. {module.title}"),
            literal(labels.format(LabelId.MINUTES, minutes=str(module.duration))),
        ]
        for module in course.modules
    ]
    parts.append(grid_table([literal(header) for header in headers], rows, (10, 64, 16)))
    return "\n".join(parts)


def _module(module: ModuleView, labels: Labels, reader: Reader) -> str:
    name = labels.format(LabelId.MODULE, number=str(module.number))
    minutes = labels.format(LabelId.MINUTES, minutes=str(module.duration))
    day = labels.format(LabelId.DAY, day=str(module.day))
    parts = [
        PAGE_BREAK,
        f"# {literal(name)}. {literal(module.title)} {{-}}\n",
        f"**{literal(labels[LabelId.DURATION])}:** {literal(minutes)} · {literal(day)}\n",
        f"**{literal(labels[LabelId.AUDIENCE])}:** {literal('; '.join(module.audience))}\n",
    ]
    if module.steps:
        parts.append(f"**{literal(labels[LabelId.STEPS_TAUGHT])}:** {literal('; '.join(module.steps))}\n")
    parts.append(_list(labels[LabelId.OBJECTIVES], module.objectives, "-"))
    if reader is Reader.FACILITATOR:
        parts.append(_list(labels[LabelId.MATERIALS], module.materials, "-"))
        parts.append(_session_plan(module, labels))
    parts.append(_list(labels[LabelId.KEY_MESSAGES], module.key_messages, "1."))
    if module.exercises:
        parts.append(f"## {literal(labels[LabelId.EXERCISES])} {{-}}\n")
    for exercise in module.exercises:
        parts.append(f"### {literal(exercise.title)} {{-}}\n\n{literal(exercise.task)}\n")
        if exercise.forms:
            parts.append(f"*{literal(labels[LabelId.FORMS_USED])}:* {literal('; '.join(exercise.forms))}\n")
        if exercise.cases:
            parts.append(f"*{literal(labels[LabelId.CASES_USED])}:* {literal('; '.join(exercise.cases))}\n")
        if reader is Reader.FACILITATOR:
            facilitator = f"**{literal(labels[LabelId.FOR_FACILITATOR])}:** {literal(exercise.debrief)}"
            parts.append(f"> {facilitator}\n")
    return "\n".join(parts)


def _worked_cases(course: CourseView, labels: Labels, reader: Reader) -> str:
    """Each case's story and the forms it comes with; for the facilitator, the mistakes to find and why."""
    parts = [PAGE_BREAK, f"# {literal(labels[LabelId.WORKED_CASES])} {{-}}\n"]
    for case in course.cases:
        parts.append(f"## {literal(case.title)} {{-}}\n")
        parts.extend(f"{literal(paragraph)}\n" for paragraph in case.summary)
        forms = "; ".join(f"{filled.form.code} {filled.form.title}" for filled in case.forms)
        parts.append(f"*{literal(labels[LabelId.WORKED_CASE_FORMS])}:* {literal(forms)}\n")
        if reader is Reader.FACILITATOR and case.mistakes:
            parts.append(f"### {literal(labels[LabelId.MISTAKES_TO_FIND])} {{-}}\n")
            headers = [LabelId.FORM, LabelId.QUESTIONS, LabelId.ANSWER_GIVEN, LabelId.WHAT_IS_WRONG]
            rows = [
                [
                    literal(mistake.form),
                    literal(mistake.question),
                    literal(mistake.answer),
                    literal(mistake.explanation),
                ]
                for mistake in case.mistakes
            ]
            parts.append(grid_table([literal(labels[header]) for header in headers], rows, (8, 24, 18, 40)))
    return "\n".join(parts)


def _test_key(form: FormView, labels: Labels) -> str:
    """The right answer to each question of a knowledge test, by its number."""
    rows = []
    for question in form.scored_questions():
        right = next(choice for choice in question.choices if choice.id == question.answer)
        rows.append([literal(question.number or ""), literal(question.label), literal(f"{right.id}) {right.label}")])
    headers = [literal(labels[label]) for label in (LabelId.ROW_NUMBER, LabelId.QUESTIONS, LabelId.RIGHT_ANSWER)]
    title = f"{labels[LabelId.KNOWLEDGE_TEST_KEY]}: {form.code} {form.title}"
    return f"{PAGE_BREAK}\n# {literal(title)} {{-}}\n\n{grid_table(headers, rows, (8, 52, 30))}"


def _list(title: str, items: tuple[str, ...], marker: str) -> str:
    return f"## {literal(title)} {{-}}\n\n" + "".join(f"{marker} {literal(item)}\n" for item in items)


def _session_plan(module: ModuleView, labels: Labels) -> str:
    headers = [literal(labels[label]) for label in (LabelId.TIME, LabelId.METHOD, LabelId.ACTIVITY)]
    rows = [
        [
            f"{clock(activity.start)}–{clock(activity.start + activity.minutes)}",
            literal(labels[method_label(activity.method)]),
            f"**{literal(activity.title)}**\n\n{literal(activity.instructions)}",
        ]
        for activity in module.activities
    ]
    return f"## {literal(labels[LabelId.SESSION_PLAN])} {{-}}\n\n{grid_table(headers, rows, (10, 14, 66))}"
