"""The project's source files, each read once per run.

`read_sources` reads `oila.yaml`, every YAML source and every page of prose into memory. Loading the
model, the translation state, the checks and the site all start from what it read, so a run never reads
a source twice and every part of it sees the same bytes. A file that cannot be read is kept as its
problems, so that the others are still checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Location, OilaError, Problem, SourceErrors
from generator.i18n.lock import LOCK_FILE
from generator.load.source import (
    MAX_BRACKETS,
    SourceDocument,
    decode_text,
    deep_bracket,
    hidden_character,
    located,
    read_bounded,
    read_source,
)
from generator.load.validation import validate
from generator.messages import problem
from generator.model.language import ProjectSettings
from generator.model.text import TextContext

SETTINGS_FILE = "oila.yaml"
LABELS_FILE = "labels.yaml"
HEADER_FILE = "header.yaml"
CHOICES_DIR = "choices"
FORMS_DIR = "forms"
SOP_DIR = "sop"
DOCS_DIR = "docs"
SOP_FILE = f"{SOP_DIR}/sop.yaml"
STRUCTURE_FILE = f"{SOP_DIR}/structure.yaml"
GLOSSARY_FILE = f"{SOP_DIR}/glossary.yaml"
TIMEFRAMES_FILE = f"{SOP_DIR}/timeframes.yaml"
TRAINING_DIR = "training"
COURSE_FILE = f"{TRAINING_DIR}/course.yaml"
MODULES_DIR = f"{TRAINING_DIR}/modules"
TRAINING_FORMS_DIR = f"{TRAINING_DIR}/forms"
CASES_DIR = f"{TRAINING_DIR}/cases"
"""One folder per worked case: its `case.yaml` and one file of answers per form filled."""

SINGLE_FILES: dict[str, str] = {
    LABELS_FILE: "one entry for each interface label",
    HEADER_FILE: "questions: the case details printed on every form",
    SOP_FILE: "code:, version:, title:, history: ...",
    STRUCTURE_FILE: "roles:, steps: and pathways:",
    GLOSSARY_FILE: "terms:",
    TIMEFRAMES_FILE: "units: and timeframes:",
    COURSE_FILE: "code:, version:, title:, days: and so on",
}
"""Each YAML file of the project, with what it should hold (said when it is empty or missing)."""

FOLDERS: dict[str, str] = {
    CHOICES_DIR: "id:, title: and options:",
    FORMS_DIR: "id:, code:, version:, title:, sections: and so on",
    MODULES_DIR: "id:, title:, duration:, activities: and so on",
    TRAINING_FORMS_DIR: "id:, code:, version:, title:, sections: and so on",
}
"""Each folder of YAML files, one source a file, with what each file should hold."""
CASE_CONTENTS = "id:, title:, summary: and forms: in case.yaml; answers keyed by field tag in the others"

PROSE_FOLDERS = (SOP_DIR, DOCS_DIR)
"""Folders holding one sub-folder of Markdown pages per written language."""
SOURCE_PATTERNS = (
    "*.yaml",
    LOCK_FILE,
    *SINGLE_FILES,
    *(f"{folder}/*.yaml" for folder in FOLDERS),
    f"{CASES_DIR}/*/*.yaml",
    *(f"{folder}/*/*.md" for folder in PROSE_FOLDERS),
)
"""Every file a build reads from the project: its YAML sources, its prose and the translation lock."""
PROJECT_SOURCES = (
    SETTINGS_FILE,
    LABELS_FILE,
    HEADER_FILE,
    LOCK_FILE,
    CHOICES_DIR,
    FORMS_DIR,
    SOP_DIR,
    DOCS_DIR,
    TRAINING_DIR,
)
"""The files and folders that hold a project's sources: what a copy of the project needs to build."""


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


def read_settings(root: Path) -> ProjectSettings:
    """`oila.yaml`: the project's name and languages; nothing else can be checked without them."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        missing = problem("missing-file", Location(SETTINGS_FILE), expected="it should hold name: and languages:")
        raise SourceErrors([missing])
    document = read_source(path, SETTINGS_FILE, "name:, source_language: and languages:")
    return validate(ProjectSettings, document, TextContext((), {}))


@dataclass(frozen=True)
class Sources:
    """Every source of a project as read from disk: YAML documents, pages of prose, and what could not be read."""

    root: Path
    settings: ProjectSettings
    documents: dict[str, SourceDocument]
    """Each YAML source that was read, by its name relative to the root (`forms/referral.yaml`)."""
    pages: dict[tuple[str, str, str], str]
    """`(folder, language, file name)` to the text of each page of prose, for the written languages."""
    problems: dict[str, tuple[Problem, ...]]
    """Each file that could not be read, with why."""

    def in_folder(self, folder: str) -> list[str]:
        """The names of the YAML sources in `folder`, in order, whether or not they could be read."""
        names = {name for name in (*self.documents, *self.problems) if name.startswith(f"{folder}/")}
        return sorted(name for name in names if name.endswith(".yaml"))

    def page_names(self, folder: str, language: str) -> list[str]:
        """The pages of `folder` in `language`, those that could not be read included."""
        read = {name for (where, code, name) in self.pages if where == folder and code == language}
        prefix = f"{folder}/{language}/"
        unread = {name.removeprefix(prefix) for name in self.problems if name.startswith(prefix)}
        return sorted(read | unread)

    def page(self, folder: str, language: str, name: str) -> str | None:
        """The page's text, None if there is no such page; `SourceErrors` if it could not be read."""
        display = f"{folder}/{language}/{name}"
        if display in self.problems:
            raise SourceErrors(self.problems[display])
        return self.pages.get((folder, language, name))

    def document(self, name: str) -> SourceDocument:
        """The YAML source `name`; `SourceErrors` if it is missing or could not be read."""
        if name in self.problems:
            raise SourceErrors(self.problems[name])
        if name not in self.documents:
            expected = SINGLE_FILES.get(name, "")
            raise SourceErrors([problem("missing-file", Location(name), expected=f"it should hold {expected}")])
        return self.documents[name]


def read_page(path: Path, display: str) -> str:
    """A page of prose, within the bounds of every source, holding no invisible character."""
    text = decode_text(read_bounded(path, display), display)
    found = []
    hidden = hidden_character(text)
    if hidden is not None:
        found.append(problem("invisible-character", located(display, text, hidden[0]), character=hidden[1]))
    bracket = deep_bracket(text)
    if bracket is not None:
        found.append(problem("deep-brackets", located(display, text, bracket), limit=MAX_BRACKETS))
    if found:
        raise SourceErrors(found)
    return text


def read_sources(root: Path) -> Sources:
    """Every source of the project at `root`; raises `SourceErrors` only when `oila.yaml` itself is unusable."""
    settings = read_settings(root)
    documents: dict[str, SourceDocument] = {}
    problems: dict[str, tuple[Problem, ...]] = {}
    names = {name: expected for name, expected in SINGLE_FILES.items() if (root / name).is_file()}
    for folder, expected in FOLDERS.items():
        names.update({f"{folder}/{path.name}": expected for path in sorted((root / folder).glob("*.yaml"))})
    for path in sorted((root / CASES_DIR).glob("*/*.yaml")):
        names[path.relative_to(root).as_posix()] = CASE_CONTENTS
    for name, expected in sorted(names.items()):
        try:
            documents[name] = read_source(root / name, name, expected)
        except SourceErrors as errors:
            problems[name] = tuple(errors.problems)
    pages: dict[tuple[str, str, str], str] = {}
    for folder in PROSE_FOLDERS:
        for language in settings.written:
            for path in sorted((root / folder / language).glob("*.md")):
                display = f"{folder}/{language}/{path.name}"
                try:
                    pages[(folder, language, path.name)] = read_page(path, display)
                except SourceErrors as errors:
                    problems[display] = tuple(errors.problems)
    return Sources(root, settings, documents, pages, problems)
