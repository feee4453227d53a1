"""The SOP's prose: one Markdown file per section and language, with placeholders for generated parts.

`sop/<lang>/NN-slug.md` starts with its `# Title`; the body may hold the placeholders below, which the
SOP renderers fill from the structured sources, and `{{ terms("id", ...) }}`, which lists the chosen
glossary entries with their definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

PLACEHOLDERS: Final[dict[str, str]] = {
    "legal_basis": "the acts and standards of sop/sop.yaml, with what NASP must confirm",
    "roles_table": "the roles and responsibilities table",
    "roles_summary": "each role in one line: its first responsibility",
    "steps_table": "the steps, timeframes and forms table",
    "steps_summary": "the steps in one short table: who leads, by when, with which forms",
    "flowchart": "the flow diagram of the case-management steps",
    "pathways_table": "the referral pathways",
    "pathways_chart": "the diagram of the referral pathways",
    "forms_list": "the forms with their codes and versions",
    "timeframes_table": "every shared timeframe of sop/timeframes.yaml, with what NASP must confirm",
    "glossary": "every glossary term with its definition",
    "referral_directory": "the referral directory: each kind of service, with room for the district to write its "
    "provider, contact and hours",
}
"""Every `{{ name }}` the prose may use, with what it becomes."""

TERMS_FUNCTION: Final = "terms"
"""`{{ terms("reintegration", "gatekeeping") }}`: the definitions of the named glossary terms."""


@dataclass(frozen=True)
class SectionText:
    """One section in one language."""

    title: str
    body: str
    """Markdown after the title line, with placeholders still in it."""


@dataclass(frozen=True)
class SopSection:
    """One numbered section of the SOP, in every language."""

    slug: str
    """The file name without `.md`, such as `07-steps`; the same in every language."""
    texts: dict[str, SectionText]
    placeholders: frozenset[str]
    """The placeholders the section uses, the same in every language."""
    terms: tuple[str, ...]
    """The glossary terms it lists with `terms(...)`, in order."""
