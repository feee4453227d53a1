"""The structured parts of the SOP: its metadata, roles, case-management steps and referral pathways.

The prose lives beside them in `sop/<lang>/NN-slug.md`; every table and diagram the prose shows is
generated from these models, so a changed timeframe is edited once and appears in every language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, StringConstraints

from generator.model.base import Identifier, Slug, SourceModel
from generator.model.form import Status, Version
from generator.model.sop_text import SopSection
from generator.model.text import LocalizedText

DocumentCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,8}(-[A-Z0-9]{1,8}){1,3}$")]


class Revision(SourceModel):
    """One line of the version history."""

    version: Version = Field(description='The version, such as "1.0" (in quotes).')
    date: dt.date = Field(description="When this version was issued, YYYY-MM-DD.")
    changes: LocalizedText = Field(description="What changed, in a sentence or two.")


class Reference(SourceModel):
    """An act or standard the SOP rests on."""

    id: Identifier = Field(description="Stable id, unique in the list.")
    title: LocalizedText = Field(description="The act or standard as cited, with its articles or paragraphs.")
    to_confirm: LocalizedText | None = Field(
        None, description="What NASP must still confirm; printed as a visible note until it is removed."
    )


class Approval(SourceModel):
    """Who approved one language version of the SOP, by which order, on which date."""

    by: LocalizedText = Field(description="The body or official that approved it.")
    order: str = Field(min_length=1, description="The number of the approving order, such as `No. 15-P`.")
    date: dt.date = Field(description="The date of the order, YYYY-MM-DD.")


class SopMetadata(SourceModel):
    """`sop/sop.yaml`: what the SOP is, which version, who approves it, and what it rests on."""

    code: DocumentCode = Field(description="The document code printed on every page, such as `NASP-SOP-REI`.")
    version: Version = Field(description='The version, such as "1.0" (in quotes).')
    version_date: dt.date = Field(description="The date of this version, YYYY-MM-DD; it dates every output.")
    status: dict[str, Status] = Field(description="Per language: draft, reviewed or approved.")
    approvals: dict[str, Approval] = Field(
        {}, description="Per approved language: who approved it, by which order, on which date."
    )
    effective_date: dt.date | None = Field(None, description="When the SOP takes effect; set once it is approved.")
    title: LocalizedText = Field(description="The full title, as on the title page.")
    short_title: LocalizedText = Field(description="A short title for running headers and navigation.")
    abbreviation: LocalizedText = Field(
        description="How a sentence names the SOP, such as `SOP` or `СОП`; texts cite it as {sop:abbreviation}."
    )
    approving_body: LocalizedText = Field(description="The body that adopts the SOP.")
    approver: LocalizedText = Field(
        description="The position of the official who signs the approval block, such as `Director, {role:nasp}`."
    )
    history: tuple[Revision, ...] = Field(min_length=1, description="Every version, oldest first.")
    legal_basis: tuple[Reference, ...] = Field(min_length=1, description="The acts and standards it rests on.")


class Role(SourceModel):
    """An actor of the procedure and what it answers for."""

    id: Identifier = Field(description="Stable id that steps and pathways name, such as `community_social_worker`.")
    name: LocalizedText = Field(description="The actor, as named in Uzbekistan's institutions.")
    short_name: LocalizedText = Field(description="A name of a few words for tables and the flow diagram.")
    responsibilities: tuple[LocalizedText, ...] = Field(min_length=1, description="What it does, one item each.")
    to_confirm: LocalizedText | None = Field(None, description="What NASP must still confirm about this role.")


class Transition(SourceModel):
    """A way out of a step other than on to the next one, such as a breakdown back to the case conference."""

    to: Identifier = Field(description="The id of the step it leads to.")
    when: LocalizedText = Field(description="The condition, printed on the arrow of the flow diagram.")


class Step(SourceModel):
    """One step of case management: who does what, by when, with which forms."""

    id: Identifier = Field(description="Stable id, such as `assessment`.")
    title: LocalizedText = Field(description="The step's name.")
    summary: LocalizedText = Field(description="What is done in this step.")
    lead: Identifier = Field(description="The id of the role responsible for the step.")
    involved: tuple[Identifier, ...] = Field((), description="The ids of the other roles taking part.")
    timeframe: LocalizedText = Field(description="By when, or how often.")
    to_confirm: LocalizedText | None = Field(None, description="What NASP must still confirm, such as a timeframe.")
    forms: tuple[Slug, ...] = Field((), description="The ids of the forms used in this step.")
    produces: LocalizedText = Field(description="What the step leaves behind: a decision, a signed plan ...")
    terms: tuple[Identifier, ...] = Field((), description="Glossary terms the step relies on.")
    continuous: bool = Field(False, description="Runs beside the steps rather than in their sequence (supervision).")
    transitions: tuple[Transition, ...] = Field((), description="Other ways out of the step.")


class PathwayStage(SourceModel):
    """One hand-over on a referral pathway."""

    role: Identifier = Field(description="The id of the role acting at this stage.")
    action: LocalizedText = Field(description="What it does.")
    timeframe: LocalizedText = Field(description="By when.")


class Pathway(SourceModel):
    """A referral pathway: for this concern, who acts, in which order, by when."""

    id: Identifier = Field(description="Stable id, such as `violence_disclosure`.")
    title: LocalizedText = Field(description="The concern that starts the pathway.")
    stages: tuple[PathwayStage, ...] = Field(min_length=1, description="The hand-overs, in order.")
    forms: tuple[Slug, ...] = Field((), description="The ids of the forms used on the way.")
    to_confirm: LocalizedText | None = Field(None, description="What NASP must still confirm, such as a helpline.")


class DirectoryEntry(SourceModel):
    """A kind of service of the referral directory; each district writes its own provider, contact and hours."""

    id: Identifier = Field(description="Stable id, such as `police_juvenile`.")
    service: LocalizedText = Field(description="The kind of service, as a worker looks it up.")
    eligibility: LocalizedText = Field(description="Who may use it, or what a referral needs.")
    pathways: tuple[Identifier, ...] = Field((), description="The ids of the referral pathways that send people there.")
    to_confirm: LocalizedText | None = Field(None, description="What NASP must still confirm about this service.")


class SopStructure(SourceModel):
    """`sop/structure.yaml`: roles, steps and pathways, from which the SOP's tables and diagrams are made."""

    roles: tuple[Role, ...] = Field(min_length=1, description="Every actor, in the order the roles table lists them.")
    steps: tuple[Step, ...] = Field(min_length=1, description="The case-management steps, in order.")
    pathways: tuple[Pathway, ...] = Field(min_length=1, description="The referral pathways.")
    directory: tuple[DirectoryEntry, ...] = Field(
        (), description="The referral directory's kinds of service, a template each district fills in."
    )


class Term(SourceModel):
    """A glossary entry: the word every form and the SOP use, with a short definition."""

    id: Identifier = Field(description="Stable id, such as `case_conference`.")
    term: LocalizedText = Field(description="The term in each language.")
    definition: LocalizedText = Field(description="A short definition, one or two sentences.")
    to_confirm: LocalizedText | None = Field(None, description="What native speakers or NASP must still confirm.")
    variants: dict[str, tuple[str, ...]] = Field(
        {},
        description="Other forms that count as the term, by language. In English, forms that also call for the "
        "term (`supervisor` for `supervision`); in a translation, renderings accepted beside the glossary's where "
        "grammar needs them. Outside brackets, the term itself is the rendering every text must use.",
    )


class Glossary(SourceModel):
    """`sop/glossary.yaml`: the terms, in the order the glossary lists them."""

    terms: tuple[Term, ...] = Field(min_length=1, description="The terms, in the order the glossary lists them.")


@dataclass(frozen=True)
class Sop:
    """The whole SOP: metadata, structured parts, glossary and prose, validated and cross-checked."""

    metadata: SopMetadata
    structure: SopStructure
    glossary: Glossary
    sections: tuple[SopSection, ...]
