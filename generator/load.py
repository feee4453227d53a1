"""Loading a project: read every source once, validate it, cross-check it, report every problem at once.

Nothing downstream reads YAML again. A run with problems raises `SourceErrors` holding all of them,
sorted by file and line, and nothing is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, create_model

from generator.crossref import check_forms, check_labels, check_statuses, file_id_problems
from generator.crossref_sop import check_approvals, check_glossary, check_history, check_structure
from generator.errors import Location, OilaError, Problem, SourceErrors
from generator.i18n.derived import Derivations, Pages
from generator.load_sop import SOP_DIR, load_sections
from generator.messages import problem
from generator.model.choices import ChoiceList
from generator.model.form import Form
from generator.model.labels import LabelId
from generator.model.language import ProjectSettings
from generator.model.project import CommonHeader, Project
from generator.model.sop import Glossary, Sop, SopMetadata, SopStructure
from generator.model.text import LocalizedText, TextContext
from generator.source import SourceDocument, read_source
from generator.validation import validate

SETTINGS_FILE = "oila.yaml"
LABELS_FILE = "labels.yaml"
HEADER_FILE = "header.yaml"
HEADER_EXPECTED = "questions: the case details printed on every form"
CHOICES_DIR = "choices"
FORMS_DIR = "forms"

T = TypeVar("T")
M = TypeVar("M", ChoiceList, Form)
D = TypeVar("D", bound=BaseModel)
SOP_FILE = f"{SOP_DIR}/sop.yaml"
STRUCTURE_FILE = f"{SOP_DIR}/structure.yaml"
GLOSSARY_FILE = f"{SOP_DIR}/glossary.yaml"

LabelCatalogue = create_model(  # type: ignore[call-overload]
    "LabelCatalogue",
    __config__={"frozen": True, "extra": "forbid"},
    **{label.value: (LocalizedText, ...) for label in LabelId},
)
"""`labels.yaml`: one localised text for each label the renderers print, no more, no less."""


class NotAProject(OilaError):
    """The folder has no `oila.yaml`."""


def find_project(start: Path) -> Path:
    """`start` itself if it holds `oila.yaml`; Oila works on the project in the current folder, like mkdocs."""
    if (start / SETTINGS_FILE).is_file():
        return start
    raise NotAProject(
        f"{start}: not an Oila project ({SETTINGS_FILE} is missing); run oila in the project's folder "
        "or name it with --project DIR"
    )


def load_project(root: Path) -> Project:
    """Every source under `root`, validated; `SourceErrors` lists every problem found."""
    settings = read_settings(root)
    names = {language.code: language.english_name for language in settings.languages}
    derivations = Derivations.of(settings)
    context = TextContext(settings.codes, names, derivations.data, frozenset(derivations.made))
    problems = _Problems()
    labels = problems.attempt(lambda: _load_labels(root, context))
    header = problems.attempt(lambda: _load_document(root, HEADER_FILE, HEADER_EXPECTED, CommonHeader, context))
    choices = _load_folder(root, CHOICES_DIR, "id:, title: and options:", ChoiceList, context, problems)
    forms = _load_folder(root, FORMS_DIR, "id:, code:, version:, title:, sections: and so on", Form, context, problems)
    if not forms and not problems.found:
        problems.found.append(problem("no-forms", Location(f"{FORMS_DIR}/")))
    lists = {item.id: item for item, _ in choices}
    problems.found.extend(check_statuses(((form.status, document) for form, document in forms), settings.codes))
    problems.found.extend(check_forms(forms, lists))
    if labels is not None:
        problems.found.extend(check_labels(*labels))
    sop = _load_sop(Pages(root, SOP_DIR, derivations), context, settings.codes, forms, problems)
    if problems.found or labels is None or header is None or sop is None:
        raise SourceErrors(problems.found)
    return Project(
        settings=settings,
        labels=labels[0],
        choices=lists,
        header=header[0],
        forms=tuple(sorted((form for form, _ in forms), key=lambda form: form.code)),
        sop=sop,
    )


def _load_sop(
    pages: Pages,
    context: TextContext,
    languages: tuple[str, ...],
    forms: list[tuple[Form, SourceDocument]],
    problems: _Problems,
) -> Sop | None:
    """The SOP's metadata, structure, glossary and prose, checked against each other and the forms."""
    root = pages.root
    metadata = problems.attempt(
        lambda: _load_document(root, SOP_FILE, "code:, version:, title:, history: ...", SopMetadata, context)
    )
    structure = problems.attempt(
        lambda: _load_document(root, STRUCTURE_FILE, "roles:, steps: and pathways:", SopStructure, context)
    )
    glossary = problems.attempt(lambda: _load_document(root, GLOSSARY_FILE, "terms:", Glossary, context))
    terms = frozenset(term.id for term in glossary[0].terms) if glossary is not None else None
    sections = problems.attempt(lambda: load_sections(pages, languages, terms))
    if metadata is not None:
        problems.found.extend(check_history(*metadata))
        problems.found.extend(check_approvals(*metadata, languages))
        problems.found.extend(check_statuses([(metadata[0].status, metadata[1])], languages))
    if glossary is not None:
        problems.found.extend(check_glossary(*glossary))
    if structure is not None:
        problems.found.extend(check_structure(*structure, forms, terms))
    if metadata is None or structure is None or glossary is None or sections is None:
        return None
    return Sop(metadata=metadata[0], structure=structure[0], glossary=glossary[0], sections=sections)


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


def read_settings(root: Path) -> ProjectSettings:
    """`oila.yaml`: the project's name and languages; nothing else can be checked without them."""
    document = _read(root, SETTINGS_FILE, "name:, source_language: and languages:")
    return validate(ProjectSettings, document, TextContext((), {}))


def _read(root: Path, name: str, expected: str) -> SourceDocument:
    path = root / name
    if not path.is_file():
        raise SourceErrors([problem("missing-file", Location(name), expected=f"it should hold {expected}")])
    return read_source(path, name, expected)


def _load_labels(root: Path, context: TextContext) -> tuple[dict[LabelId, LocalizedText], SourceDocument]:
    document = _read(root, LABELS_FILE, "one entry for each interface label")
    catalogue = validate(LabelCatalogue, document, context)
    return {label: getattr(catalogue, label.value) for label in LabelId}, document


def _load_folder(
    root: Path, folder: str, expected: str, model: type[M], context: TextContext, problems: _Problems
) -> list[tuple[M, SourceDocument]]:
    """Every `folder/<id>.yaml` as `model`, each named after its id; problems go to `problems`."""
    loaded = []
    for path in sorted((root / folder).glob("*.yaml")):
        result = problems.attempt(partial(_load_file, path, f"{folder}/{path.name}", expected, model, context))
        if result is not None:
            problems.found.extend(file_id_problems(result[0].id, result[1]))
            loaded.append(result)
    return loaded


def _load_file(
    path: Path, display: str, expected: str, model: type[M], context: TextContext
) -> tuple[M, SourceDocument]:
    document = read_source(path, display, expected)
    return validate(model, document, context), document


def _load_document(
    root: Path, name: str, expected: str, model: type[D], context: TextContext
) -> tuple[D, SourceDocument]:
    document = _read(root, name, expected)
    return validate(model, document, context), document
