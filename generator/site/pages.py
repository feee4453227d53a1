"""The generated pages of one language's site, as Markdown: forms, the SOP, the glossary, translation status.

Every text from the sources goes through `generator.site.text`, so nothing in a source can inject HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.files import TRAINING_DIR
from generator.model.form import Status
from generator.model.labels import STATUS_LABELS, LabelId, Labels
from generator.model.project import Project
from generator.model.view import AnyQuestion, ChoiceView, FormView, NoteView, ProjectView, QuestionView, TableView
from generator.render.diagrams import Diagram
from generator.site.links import GLOSSARY_PAGE, anchor, form_page_path, sop_page_path
from generator.site.sop_html import section_page_body
from generator.site.text import esc, html_table, html_text, md, md_plain
from generator.site.training_pages import training_pages

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Download:
    """A file a page offers, relative to the language's site root, and its link text."""

    path: str
    label: LabelId


def form_page(form: FormView) -> str:
    return form_page_path(form.code, form.id)


def generated_pages(
    project: Project, view: ProjectView, downloads: dict[str, list[Download]], diagrams: dict[str, tuple[Diagram, ...]]
) -> dict[str, str]:
    """`{page path: Markdown}`; `downloads` lists, per form id and for `sop`, the files offered; `diagrams` are the
    SOP's figures, whose PNG files lie beside its pages."""
    labels = view.labels
    pages = {"forms/index.md": _forms_index(view)}
    for form in view.forms:
        pages[form_page(form)] = _form_page(form, labels, downloads.get(form.id, []))
    form_pages = {form.id: f"../{form_page(form).removesuffix('.md')}.html" for form in view.forms}
    pages["sop/index.md"] = _sop_index(view, downloads.get("sop", []))
    for number, section in enumerate(view.sop.sections, start=1):
        body = section_page_body(section.body, view.sop, labels, form_pages, diagrams)
        notice = _outdated_notice(labels, view.sop.outdated, view.sop.transliterated)
        pages[sop_page_path(section.slug)] = f"# {number}. {md_plain(section.title)}\n\n{notice}{body}"
    pages[GLOSSARY_PAGE] = _glossary(view)
    pages["status.md"] = _status(project, view)
    if view.training is not None:
        notices = _outdated_notice(labels, _training_outdated(view), view.sop.transliterated)
        notices += _draft_notice(labels) if view.training.status != Status.APPROVED else ""

        def offered(key: str) -> str:
            return _downloads(labels, downloads.get(key, []), "../")

        def links(key: str) -> str:
            return _links(labels, downloads.get(key, []), "../")

        pages.update(training_pages(view.training, labels, notices, offered, links))
    return pages


def _training_outdated(view: ProjectView) -> int:
    """How many texts of the trainer's kit are missing or out of date in this language."""
    return sum(1 for text in view.outdated if text.file.startswith(f"{TRAINING_DIR}/"))


def _draft_notice(labels: Labels) -> str:
    return f'!!! warning "{esc(labels[LabelId.DRAFT])}"\n    {md(labels[LabelId.DRAFT_NOTICE])}\n\n'


def _outdated_notice(labels: Labels, count: int, transliterated: bool) -> str:
    """Warnings on a page whose document has texts still to translate or review, or whose language is a
    transliteration; empty when neither."""
    notice = ""
    if count:
        text = md(labels.format(LabelId.OUTDATED_NOTICE, count=str(count)))
        notice += f'!!! danger "{esc(labels[LabelId.TEXTS_TO_REVIEW])}"\n    {text} [→](../status.md)\n\n'
    if transliterated:
        notice += f'!!! warning ""\n    {md(labels[LabelId.TRANSLITERATION_NOTICE])}\n\n'
    return notice


def _links(labels: Labels, files: list[Download], prefix: str) -> str:
    """The files in one line, such as a form's on the course's page."""
    return " · ".join(f"[{md(labels[item.label])}]({prefix}{item.path})" for item in files)


def _downloads(labels: Labels, files: list[Download], prefix: str) -> str:
    if not files:
        return ""
    links = "".join(f"- [{md(labels[item.label])}]({prefix}{item.path})\n" for item in files)
    return f"## {md(labels[LabelId.DOWNLOADS])}\n\n{links}\n"


def _forms_index(view: ProjectView) -> str:
    labels = view.labels
    lines = [f"# {md(labels[LabelId.FORMS])}\n"]
    for form in view.forms:
        link = form_page(form).removeprefix("forms/")
        lines.append(f"- [{md_plain(form.code)} · {md_plain(form.title)}]({link}): {md(form.purpose)}")
    return "\n".join(lines) + "\n"


def _form_page(form: FormView, labels: Labels, files: list[Download]) -> str:
    parts = [
        f"# {md_plain(form.code)} · {md_plain(form.title)}\n",
        _outdated_notice(labels, form.outdated, form.transliterated),
    ]
    if not form.approved:
        parts.append(_draft_notice(labels))
    for label, text in (
        (LabelId.PURPOSE, form.purpose),
        (LabelId.FILLED_BY, form.filled_by),
        (LabelId.TIMING, form.timing),
    ):
        parts.append(f"**{md(labels[label])}:** {md(text)}\n")
    parts.append(f"*{md(labels.format(LabelId.VERSION, version=form.version))} · {form.version_date:%d.%m.%Y}*\n")
    parts.append(_downloads(labels, files, "../"))
    if any(item.label is LabelId.TABLET_FORM for item in files):
        parts.append(f"{md(labels[LabelId.TABLET_NOTE])}\n")
    if form.instructions:
        parts.append(f"## {md(labels[LabelId.INSTRUCTIONS])}\n")
        parts.extend(f"{md(paragraph)}\n" for paragraph in form.instructions)
    parts.append(f"## {md(labels[LabelId.QUESTIONS])}\n")
    for section in form.sections:
        parts.append(f"### {section.number}. {md_plain(section.title)} {{ #{anchor('q', section.id)} }}\n")
        if section.intro:
            parts.append(f"*{md(section.intro)}*\n")
        if section.guidance:
            parts.append(_guidance(labels, section.guidance, indent=""))
        parts.append("".join(_question(question, labels) for question in section.questions))
    return "\n".join(parts)


def _guidance(labels: Labels, text: str, indent: str) -> str:
    return f'{indent}!!! info "{esc(labels[LabelId.GUIDANCE])}"\n{indent}    {md(text)}\n\n'


def _question(question: AnyQuestion, labels: Labels) -> str:
    if isinstance(question, NoteView):
        return f'!!! note ""\n    {md(question.text)}\n\n'
    assert isinstance(question, QuestionView)
    required = f" *({md(labels[LabelId.REQUIRED])})*" if question.required else ""
    lines = [f'- <span id="{anchor("q", question.id)}"></span>**{question.number}** {md(question.label)}{required}']
    if question.hint:
        lines.append(f"    <br>*{md(question.hint)}*")
    if isinstance(question, ChoiceView):
        answers = "; ".join(md(choice.label) for choice in question.choices)
        lines.append(f"    <br>{md(labels[LabelId.ANSWERS])}: {answers}")
        lines.extend(f"    <br>→ {md(skip)}" for skip in question.skips)
    if isinstance(question, TableView):
        lines.append("    <br>" + " · ".join(md(column.label) for column in question.columns))
    text = "\n".join(lines) + "\n"
    if question.guidance:
        text += "\n" + _guidance(labels, question.guidance, indent="    ")
    if question.to_confirm:
        label = esc(labels[LabelId.NASP_TO_CONFIRM])
        text += f'\n    !!! warning "{label}"\n        {md(question.to_confirm)}\n\n'
    return text


def _sop_index(view: ProjectView, files: list[Download]) -> str:
    sop, labels = view.sop, view.labels
    parts = [f"# {md_plain(sop.title)}\n", _outdated_notice(labels, sop.outdated, sop.transliterated)]
    if not sop.approved:
        parts.append(_draft_notice(labels))
    version = labels.format(LabelId.VERSION, version=sop.version)
    parts.append(f"*{md(sop.code)} · {md(version)} · {sop.version_date:%d.%m.%Y}*\n")
    parts.append(_downloads(labels, files, "../"))
    parts.append(f"## {md(labels[LabelId.CONTENTS])}\n")
    for number, section in enumerate(sop.sections, start=1):
        parts.append(f"{number}. [{md_plain(section.title)}]({section.slug}.md)")
    return "\n".join(parts) + "\n"


def _glossary(view: ProjectView) -> str:
    labels = view.labels
    own = view.language
    head = [f'<th lang="{esc(own.code)}">{esc(own.name)}</th>']
    head += [f'<th lang="{esc(code)}">{esc(name)}</th>' for code, name, _ in view.sop.terms[0].elsewhere]
    definition = esc(labels[LabelId.DEFINITION])
    head.append(f"<th>{definition}</th>")
    rows = [
        (
            f'id="{anchor("term", term.id)}"',
            [
                f'<td lang="{esc(own.code)}" data-label="{esc(own.name)}">{esc(term.term)}</td>',
                *(
                    f'<td lang="{esc(code)}" data-label="{esc(name)}">{esc(word)}</td>'
                    for code, name, word in term.elsewhere
                ),
                f'<td data-label="{definition}">{html_text(term.definition, "")}</td>',
            ],
        )
        for term in view.sop.terms
    ]
    return f"# {md(labels[LabelId.GLOSSARY])}\n\n{html_table(head, rows, 'glossary')}\n"


def _status(project: Project, view: ProjectView) -> str:
    labels = view.labels
    languages = project.settings.languages
    head = [f"<th>{esc(labels[LabelId.DOCUMENT])}</th>", *(f"<th>{esc(language.name)}</th>" for language in languages)]
    head.append(f"<th>{esc(labels[LabelId.TEXTS_TO_REVIEW])} ({esc(view.language.name)})</th>")
    documents = [
        (f"{form.code} · {view_form.title}", form.status, view_form.outdated)
        for form, view_form in zip(project.forms, view.forms, strict=True)
    ]
    sop = project.sop.metadata
    documents.append((f"{sop.code} · {view.sop.short_title}", sop.status, view.sop.outdated))
    if project.training is not None and view.training is not None:
        course = project.training.course
        documents.append((f"{course.code} · {view.training.title}", course.status, _training_outdated(view)))
    rows = [
        (
            "",
            [
                f"<td>{esc(name)}</td>",
                *(f"<td>{esc(labels[STATUS_LABELS[status[language.code].value]])}</td>" for language in languages),
                f"<td>{outdated}</td>",
            ],
        )
        for name, status, outdated in documents
    ]
    table = html_table(head, rows)
    return f"# {md(labels[LabelId.TRANSLATION_STATUS])}\n\n{table}\n\n{_outdated_list(view)}"


def _outdated_list(view: ProjectView) -> str:
    """Every text of this language still to translate or review, with its place and its English."""
    if not view.outdated:
        return ""
    labels = view.labels
    states = {"missing": labels[LabelId.TRANSLATION_MISSING], "stale": labels[LabelId.TRANSLATION_STALE]}
    rows = [
        (
            "",
            [
                f"<td><code>{esc(text.place)}</code></td>",
                f"<td>{esc(states[text.state])}</td>",
                f'<td lang="en">{esc(text.english[:300])}</td>',
            ],
        )
        for text in view.outdated
    ]
    head = [f"<th>{esc(labels[label])}</th>" for label in (LabelId.PLACE, LabelId.STATUS, LabelId.ENGLISH)]
    return f"## {md(labels[LabelId.TEXTS_TO_REVIEW])} ({len(view.outdated)})\n\n{html_table(head, rows)}\n"
