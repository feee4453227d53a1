"""The SOP's prose with its generated parts filled in: Pandoc Markdown, one section at a time.

The tables, lists and the flow diagram come from the structured sources through the placeholders of
`generator.model.sop_text`; what NASP must still confirm goes to `ReviewNotes`, which makes it a comment on
the item it concerns in the review edition and leaves it out of the clean one.
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import StrictUndefined, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.model.labels import LabelId, Labels
from generator.model.sop_text import TERMS_FUNCTION
from generator.model.sop_view import FormReference, SopView, StepView, step_name, transition_sentences
from generator.render.diagrams import Diagram
from generator.render.grid_table import grid_table
from generator.render.markdown_text import literal
from generator.render.review_notes import ReviewNotes
from generator.render.sop_reference import CAPTION_STYLE, DEFINITION_STYLE, FIGURE_STYLE, TERM_STYLE

DIRECTORY_COLUMNS = (
    LabelId.DIRECTORY_SERVICE,
    LabelId.DIRECTORY_PROVIDER,
    LabelId.DIRECTORY_DISTRICT,
    LabelId.DIRECTORY_CONTACT,
    LabelId.DIRECTORY_HOURS,
    LabelId.DIRECTORY_ELIGIBILITY,
)
"""The columns of the referral directory, in the SOP and on the site."""
_TEMPLATES = ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=True, undefined=StrictUndefined)


def section_markdown(
    body: str, sop: SopView, labels: Labels, diagrams: dict[str, tuple[Diagram, ...]], notes: ReviewNotes
) -> str:
    """`body` with every placeholder replaced; `diagrams` are the figures, whose PNG files lie beside it, and
    `notes` takes what NASP must confirm of each part the body shows, in reading order."""
    parts = GeneratedParts(sop, labels, notes)
    makers: dict[str, Callable[[], str]] = {
        "legal_basis": parts.legal_basis,
        "roles_table": parts.roles_table,
        "roles_summary": parts.roles_summary,
        "steps_table": parts.steps_table,
        "steps_summary": parts.steps_summary,
        "flowchart": lambda: figures(diagrams["flowchart"]),
        "pathways_table": parts.pathways_table,
        "pathways_chart": lambda: figures(diagrams["pathways_chart"]),
        "forms_list": parts.forms_list,
        "timeframes_table": parts.timeframes_table,
        "glossary": parts.glossary,
        "referral_directory": parts.referral_directory,
    }
    template = _TEMPLATES.parse(body)
    used = sorted(meta.find_undeclared_variables(template) & makers.keys(), key=body.find)
    values: dict[str, object] = {name: makers[name]() for name in used}
    values[TERMS_FUNCTION] = parts.terms
    return _TEMPLATES.from_string(template).render(values)


def styled(style: str, *lines: str) -> str:
    """`lines` as one paragraph in the Word style `style`, each after a line break."""
    body = "\\\n".join(lines)
    return f'::: {{custom-style="{style}"}}\n{body}\n:::\n'


def figures(diagrams: tuple[Diagram, ...]) -> str:
    """Each diagram at the width it prints at, its words as the image's alternative text, and its caption."""
    images = [
        f"![{literal(diagram.description)}]({diagram.png_name}){{width={diagram.printed_width_mm:.1f}mm}}"
        for diagram in diagrams
    ]
    return "\n".join(
        f"{styled(FIGURE_STYLE, image)}\n{styled(CAPTION_STYLE, literal(diagram.caption))}"
        for image, diagram in zip(images, diagrams, strict=True)
    )


class GeneratedParts:
    """Each generated part of the SOP as Markdown, in the view's language."""

    def __init__(self, sop: SopView, labels: Labels, notes: ReviewNotes) -> None:
        self.sop = sop
        self.labels = labels
        self.notes = notes

    def legal_basis(self) -> str:
        noted = self.notes.noted
        return "".join(f"- {noted(item.title, item.title, item.to_confirm)}\n" for item in self.sop.legal_basis)

    def roles_table(self) -> str:
        rows = []
        for role in self.sop.roles:
            duties = "\n".join(f"- {duty}" for duty in role.responsibilities)
            rows.append([self.notes.noted(f"**{role.name}**", role.name, role.to_confirm), duties])
        headers = [self.labels[LabelId.ROLE], self.labels[LabelId.RESPONSIBILITIES]]
        return grid_table(headers, rows, (24, 66))

    def roles_summary(self) -> str:
        rows = [[f"**{role.name}**", role.responsibilities[0]] for role in self.sop.roles]
        return grid_table([self.labels[LabelId.ROLE], self.labels[LabelId.RESPONSIBILITIES]], rows, (30, 60))

    def steps_summary(self) -> str:
        """The steps for the SOP's body: name, lead, timeframe and forms, without the detail of the annex."""
        return self._steps(lambda step: f"**{step_name(step, self.labels)}**", lambda step: step.lead, (28, 14, 42, 6))

    def steps_table(self) -> str:
        def described(step: StepView) -> str:
            return _paragraphs(
                f"**{step_name(step, self.labels)}**",
                step.summary,
                f"{self.labels[LabelId.RESULT]}: {step.produces}",
                *(f"*{sentence}*" for sentence in transition_sentences(step, self.labels)),
            )

        def team(step: StepView) -> str:
            return _paragraphs(f"**{step.lead}**", ", ".join(step.involved))

        return self._steps(described, team, (44, 16, 26, 8))

    def _steps(self, name: Callable[[StepView], str], lead: Callable[[StepView], str], widths: tuple[int, ...]) -> str:
        rows = [
            [
                name(step),
                lead(step),
                self.notes.noted(step.timeframe, step_name(step, self.labels), step.to_confirm),
                _form_codes(step.forms),
            ]
            for step in self.sop.steps
        ]
        labels = self.labels
        headers = [labels[LabelId.STEP], labels[LabelId.RESPONSIBLE], labels[LabelId.TIMEFRAME], labels[LabelId.FORMS]]
        return grid_table(headers, rows, widths)

    def pathways_table(self) -> str:
        rows = []
        for pathway in self.sop.pathways:
            stages = "\n".join(
                f"{number}. **{stage.role}**: {stage.action} — *{stage.timeframe}*"
                for number, stage in enumerate(pathway.stages, start=1)
            )
            rows.append(
                [
                    self.notes.noted(f"**{pathway.title}**", pathway.title, pathway.to_confirm),
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
            [item.about, self.notes.noted(f"**{item.value}**", item.about, item.to_confirm)]
            for item in self.sop.timeframes
        ]
        labels = self.labels
        return grid_table([labels[LabelId.APPLIES_TO], labels[LabelId.TIMEFRAME]], rows, (50, 40))

    def glossary(self) -> str:
        rows = []
        for term in self.sop.terms:
            elsewhere = "\\\n".join(f"*{language}: {word}*" for _, language, word in term.elsewhere)
            name = self.notes.noted(f"**{term.term}**", term.term, term.to_confirm)
            rows.append([_paragraphs(name, elsewhere), term.definition])
        return grid_table([self.labels[LabelId.TERM], self.labels[LabelId.DEFINITION]], rows, (28, 62))

    def referral_directory(self) -> str:
        """The kinds of service, with empty cells each district fills in by hand or in its copy."""
        rows = [
            [
                f"**{entry.service}**",
                "",
                "",
                "",
                "",
                _paragraphs(entry.eligibility, *(f"*{t}*" for t in entry.pathways)),
            ]
            for entry in self.sop.directory
        ]
        return grid_table([self.labels[label] for label in DIRECTORY_COLUMNS], rows, (24, 16, 10, 18, 10, 22))

    @property
    def terms(self) -> Callable[..., str]:
        """`terms("id", ...)` in the prose: the named terms and their definitions, each in the style of a
        definition list's."""
        by_id = {term.id: term for term in self.sop.terms}

        def listed(*ids: str) -> str:
            entries = []
            for term_id in ids:
                term = by_id[term_id]
                name = self.notes.noted(f"**{term.term}**", term.term, term.to_confirm)
                entries.append(f"{styled(TERM_STYLE, name)}\n{styled(DEFINITION_STYLE, term.definition)}")
            return "\n\n".join(entries) + "\n"

        return listed


def _form_codes(forms: tuple[FormReference, ...]) -> str:
    """One code a line: a narrow column would otherwise break `F-11` at its hyphen."""
    return "\\\n".join(form.code for form in forms)


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)
