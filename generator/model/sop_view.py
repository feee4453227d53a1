"""The SOP in one language, as its renderers see it: plain strings, roles, forms and steps resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.labels import LabelId, Labels


@dataclass(frozen=True)
class ApprovalView:
    by: str
    order: str
    date: dt.date


@dataclass(frozen=True)
class RevisionView:
    version: str
    date: dt.date
    changes: str


@dataclass(frozen=True)
class ReferenceView:
    title: str
    to_confirm: str | None


@dataclass(frozen=True)
class FormReference:
    """A form as the SOP names it: code, title and version in the document's language."""

    id: str
    code: str
    title: str
    version: str


@dataclass(frozen=True)
class RoleView:
    id: str
    name: str
    short_name: str
    responsibilities: tuple[str, ...]
    to_confirm: str | None


@dataclass(frozen=True)
class TransitionView:
    to: str
    """The id of the step it leads to."""
    to_step: str
    """That step as readers name it: its number, or its title for a step that runs throughout."""
    when: str


@dataclass(frozen=True)
class StepView:
    id: str
    number: str | None
    """`1`, `2`, ... in the order of the steps; None for a step that runs throughout (supervision)."""
    title: str
    summary: str
    lead: str
    """The responsible role's short name, as are those of `involved`."""
    involved: tuple[str, ...]
    timeframe: str
    to_confirm: str | None
    forms: tuple[FormReference, ...]
    produces: str
    transitions: tuple[TransitionView, ...]


@dataclass(frozen=True)
class StageView:
    role: str
    """The acting role's short name."""
    action: str
    timeframe: str


@dataclass(frozen=True)
class PathwayView:
    id: str
    title: str
    stages: tuple[StageView, ...]
    forms: tuple[FormReference, ...]
    to_confirm: str | None


@dataclass(frozen=True)
class DirectoryView:
    id: str
    service: str
    eligibility: str
    pathways: tuple[str, ...]
    """The titles of the pathways that send people there."""
    to_confirm: str | None


@dataclass(frozen=True)
class TermView:
    id: str
    term: str
    definition: str
    to_confirm: str | None
    elsewhere: tuple[tuple[str, str, str], ...]
    """The term in the project's other languages: `(language code, language name, term)`."""


@dataclass(frozen=True)
class TimeframeView:
    id: str
    about: str
    value: str
    """The timeframe in words: `3 working days`, or its schedule."""
    to_confirm: str | None


@dataclass(frozen=True)
class SopSectionView:
    slug: str
    title: str
    body: str
    """Markdown with its references rendered and the placeholders of `generator.model.sop_text` still in it."""


@dataclass(frozen=True)
class SopView:
    code: str
    version: str
    version_date: dt.date
    effective_date: dt.date | None
    status: str
    approval: ApprovalView | None
    """Who approved this language's version; None until it is approved."""
    title: str
    short_title: str
    approving_body: str
    approver: str
    """The position of the official who signs the approval."""
    history: tuple[RevisionView, ...]
    legal_basis: tuple[ReferenceView, ...]
    roles: tuple[RoleView, ...]
    steps: tuple[StepView, ...]
    pathways: tuple[PathwayView, ...]
    directory: tuple[DirectoryView, ...]
    terms: tuple[TermView, ...]
    sections: tuple[SopSectionView, ...]
    forms: tuple[FormReference, ...]
    """Every form of the project, in code order: the forms annex."""
    timeframes: tuple[TimeframeView, ...]
    """Every shared timeframe, in the order of sop/timeframes.yaml."""
    outdated: int = 0
    """How many of the SOP's texts are missing or out of date in this language."""
    transliterated: bool = False
    """The language is made from another by transliteration, not written or reviewed as it is."""

    @property
    def approved(self) -> bool:
        return self.approval is not None


def step_name(step: StepView, labels: Labels) -> str:
    """`3. Assessment`, or `Supervision (throughout)` for a step outside the sequence."""
    return f"{step.number}. {step.title}" if step.number else f"{step.title} ({labels[LabelId.THROUGHOUT].lower()})"


def transition_sentences(step: StepView, labels: Labels) -> list[str]:
    """Each other way out of the step, in words: `If the placement breaks down: go to step 4`."""
    return [labels.format(LabelId.WHEN_TO_RETURN, condition=move.when, step=move.to_step) for move in step.transitions]
