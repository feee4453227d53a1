"""The SOP's generated parts on the site: the same tables and diagrams as the Word document, as HTML.

Python-Markdown has no grid tables, so the parts are HTML blocks; every source text in them is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.model.labels import LabelId, Labels
from generator.model.sop_text import TERMS_FUNCTION
from generator.model.sop_view import FormReference, SopView, step_name, transition_sentences
from generator.render.diagrams import Diagram
from generator.render.sop_markdown import DIRECTORY_COLUMNS
from generator.site.links import anchor
from generator.site.text import esc, html_table, html_text, prose

_TEMPLATES = ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=True, undefined=StrictUndefined)


def section_page_body(
    body: str, sop: SopView, labels: Labels, form_pages: dict[str, str], diagrams: dict[str, tuple[Diagram, ...]]
) -> str:
    """The section's prose with its placeholders filled; `form_pages` maps form ids to their pages, and `diagrams`
    are the figures beside the page."""
    parts = SiteParts(sop, labels, form_pages)
    values: dict[str, object] = {
        "legal_basis": parts.legal_basis(),
        "roles_table": parts.roles_table(),
        "roles_summary": parts.roles_summary(),
        "steps_table": parts.steps_table(),
        "steps_summary": parts.steps_summary(),
        "flowchart": figures(diagrams["flowchart"]),
        "pathways_table": parts.pathways_table(),
        "pathways_chart": figures(diagrams["pathways_chart"]),
        "forms_list": parts.forms_list(),
        "timeframes_table": parts.timeframes_table(),
        "glossary": parts.glossary(),
        "referral_directory": parts.referral_directory(),
        TERMS_FUNCTION: parts.terms,
    }
    return _TEMPLATES.from_string(prose(body)).render(values)


def figures(diagrams: tuple[Diagram, ...]) -> str:
    """Each diagram with its words as the alternative text; a tap or click opens it at full size."""
    return "".join(
        f'\n<figure class="oila-figure"><a href="{esc(diagram.png_name)}" title="{esc(diagram.caption)}">'
        f'<img src="{esc(diagram.png_name)}" alt="{esc(diagram.description)}"></a>'
        f"<figcaption>{esc(diagram.caption)}</figcaption></figure>\n\n"
        for diagram in diagrams
    )


_BASE = "../"
"""From an SOP page (`sop/<slug>.md`) to the docs root."""


def _html(text: str) -> str:
    """A source text in a cell of an SOP page, its references as links."""
    return html_text(text, _BASE)


def _table(headers: Iterable[str], rows: Iterable[tuple[str, Iterable[str]]]) -> str:
    """An HTML table; headers are escaped here, cells arrive as HTML already; each row has its id."""
    head = [f"<th>{esc(header)}</th>" for header in headers]
    cells = ((f'id="{esc(row_id)}"', [f"<td>{cell}</td>" for cell in row]) for row_id, row in rows)
    return f"\n{html_table(head, cells)}\n\n"


def _items(texts: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{text}</li>" for text in texts) + f"</{tag}>"


class SiteParts:
    """Each generated part of the SOP as HTML, in the view's language."""

    def __init__(self, sop: SopView, labels: Labels, form_pages: dict[str, str]) -> None:
        self.sop = sop
        self.labels = labels
        self.form_pages = form_pages

    def confirm(self, note: str | None) -> str:
        label = esc(self.labels[LabelId.NASP_TO_CONFIRM])
        return f'<p class="oila-confirm"><em>{label}: {_html(note)}</em></p>' if note else ""

    def forms(self, forms: tuple[FormReference, ...]) -> str:
        links = [
            f'<a href="{self.form_pages[form.id]}" title="{esc(form.title)}">{esc(form.code)}</a>' for form in forms
        ]
        return "<br>".join(links)

    def legal_basis(self) -> str:
        return (
            "\n"
            + _items(f"{_html(item.title)}{self.confirm(item.to_confirm)}" for item in self.sop.legal_basis)
            + "\n\n"
        )

    def roles_table(self) -> str:
        rows = [
            (
                anchor("role", role.id),
                [
                    f"<strong>{_html(role.name)}</strong>",
                    _items(map(_html, role.responsibilities)) + self.confirm(role.to_confirm),
                ],
            )
            for role in self.sop.roles
        ]
        return _table([self.labels[LabelId.ROLE], self.labels[LabelId.RESPONSIBILITIES]], rows)

    def roles_summary(self) -> str:
        rows = [
            (anchor("brief", role.id), [f"<strong>{_html(role.name)}</strong>", _html(role.responsibilities[0])])
            for role in self.sop.roles
        ]
        return _table([self.labels[LabelId.ROLE], self.labels[LabelId.RESPONSIBILITIES]], rows)

    def steps_summary(self) -> str:
        rows = [
            (
                anchor("brief", step.id),
                [
                    f"<strong>{esc(step_name(step, self.labels))}</strong>",
                    esc(step.lead),
                    f"{_html(step.timeframe)}{self.confirm(step.to_confirm)}",
                    self.forms(step.forms),
                ],
            )
            for step in self.sop.steps
        ]
        labels = self.labels
        headers = [labels[LabelId.STEP], labels[LabelId.RESPONSIBLE], labels[LabelId.TIMEFRAME], labels[LabelId.FORMS]]
        return _table(headers, rows)

    def steps_table(self) -> str:
        rows = []
        for step in self.sop.steps:
            moves = "".join(
                f"<p><em>{_html(sentence)}</em></p>" for sentence in transition_sentences(step, self.labels)
            )
            result = f"<p>{esc(self.labels[LabelId.RESULT])}: {_html(step.produces)}</p>"
            name = f"<strong>{esc(step_name(step, self.labels))}</strong>"
            rows.append(
                (
                    anchor("step", step.id),
                    [
                        f"{name}<p>{_html(step.summary)}</p>{result}{moves}",
                        f"<strong>{esc(step.lead)}</strong><p>{esc(', '.join(step.involved))}</p>",
                        f"{_html(step.timeframe)}{self.confirm(step.to_confirm)}",
                        self.forms(step.forms),
                    ],
                )
            )
        labels = self.labels
        headers = [labels[LabelId.STEP], labels[LabelId.RESPONSIBLE], labels[LabelId.TIMEFRAME], labels[LabelId.FORMS]]
        return _table(headers, rows)

    def pathways_table(self) -> str:
        rows = []
        for pathway in self.sop.pathways:
            stages = (
                f"<strong>{esc(stage.role)}</strong>: {_html(stage.action)} — <em>{_html(stage.timeframe)}</em>"
                for stage in pathway.stages
            )
            cells = [
                f"<strong>{_html(pathway.title)}</strong>{self.confirm(pathway.to_confirm)}",
                _items(stages, "ol"),
                self.forms(pathway.forms),
            ]
            rows.append((anchor("pathway", pathway.id), cells))
        labels = self.labels
        return _table([labels[LabelId.PATHWAY], labels[LabelId.ACTION], labels[LabelId.FORMS]], rows)

    def referral_directory(self) -> str:
        rows = [
            (
                anchor("service", entry.id),
                [
                    f"<strong>{_html(entry.service)}</strong>",
                    "",
                    "",
                    "",
                    "",
                    f"{_html(entry.eligibility)}"
                    + "".join(f"<p><em>{esc(title)}</em></p>" for title in entry.pathways),
                ],
            )
            for entry in self.sop.directory
        ]
        return _table([self.labels[label] for label in DIRECTORY_COLUMNS], rows)

    def forms_list(self) -> str:
        rows = [
            (f"form-{form.id}", [self.forms((form,)), esc(form.title), esc(form.version)]) for form in self.sop.forms
        ]
        labels = self.labels
        return _table([labels[LabelId.CODE], labels[LabelId.FORM], labels[LabelId.VERSION_COLUMN]], rows)

    def timeframes_table(self) -> str:
        rows = [
            (
                anchor("timeframe", item.id),
                [_html(item.about), f"<strong>{_html(item.value)}</strong>{self.confirm(item.to_confirm)}"],
            )
            for item in self.sop.timeframes
        ]
        return _table([self.labels[LabelId.APPLIES_TO], self.labels[LabelId.TIMEFRAME]], rows)

    def glossary(self) -> str:
        rows = [
            (
                f"glossary-{term.id}",
                [
                    f"<strong>{esc(term.term)}</strong>"
                    + "".join(f"<br><em>{esc(name)}: {esc(word)}</em>" for _, name, word in term.elsewhere),
                    _html(term.definition) + self.confirm(term.to_confirm),
                ],
            )
            for term in self.sop.terms
        ]
        return _table([self.labels[LabelId.TERM], self.labels[LabelId.DEFINITION]], rows)

    @property
    def terms(self) -> Callable[..., str]:
        by_id = {term.id: term for term in self.sop.terms}

        def listed(*ids: str) -> str:
            entries = "".join(
                f"<dt>{esc(by_id[term].term)}</dt>"
                f"<dd>{_html(by_id[term].definition)}{self.confirm(by_id[term].to_confirm)}</dd>"
                for term in ids
            )
            return f"\n<dl>{entries}</dl>\n\n"

        return listed
