"""Checks across the SOP's sources and the forms: every role, step, form and term a source names exists,
every form is used by some step, ids are unique, and the version history ends at the current version."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.errors import Problem
from generator.load.source import Path_, SourceDocument
from generator.messages import problem, quoted_list
from generator.model.form import Form, Status
from generator.model.sop import Glossary, SopMetadata, SopStructure
from generator.model.timeframes import Timeframes


def check_history(metadata: SopMetadata, document: SourceDocument) -> Iterator[Problem]:
    last = metadata.history[-1]
    if last.version != metadata.version:
        where = document.locate(("history", len(metadata.history) - 1, "version"))
        yield problem("history-version", where, found=last.version, expected=metadata.version)


def check_glossary(glossary: Glossary, document: SourceDocument, languages: tuple[str, ...]) -> Iterator[Problem]:
    """Variants only in the project's languages."""
    for index, term in enumerate(glossary.terms):
        for language in term.variants:
            if language not in languages:
                where = document.locate(("terms", index, "variants", language))
                yield problem("unknown-language", where, lang=language, allowed=", ".join(languages))


def check_structure(
    structure: SopStructure,
    document: SourceDocument,
    forms: list[tuple[Form, SourceDocument]],
    terms: frozenset[str] | None,
    unread_forms: frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """References from steps and pathways to roles, steps, forms and terms; forms no step uses. A form in
    `unread_forms` (its file has problems of its own) is taken to exist."""
    roles = [role.id for role in structure.roles]
    steps = [step.id for step in structure.steps]
    form_ids = sorted({*(form.id for form, _ in forms), *unread_forms})
    for index, step in enumerate(structure.steps):
        path: Path_ = ("steps", index)
        yield from known([((*path, "lead"), step.lead)], roles, "unknown-role", document)
        yield from known(numbered((*path, "involved"), step.involved), roles, "unknown-role", document)
        yield from known(numbered((*path, "forms"), step.forms), form_ids, "unknown-form", document)
        targets = (((*path, "transitions", i, "to"), move.to) for i, move in enumerate(step.transitions))
        yield from known(targets, steps, "unknown-step", document)
        if terms is not None:
            for term_path, term in numbered((*path, "terms"), step.terms):
                if term not in terms:
                    yield problem("unknown-term", document.locate(term_path), found=term)
    for index, pathway in enumerate(structure.pathways):
        path = ("pathways", index)
        stages = (((*path, "stages", i, "role"), stage.role) for i, stage in enumerate(pathway.stages))
        yield from known(stages, roles, "unknown-role", document)
        yield from known(numbered((*path, "forms"), pathway.forms), form_ids, "unknown-form", document)
    pathways = [pathway.id for pathway in structure.pathways]
    for index, entry in enumerate(structure.directory):
        yield from known(
            numbered(("directory", index, "pathways"), entry.pathways), pathways, "unknown-pathway", document
        )
    used = {form_id for step in structure.steps for form_id in step.forms}
    for form, form_document in forms:
        if form.id not in used:
            yield problem("unused-form", form_document.locate(("id",)), found=form.id)


def numbered(path: Path_, values: Iterable[str]) -> Iterator[tuple[Path_, str]]:
    """Each of `values` with its path: the list's `path` and its index."""
    for index, value in enumerate(values):
        yield (*path, index), value


def known(
    references: Iterable[tuple[Path_, str]], ids: list[str], code: str, document: SourceDocument
) -> Iterator[Problem]:
    """A problem `code` at each reference to none of `ids`."""
    for path, value in references:
        if value not in ids:
            yield problem(code, document.locate(path), found=value, allowed=quoted_list(ids))


def check_approvals(metadata: SopMetadata, document: SourceDocument, languages: tuple[str, ...]) -> Iterator[Problem]:
    """A language is `approved` exactly when its approval (who, which order, when) is recorded."""
    for language in languages:
        approved = metadata.status.get(language) is Status.APPROVED
        if approved and language not in metadata.approvals:
            yield problem("missing-approval", document.locate(("status", language)), lang=language)
        if not approved and language in metadata.approvals:
            yield problem("approval-not-approved", document.locate(("approvals", language)), lang=language)
    for language in metadata.approvals:
        if language not in languages:
            where = document.locate(("approvals", language))
            yield problem("unknown-language", where, lang=language, allowed=", ".join(languages))


def check_timeframes(timeframes: Timeframes, document: SourceDocument) -> Iterator[Problem]:
    """Every timeframe counted in a unit that exists."""
    units = [unit.id for unit in timeframes.units]
    counted = ((("timeframes", i, "unit"), item.unit) for i, item in enumerate(timeframes.timeframes) if item.unit)
    yield from known(counted, units, "unknown-unit", document)
