"""The SOP's prose with its generated parts filled in: Pandoc Markdown, one section at a time.

The tables, lists and the flow diagram come from the structured sources through the placeholders of
`generator.model.sop_text`; what NASP must still confirm is printed beside the item it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.model.labels import LabelId, Labels
from generator.model.sop_text import TERMS_FUNCTION
from generator.model.sop_view import FormReference, SopView, step_name, transition_sentences
from generator.render.diagrams import Diagram
from generator.render.grid_table import grid_table
from generator.render.sop_reference import CAPTION_STYLE, FIGURE_STYLE

_TEMPLATES = ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=True, undefined=StrictUndefined)


def section_markdown(body: str, sop: SopView, labels: Labels, diagrams: dict[str, tuple[Diagram, ...]]) -> str:
    """`body` with every placeholder replaced; `diagrams` are the figures, whose PNG files lie beside it."""
    parts = GeneratedParts(sop, labels)
    values: dict[str, object] = {
        "legal_basis": parts.legal_basis(),
        "roles_table": parts.roles_table(),
        "steps_table": parts.steps_table(),
        "flowchart": figures(diagrams["flowchart"]),
        "pathways_table": parts.pathways_table(),
        "pathways_chart": figures(diagrams["pathways_chart"]),
        "forms_list": parts.forms_list(),
        "timeframes_table": parts.timeframes_table(),
        "glossary": parts.glossary(),
        TERMS_FUNCTION: parts.terms,
    }
    return _TEMPLATES.from_string(body).render(values)


def figures(diagrams: tuple[Diagram, ...]) -> str:
    """Each diagram at the width it prints at, its words as the image's alternative text, and its caption."""
    return "\n".join(
        f'::: {{custom-style="{FIGURE_STYLE}"}}\n'
        f"![{_escaped(diagram.description)}]({diagram.png_name}){{width={diagram.printed_width_mm:.1f}mm}}\n:::\n\n"
        f'::: {{custom-style="{CAPTION_STYLE}"}}\n{_escaped(diagram.caption)}\n:::\n'
        for diagram in diagrams
    )


def _escaped(text: str) -> str:
    """`text` as Markdown that means just the text: every ASCII punctuation mark backslash-escaped."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


class GeneratedParts:
    """Each generated part of the SOP as Markdown, in the view's language."""

    def __init__(self, sop: SopView, labels: Labels) -> None:
        self.sop = sop
        self.labels = labels

    def confirm(self, note: str | None) -> str:
        """What NASP must still confirm, as an italic line; empty when nothing is open."""
        return f"*{self.labels[LabelId.NASP_TO_CONFIRM]}: {note}*" if note else ""

    def legal_basis(self) -> str:
        items = []
        for reference in self.sop.legal_basis:
            note = self.confirm(reference.to_confirm)
            items.append(f"- {reference.title}" + (f"\\\n  {note}" if note else ""))
        return "\n".join(items) + "\n"

    def roles_table(self) -> str:
        rows = []
        for role in self.sop.roles:
            duties = "\n".join(f"- {duty}" for duty in role.responsibilities)
            rows.append([f"**{role.name}**", _paragraphs(duties, self.confirm(role.to_confirm))])
        headers = [self.labels[LabelId.ROLE], self.labels[LabelId.RESPONSIBILITIES]]
        return grid_table(headers, rows, (24, 66))

    def steps_table(self) -> str:
        rows = [
            [
                _paragraphs(
                    f"**{step_name(step, self.labels)}**",
                    step.summary,
                    f"{self.labels[LabelId.RESULT]}: {step.produces}",
                    *(f"*{sentence}*" for sentence in transition_sentences(step, self.labels)),
                ),
                _paragraphs(f"**{step.lead}**", ", ".join(step.involved)),
                _paragraphs(step.timeframe, self.confirm(step.to_confirm)),
                _form_codes(step.forms),
            ]
            for step in self.sop.steps
        ]
        labels = self.labels
        headers = [labels[LabelId.STEP], labels[LabelId.RESPONSIBLE], labels[LabelId.TIMEFRAME], labels[LabelId.FORMS]]
        return grid_table(headers, rows, (44, 16, 26, 8))

    def pathways_table(self) -> str:
        rows = []
        for pathway in self.sop.pathways:
            stages = "\n".join(
                f"{number}. **{stage.role}**: {stage.action} — *{stage.timeframe}*"
                for number, stage in enumerate(pathway.stages, start=1)
            )
            rows.append(
                [
                    _paragraphs(f"**{pathway.title}**", self.confirm(pathway.to_confirm)),
                    stages,
                    _form_codes(pathway.forms),
                ]
            )
        labels = self.labels
        headers = [labels[LabelId.PATHWAY], labels[LabelId.ACTION], labels[LabelId.FORMS]]
        return grid_table(headers, rows, (24, 56, 10))

    def forms_list(self) -> str:
        rows = [[form.code, form.title, form.version] for form in self.sop.forms]
        headers = [self.labels[LabelId.CODE], self.labels[LabelId.FORM], self.labels[LabelId.VERSION_COLUMN]]
        return grid_table(headers, rows, (8, 70, 8))

    def timeframes_table(self) -> str:
        rows = [
            [item.about, _paragraphs(f"**{item.value}**", self.confirm(item.to_confirm))]
            for item in self.sop.timeframes
        ]
        labels = self.labels
        return grid_table([labels[LabelId.APPLIES_TO], labels[LabelId.TIMEFRAME]], rows, (50, 40))

    def glossary(self) -> str:
        rows = []
        for term in self.sop.terms:
            elsewhere = "\\\n".join(f"*{language}: {word}*" for _, language, word in term.elsewhere)
            definition = _paragraphs(term.definition, self.confirm(term.to_confirm))
            rows.append([_paragraphs(f"**{term.term}**", elsewhere), definition])
        return grid_table([self.labels[LabelId.TERM], self.labels[LabelId.DEFINITION]], rows, (28, 62))

    @property
    def terms(self) -> Callable[..., str]:
        """`terms("id", ...)` in the prose: the named terms and their definitions, as a definition list."""
        by_id = {term.id: term for term in self.sop.terms}

        def listed(*ids: str) -> str:
            entries = []
            for term_id in ids:
                term = by_id[term_id]
                note = self.confirm(term.to_confirm)
                entries.append(f"**{term.term}**\n\n:   {term.definition}" + (f"\n\n    {note}" if note else ""))
            return "\n\n".join(entries) + "\n"

        return listed


def _form_codes(forms: tuple[FormReference, ...]) -> str:
    """One code a line: a narrow column would otherwise break `F-11` at its hyphen."""
    return "\\\n".join(form.code for form in forms)


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)
