"""The SOP in one language: every reference to a role, form or step resolved to its words."""

from __future__ import annotations

from generator.model.form import Form
from generator.model.language import ProjectSettings
from generator.model.resolve import Resolver
from generator.model.sop import Sop
from generator.model.sop_view import (
    ApprovalView,
    DirectoryView,
    FormReference,
    PathwayView,
    ReferenceView,
    RevisionView,
    RoleView,
    SopSectionView,
    SopView,
    StageView,
    StepView,
    TermView,
    TimeframeView,
    TransitionView,
)
from generator.model.text import LocalizedText
from generator.model.timeframes import Timeframes


def localize_sop(
    sop: Sop, forms: tuple[Form, ...], timeframes: Timeframes, settings: ProjectSettings, resolver: Resolver
) -> SopView:
    language = resolver.language

    def text(value: LocalizedText) -> str:
        return resolver.resolve(value.get(language))

    def optional(value: LocalizedText | None) -> str | None:
        return None if value is None else text(value)

    references = {form.id: FormReference(form.id, form.code, text(form.title), form.version) for form in forms}
    roles = {role.id: heading(text(role.short_name)) for role in sop.structure.roles}
    metadata = sop.metadata
    pathway_titles = {pathway.id: text(pathway.title) for pathway in sop.structure.pathways}
    approval = metadata.approvals.get(language)
    steps = resolver.referents.steps or {}
    step_numbers = {step.id: steps[step.id].number for step in sop.structure.steps}
    readers_names = {step.id: step_numbers[step.id] or text(step.title) for step in sop.structure.steps}
    others = [other for other in settings.languages if other.code != language]
    elsewhere = {other.code: Resolver(resolver.referents, other.code) for other in others}
    return SopView(
        code=metadata.code,
        version=metadata.version,
        version_date=metadata.version_date,
        effective_date=metadata.effective_date,
        status=metadata.status[language].value,
        approval=None if approval is None else ApprovalView(text(approval.by), approval.order, approval.date),
        title=text(metadata.title),
        short_title=text(metadata.short_title),
        approving_body=text(metadata.approving_body),
        approver=text(metadata.approver),
        history=tuple(RevisionView(item.version, item.date, text(item.changes)) for item in metadata.history),
        legal_basis=tuple(ReferenceView(text(item.title), optional(item.to_confirm)) for item in metadata.legal_basis),
        roles=tuple(
            RoleView(
                role.id,
                heading(text(role.name)),
                heading(text(role.short_name)),
                tuple(map(text, role.responsibilities)),
                optional(role.to_confirm),
            )
            for role in sop.structure.roles
        ),
        steps=tuple(
            StepView(
                id=step.id,
                number=step_numbers[step.id],
                title=text(step.title),
                summary=text(step.summary),
                lead=roles[step.lead],
                involved=tuple(roles[role] for role in step.involved),
                timeframe=text(step.timeframe),
                to_confirm=optional(step.to_confirm),
                forms=tuple(references[form] for form in step.forms),
                produces=text(step.produces),
                transitions=tuple(
                    TransitionView(move.to, readers_names[move.to], text(move.when)) for move in step.transitions
                ),
            )
            for step in sop.structure.steps
        ),
        pathways=tuple(
            PathwayView(
                id=pathway.id,
                title=text(pathway.title),
                stages=tuple(
                    StageView(roles[stage.role], text(stage.action), text(stage.timeframe)) for stage in pathway.stages
                ),
                forms=tuple(references[form] for form in pathway.forms),
                to_confirm=optional(pathway.to_confirm),
            )
            for pathway in sop.structure.pathways
        ),
        directory=tuple(
            DirectoryView(
                entry.id,
                text(entry.service),
                text(entry.eligibility),
                tuple(pathway_titles[pathway] for pathway in entry.pathways),
                optional(entry.to_confirm),
            )
            for entry in sop.structure.directory
        ),
        terms=tuple(
            TermView(
                term.id,
                text(term.term),
                text(term.definition),
                optional(term.to_confirm),
                tuple(
                    (other.code, other.name, elsewhere[other.code].resolve(term.term.get(other.code)))
                    for other in others
                ),
            )
            for term in sop.glossary.terms
        ),
        sections=tuple(
            SopSectionView(
                section.slug,
                resolver.resolve(section.texts[language].title),
                resolver.resolve(section.texts[language].body),
            )
            for section in sop.sections
        ),
        timeframes=tuple(
            TimeframeView(
                item.id, text(item.about), resolver.resolve(f"{{timeframe:{item.id}}}"), optional(item.to_confirm)
            )
            for item in timeframes.timeframes
        ),
        forms=tuple(references[form.id] for form in forms),
    )


def heading(name: str) -> str:
    """A role's name as it heads a row or labels a box: its first letter in capitals. The sources write names as
    they stand inside a sentence (районный сектор, district sector), which references render."""
    return name[:1].upper() + name[1:]
