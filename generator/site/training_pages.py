"""The site's pages of the trainer's kit: the course, day by day, with its forms and worked cases, and a page per
module with its session plan.

Every text from the sources goes through `generator.site.text`, so nothing in a source can inject HTML.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model.labels import LabelId, Labels
from generator.model.training_view import CaseView, CourseView, ModuleView, clock, method_label
from generator.model.view import FormView
from generator.site.text import esc, html_table, html_text, md, md_plain

TRAINING = "training"
"""The key of the kit's downloads among a site's downloads."""
TRAINING_INDEX = f"{TRAINING}/index.md"


def module_page_path(module: ModuleView) -> str:
    return f"training/{module.number:02}-{module.id}.md"


def module_downloads(module: ModuleView) -> str:
    """The key of a module's downloads (its slides) among a site's downloads."""
    return f"{TRAINING}/{module.id}"


def course_form_downloads(form: FormView) -> str:
    """The key of the files of one of the course's forms among a site's downloads."""
    return f"{TRAINING}/forms/{form.id}"


def case_form_downloads(case: CaseView, form: FormView) -> str:
    """The key of a worked case's filled form among a site's downloads."""
    return f"{TRAINING}/cases/{case.id}/{form.id}"


def training_pages(
    course: CourseView,
    labels: Labels,
    notices: str,
    downloads: Callable[[str], str],
    links: Callable[[str], str],
) -> dict[str, str]:
    """`{page path: Markdown}` of the course and its modules; `notices` head every page (draft, outdated), and each
    page offers its `downloads(key)` (`TRAINING` for the course's guides, `module_downloads` for a module's); the
    course's page lists its forms and worked cases, each with its files' `links(key)` in a line."""
    course_page = _course_page(course, labels, notices) + downloads(TRAINING) + _kit_forms(course, labels, links)
    pages = {TRAINING_INDEX: course_page}
    for module in course.modules:
        pages[module_page_path(module)] = _module_page(module, labels, notices, downloads(module_downloads(module)))
    return pages


def _course_page(course: CourseView, labels: Labels, notices: str) -> str:
    version = labels.format(LabelId.VERSION, version=course.version)
    parts = [
        f"# {md_plain(course.title)}\n",
        notices,
        f"*{md(course.code)} · {md(version)} · {course.version_date:%d.%m.%Y}*\n",
        f"**{md(labels[LabelId.PURPOSE])}:** {md(course.purpose)}\n",
        f"**{md(labels[LabelId.PARTICIPANTS])}:** {md(course.participants)}\n",
    ]
    for day in range(1, course.days + 1):
        parts.append(f"## {md(labels.format(LabelId.DAY, day=str(day)))}\n")
        for module in (module for module in course.modules if module.day == day):
            name = md(labels.format(LabelId.MODULE, number=str(module.number)))
            link = module_page_path(module).removeprefix("training/")
            minutes = md(labels.format(LabelId.MINUTES, minutes=str(module.duration)))
            parts.append(f"- [{name}. {md_plain(module.title)}]({link}) · {minutes}")
        parts.append("")
    return "\n".join(parts)


def _kit_forms(course: CourseView, labels: Labels, links: Callable[[str], str]) -> str:
    """The course's forms and its worked cases, each case with its story and its filled forms."""
    parts = []
    if course.forms:
        parts.append(f"## {md(labels[LabelId.COURSE_FORMS])}\n")
        parts.extend(_form_line(form, links(course_form_downloads(form))) for form in course.forms)
        parts.append("")
    if course.cases:
        parts.append(f"## {md(labels[LabelId.WORKED_CASES])}\n")
    for case in course.cases:
        parts.append(f"### {md_plain(case.title)}\n")
        parts.extend(f"{md(paragraph)}\n" for paragraph in case.summary)
        parts.append(f"*{md(labels[LabelId.WORKED_CASE_FORMS])}:*\n")
        parts.extend(_form_line(filled.form, links(case_form_downloads(case, filled.form))) for filled in case.forms)
        parts.append("")
    return "\n".join(parts)


def _form_line(form: FormView, links: str) -> str:
    return f"- **{md_plain(form.code)} · {md_plain(form.title)}**" + (f": {links}" if links else "")


def _module_page(module: ModuleView, labels: Labels, notices: str, downloads: str) -> str:
    name = md_plain(labels.format(LabelId.MODULE, number=str(module.number)))
    minutes = md(labels.format(LabelId.MINUTES, minutes=str(module.duration)))
    day = md(labels.format(LabelId.DAY, day=str(module.day)))
    parts = [
        f"# {name}. {md_plain(module.title)}\n",
        notices,
        f"**{md(labels[LabelId.DURATION])}:** {minutes} · {day}\n",
        f"**{md(labels[LabelId.AUDIENCE])}:** {'; '.join(md(role) for role in module.audience)}\n",
    ]
    if module.steps:
        parts.append(f"**{md(labels[LabelId.STEPS_TAUGHT])}:** {'; '.join(md(step) for step in module.steps)}\n")
    parts.append(downloads)
    for label, items in ((LabelId.OBJECTIVES, module.objectives), (LabelId.MATERIALS, module.materials)):
        parts.append(f"## {md(labels[label])}\n")
        parts.append("".join(f"- {md(item)}\n" for item in items))
    parts.append(f"## {md(labels[LabelId.SESSION_PLAN])}\n")
    parts.append(_session_plan(module, labels) + "\n")
    parts.append(f"## {md(labels[LabelId.KEY_MESSAGES])}\n")
    parts.append("".join(f"{number}. {md(item)}\n" for number, item in enumerate(module.key_messages, start=1)))
    if module.exercises:
        parts.append(f"## {md(labels[LabelId.EXERCISES])}\n")
    for exercise in module.exercises:
        parts.append(f"### {md_plain(exercise.title)}\n")
        parts.append(f"{md(exercise.task)}\n")
        if exercise.forms:
            parts.append(f"*{md(labels[LabelId.FORMS_USED])}:* {'; '.join(md(form) for form in exercise.forms)}\n")
        if exercise.cases:
            parts.append(f"*{md(labels[LabelId.CASES_USED])}:* {'; '.join(md(case) for case in exercise.cases)}\n")
        parts.append(f'!!! info "{esc(labels[LabelId.FOR_FACILITATOR])}"\n    {md(exercise.debrief)}\n')
    return "\n".join(parts)


def _session_plan(module: ModuleView, labels: Labels) -> str:
    head = [f"<th>{esc(labels[label])}</th>" for label in (LabelId.TIME, LabelId.METHOD, LabelId.ACTIVITY)]
    rows = [
        (
            "",
            [
                f"<td>{clock(activity.start)}–{clock(activity.start + activity.minutes)}</td>",
                f"<td>{esc(labels[method_label(activity.method)])}</td>",
                f"<td><strong>{esc(activity.title)}</strong><br>\n{html_text(activity.instructions, '../')}</td>",
            ],
        )
        for activity in module.activities
    ]
    return html_table(head, rows, "session-plan")
