"""Loading a project: validate every source read, cross-check them, report every problem at once.

Nothing downstream reads YAML again. A run with problems raises `SourceErrors` holding all of them,
sorted by file and line, and nothing is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, create_model

from generator.errors import Location, Problem, SourceErrors
from generator.i18n.derived import Derivations
from generator.i18n.inventory import inventory
from generator.load.check_cases import AnswersSources, CaseSource, check_answers, check_case
from generator.load.check_forms import check_forms, check_labels, check_statuses, file_id_problems
from generator.load.check_lists import check_list_ids
from generator.load.check_references import check_references
from generator.load.check_scripts import check_scripts
from generator.load.check_sop import check_approvals, check_glossary, check_history, check_structure, check_timeframes
from generator.load.check_terms import check_terms
from generator.load.check_training import check_course, check_modules
from generator.load.check_typed import check_typed
from generator.load.files import (
    CASE_CONTENTS,
    CASES_DIR,
    CHOICES_DIR,
    COURSE_FILE,
    DOCS_DIR,
    FORMS_DIR,
    GLOSSARY_FILE,
    HEADER_FILE,
    LABELS_FILE,
    MODULES_DIR,
    SOP_DIR,
    SOP_FILE,
    STRUCTURE_FILE,
    TIMEFRAMES_FILE,
    TRAINING_FORMS_DIR,
    Sources,
    read_sources,
)
from generator.load.pages import Pages
from generator.load.sop_sections import load_sections
from generator.load.source import SourceDocument
from generator.load.validation import validate
from generator.messages import problem
from generator.model.case import CASE_FILE, Answers, Case, WorkedCase
from generator.model.choices import ChoiceList
from generator.model.form import Form
from generator.model.labels import LabelId
from generator.model.language import ProjectSettings
from generator.model.localize import localize_forms
from generator.model.project import CommonHeader, Project
from generator.model.referents import Referents
from generator.model.sop import Glossary, Sop, SopMetadata, SopStructure
from generator.model.sop_text import SopSection
from generator.model.text import LocalizedText, TextContext
from generator.model.timeframes import Timeframes
from generator.model.training import Course, Module, Training

T = TypeVar("T")
M = TypeVar("M", ChoiceList, Form, Module)
D = TypeVar("D", bound=BaseModel)

LabelCatalogue = create_model(  # type: ignore[call-overload]
    "LabelCatalogue",
    __config__={"frozen": True, "extra": "forbid"},
    **{label.value: (LocalizedText, ...) for label in LabelId},
)
"""`labels.yaml`: one localised text for each label the renderers print, no more, no less."""


def load_project(root: Path) -> Project:
    """Every source under `root`, read and validated; `SourceErrors` lists every problem found."""
    return project_from(read_sources(root))


def project_from(sources: Sources) -> Project:
    """The model of the sources read; `SourceErrors` lists every problem found."""
    settings = sources.settings
    derivations = Derivations.of(settings)
    context = text_context(settings)
    problems = _Problems()
    labels = problems.attempt(lambda: _load_labels(sources, context))
    header = problems.attempt(lambda: _load_document(sources, HEADER_FILE, CommonHeader, context))
    choices = _load_folder(sources, CHOICES_DIR, ChoiceList, context, problems)
    forms = _load_folder(sources, FORMS_DIR, Form, context, problems)
    if not forms and not problems.found:
        problems.found.append(problem("no-forms", Location(f"{FORMS_DIR}/")))
    training_forms = _load_folder(sources, TRAINING_FORMS_DIR, Form, context, problems)
    every_form = [*forms, *training_forms]
    lists = {item.id: item for item, _ in choices}
    problems.found.extend(check_statuses(((form.status, document) for form, document in every_form), settings.codes))
    problems.found.extend(check_forms(every_form, lists))
    if labels is not None:
        problems.found.extend(check_labels(*labels))
    parts = _load_sop(Pages(sources, SOP_DIR, derivations), context, settings.codes, forms, problems)
    sop = parts.sop
    cases = _load_cases(sources, context, every_form, problems)
    case_ids = sorted({name.split("/")[2] for name in sources.in_folder(CASES_DIR)})
    training = _load_training(sources, context, parts.structure, every_form, case_ids, problems)
    timeframes = problems.attempt(lambda: _load_document(sources, TIMEFRAMES_FILE, Timeframes, context))
    if timeframes is not None:
        problems.found.extend(check_timeframes(*timeframes))
    referents = Referents.of(
        labels=labels[0] if labels else None,
        forms=[form for form, _ in forms],
        course_forms=tuple(form for form, _ in training_forms),
        unread_forms=unread_forms(sources, every_form),
        metadata=parts.metadata,
        structure=parts.structure,
        glossary=parts.glossary,
        timeframes=timeframes[0] if timeframes else None,
        sections=parts.sections,
        languages=settings.languages,
    )
    for name, document in sources.documents.items():
        form_wide = name.startswith((f"{FORMS_DIR}/", f"{TRAINING_FORMS_DIR}/"))
        problems.found.extend(check_list_ids(document, form_wide=form_wide))
    entries = problems.attempt(lambda: inventory(sources).entries)
    if entries is not None:
        problems.found.extend(check_references(entries, referents, settings.source_language))
        problems.found.extend(check_typed(entries, referents, settings.source_language))
        problems.found.extend(check_scripts(entries, settings))
        if parts.glossary is not None:
            problems.found.extend(check_terms(entries, parts.glossary, settings.source_language))
    if problems.found or labels is None or header is None or sop is None or timeframes is None:
        raise SourceErrors(problems.found)
    project = Project(
        settings=settings,
        labels=labels[0],
        choices=lists,
        header=header[0],
        forms=tuple(sorted((form for form, _ in forms), key=lambda form: form.code)),
        sop=sop,
        timeframes=timeframes[0],
        docs=_docs(Pages(sources, DOCS_DIR, derivations), settings.codes),
        training=None if training is None else training.model_copy(update=_kit(training_forms, cases)),
    )
    problems.found.extend(_answer_problems(project, cases))
    if problems.found:
        raise SourceErrors(problems.found)
    return project


def glossary_of(sources: Sources) -> Glossary:
    """The glossary alone, for commands that report on terms while other sources may still have problems."""
    return _load_document(sources, GLOSSARY_FILE, Glossary, text_context(sources.settings))[0]


def text_context(settings: ProjectSettings) -> TextContext:
    names = {language.code: language.english_name for language in settings.languages}
    derivations = Derivations.of(settings)
    return TextContext(settings.codes, names, derivations.data, frozenset(derivations.made))


def unread_forms(sources: Sources, forms: list[tuple[Form, SourceDocument]]) -> frozenset[str]:
    """The ids of the forms whose files could not be loaded, taken from their file names."""
    loaded = {document.file for _, document in forms}
    names = [*sources.in_folder(FORMS_DIR), *sources.in_folder(TRAINING_FORMS_DIR)]
    return frozenset(name.rsplit("/", 1)[-1].removesuffix(".yaml") for name in names if name not in loaded)


def _docs(pages: Pages, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for language in languages:
        for name in pages.names(language):
            text = pages.read(language, name)
            if text is not None:
                found.setdefault(name, {})[language] = text
    return found


def _load_sop(
    pages: Pages,
    context: TextContext,
    languages: tuple[str, ...],
    forms: list[tuple[Form, SourceDocument]],
    problems: _Problems,
) -> _SopParts:
    """The SOP's metadata, structure, glossary and prose, checked against each other and the forms."""
    sources = pages.sources
    metadata = problems.attempt(lambda: _load_document(sources, SOP_FILE, SopMetadata, context))
    structure = problems.attempt(lambda: _load_document(sources, STRUCTURE_FILE, SopStructure, context))
    glossary = problems.attempt(lambda: _load_document(sources, GLOSSARY_FILE, Glossary, context))
    terms = frozenset(term.id for term in glossary[0].terms) if glossary is not None else None
    sections = problems.attempt(lambda: load_sections(pages, languages, terms))
    if metadata is not None:
        problems.found.extend(check_history(*metadata))
        problems.found.extend(check_approvals(*metadata, languages))
        problems.found.extend(check_statuses([(metadata[0].status, metadata[1])], languages))
    if glossary is not None:
        problems.found.extend(check_glossary(*glossary, languages))
    if structure is not None:
        problems.found.extend(check_structure(*structure, forms, terms, unread_forms(pages.sources, forms)))
    return _SopParts(
        metadata[0] if metadata else None,
        structure[0] if structure else None,
        glossary[0] if glossary else None,
        sections,
    )


def _load_training(
    sources: Sources,
    context: TextContext,
    structure: SopStructure | None,
    forms: list[tuple[Form, SourceDocument]],
    case_ids: list[str],
    problems: _Problems,
) -> Training | None:
    """The trainer's kit, its modules in the order the course runs them; None in a project without one."""
    if not sources.in_folder(MODULES_DIR) and COURSE_FILE not in (*sources.documents, *sources.problems):
        return None
    modules = _load_folder(sources, MODULES_DIR, Module, context, problems)
    form_ids = sorted({*(form.id for form, _ in forms), *unread_forms(sources, forms)})
    problems.found.extend(check_modules(modules, structure, form_ids, case_ids))
    course = problems.attempt(lambda: _load_document(sources, COURSE_FILE, Course, context))
    if course is None:
        return None
    problems.found.extend(check_course(*course, modules))
    problems.found.extend(check_statuses([(course[0].status, course[1])], sources.settings.codes))
    by_id = {module.id: module for module, _ in modules}
    run = [by_id[module_id] for day in course[0].days for module_id in day.modules if module_id in by_id]
    return Training(course=course[0], modules=tuple(run))


@dataclass(frozen=True)
class _CaseSources:
    """A worked case as loaded: its description and its files of answers, by form id."""

    case: CaseSource
    answers: AnswersSources

    def worked(self) -> WorkedCase:
        return WorkedCase(case=self.case[0], answers={form_id: given for form_id, (given, _) in self.answers.items()})


def _load_cases(
    sources: Sources, context: TextContext, forms: list[tuple[Form, SourceDocument]], problems: _Problems
) -> list[_CaseSources]:
    """Each `training/cases/<id>/`: its `case.yaml`, checked against its files of answers and the forms."""
    form_ids = sorted({*(form.id for form, _ in forms), *unread_forms(sources, forms)})
    folders: dict[str, list[str]] = {}
    for name in sources.in_folder(CASES_DIR):
        folders.setdefault(name.rsplit("/", 1)[0], []).append(name)
    loaded = []
    for folder, names in sorted(folders.items()):
        answers: AnswersSources = {}
        for name in names:
            if not name.endswith(f"/{CASE_FILE}"):
                found = problems.attempt(partial(_load_document, sources, name, Answers, context))
                if found is not None:
                    answers[name.rsplit("/", 1)[-1].removesuffix(".yaml")] = found
        case_name = f"{folder}/{CASE_FILE}"
        if case_name not in names:
            problems.found.append(problem("missing-file", Location(case_name), expected=CASE_CONTENTS))
            continue
        case = problems.attempt(partial(_load_document, sources, case_name, Case, context))
        if case is not None:
            if case[0].id != folder.rsplit("/", 1)[-1]:
                expected = f"{CASES_DIR}/{case[0].id}/"
                problems.found.append(
                    problem("id-mismatch", case[1].locate(("id",)), found=case[0].id, expected=expected)
                )
            problems.found.extend(check_case(case, answers, form_ids))
            loaded.append(_CaseSources(case, answers))
    return loaded


def _kit(forms: list[tuple[Form, SourceDocument]], cases: list[_CaseSources]) -> dict[str, object]:
    """The trainer's kit's own forms, by code, and its worked cases."""
    return {
        "forms": tuple(sorted((form for form, _ in forms), key=lambda form: form.code)),
        "cases": tuple(case.worked() for case in cases),
    }


def _answer_problems(project: Project, cases: list[_CaseSources]) -> list[Problem]:
    """Each answer of a worked case that is not one of its field's, found in the forms in the source language."""
    if not cases:
        return []
    language = project.settings.source_language
    training_forms = project.training.forms if project.training else ()
    views = {view.id: view for view in localize_forms(project, language, (*project.forms, *training_forms))}
    other = project.labels[LabelId.OTHER_SPECIFY].get(language)
    return [found for case in cases for found in check_answers(case.answers, views, other)]


@dataclass(frozen=True)
class _SopParts:
    """What could be loaded of the SOP: references can name the parts that were, while others have problems."""

    metadata: SopMetadata | None
    structure: SopStructure | None
    glossary: Glossary | None
    sections: tuple[SopSection, ...] | None

    @property
    def sop(self) -> Sop | None:
        if self.metadata is None or self.structure is None or self.glossary is None or self.sections is None:
            return None
        return Sop(metadata=self.metadata, structure=self.structure, glossary=self.glossary, sections=self.sections)


class _Problems:
    """Every problem of a run, gathered step by step so that one broken file does not hide the next."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def attempt(self, step: Callable[[], T]) -> T | None:
        try:
            return step()
        except SourceErrors as errors:
            self.found.extend(errors.problems)
            return None


def _load_labels(sources: Sources, context: TextContext) -> tuple[dict[LabelId, LocalizedText], SourceDocument]:
    document = sources.document(LABELS_FILE)
    catalogue = validate(LabelCatalogue, document, context)
    return {label: getattr(catalogue, label.value) for label in LabelId}, document


def _load_folder(
    sources: Sources, folder: str, model: type[M], context: TextContext, problems: _Problems
) -> list[tuple[M, SourceDocument]]:
    """Every `folder/<id>.yaml` as `model`, each named after its id; problems go to `problems`."""
    loaded = []
    for name in sources.in_folder(folder):
        result = problems.attempt(partial(_load_document, sources, name, model, context))
        if result is not None:
            problems.found.extend(file_id_problems(result[0].id, result[1]))
            loaded.append(result)
    return loaded


def _load_document(sources: Sources, name: str, model: type[D], context: TextContext) -> tuple[D, SourceDocument]:
    document = sources.document(name)
    return validate(model, document, context), document
