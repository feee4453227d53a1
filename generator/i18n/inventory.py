"""Every translatable string of the project, where it stands, its English source and its translations.

Taken from the sources as read (`generator.load.files`), not from the validated model, so that a project
with missing translations (which `oila check` refuses) can still be measured and exported for translators.
A string is a localised mapping in a YAML source (`label: {en: ..., ru: ..., uz: ...}`) or a whole page of
prose: an SOP section or a site page, whose English file is the source of the same file in every other
language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.errors import PathPart, SourceErrors
from generator.load.files import CHOICES_DIR, COURSE_FILE, PROSE_FOLDERS, SOP_DIR, SOP_FILE, TRAINING_DIR, Sources
from generator.load.source import SourceDocument
from generator.model.form import REVIEW_STATUSES


@dataclass(frozen=True)
class Entry:
    """One translatable string."""

    key: str
    """Stable name of the place: `forms/x.yaml#sections.identity.questions.sex.label`, or `sop/*/03-roles.md`."""
    file: str
    """The file holding it in the source language."""
    line: int
    path: tuple[PathPart, ...]
    """Within a YAML file, the path to the localised mapping; empty for a page of prose."""
    source: str
    translations: dict[str, str]
    """Language code to text; a language without a translation is absent."""
    lines: dict[str, int]
    """Language code to the line its text starts on, in `file_in(language)`."""
    columns: dict[str, int] = field(default_factory=dict)
    """Language code to the column its key stands in, for a string in a YAML file."""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.source)

    def file_in(self, language: str) -> str:
        """The file that holds this string's text in `language`."""
        return self.file.replace("/*/", f"/{language}/") if not self.path else self.file

    @property
    def document(self) -> str:
        """What the status table counts it under: its file, with prose and choice lists grouped by folder."""
        if not self.path:
            return self.file.rsplit("/", 1)[0] + "/*.md"
        return f"{CHOICES_DIR}/*.yaml" if self.file.startswith(f"{CHOICES_DIR}/") else self.file


def fingerprint(text: str) -> str:
    """Twelve hex digits that change whenever the text does."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


STATUS_FOR_FOLDER = {SOP_DIR: SOP_FILE, TRAINING_DIR: COURSE_FILE}
"""The file whose review status stands for every file of its folder: the SOP's for its structure, glossary and
prose, the course's for its modules."""


@dataclass(frozen=True)
class Inventory:
    entries: tuple[Entry, ...]
    review: dict[str, dict[str, str]]
    """Document to its review status in each language, where it states one: each form, the SOP and the course,
    and the files their status stands for (`STATUS_FOR_FOLDER`)."""


def inventory(sources: Sources) -> Inventory:
    """Every translatable string of the sources; raises `SourceErrors` for YAML that could not be read."""
    settings = sources.settings
    languages = settings.written
    unreadable = [item for name, found in sources.problems.items() if name.endswith(".yaml") for item in found]
    if unreadable:
        raise SourceErrors(unreadable)
    entries: list[Entry] = []
    review: dict[str, dict[str, str]] = {}
    for name, document in sorted(sources.documents.items()):
        entries.extend(yaml_entries(document, languages, settings.source_language))
        status = document.data.get("status")
        if isinstance(status, dict) and set(status.values()) <= REVIEW_STATUSES:
            review[name] = {str(code): str(value) for code, value in status.items()}
    for folder in PROSE_FOLDERS:
        entries.extend(_prose_entries(sources, folder, languages, settings.source_language))
    for folder, main_file in STATUS_FOR_FOLDER.items():
        status = review.get(main_file)
        for entry in entries:
            if status and entry.file.startswith(f"{folder}/"):
                review.setdefault(entry.document, status)
    return Inventory(tuple(entries), review)


def yaml_entries(document: SourceDocument, languages: tuple[str, ...], source_language: str) -> list[Entry]:
    found = []
    for path, mapping in _localised_mappings(document.data, (), frozenset(languages), source_language):
        line = document.positions.get(path, (0, 0))[0]
        key = f"{document.file}#{_readable(document.data, path)}"
        translations = {code: mapping[code] for code in languages if code != source_language and mapping.get(code)}
        positions = {code: document.positions.get((*path, code), (line, 1)) for code in mapping}
        lines = {code: position[0] for code, position in positions.items()}
        columns = {code: position[1] for code, position in positions.items()}
        found.append(Entry(key, document.file, line, path, mapping[source_language], translations, lines, columns))
    return found


def _localised_mappings(
    data: Any, path: tuple[PathPart, ...], languages: frozenset[str], source_language: str
) -> Iterator[tuple[tuple[PathPart, ...], dict[str, str]]]:
    if isinstance(data, dict):
        is_text = (
            data
            and set(data) <= languages
            and isinstance(data.get(source_language), str)
            and all(isinstance(value, str) for value in data.values())
        )
        if is_text and not set(data.values()) <= REVIEW_STATUSES:
            yield path, data
            return
        for key, value in data.items():
            yield from _localised_mappings(value, (*path, key), languages, source_language)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _localised_mappings(item, (*path, index), languages, source_language)


def _readable(data: Any, path: tuple[PathPart, ...]) -> str:
    """`path` with each list item named by its `id` where it has one, so the name survives reordering."""
    parts = []
    for part in path:
        if isinstance(part, int):
            item = data[part]
            named = isinstance(item, dict) and isinstance(item.get("id"), str)
            parts.append(item["id"] if named else str(part))
        else:
            parts.append(part)
        data = data[part]
    return ".".join(parts)


def _prose_entries(sources: Sources, folder: str, languages: tuple[str, ...], source_language: str) -> list[Entry]:
    found = []
    for name in sources.page_names(folder, source_language):
        translations = {}
        for code in languages:
            text = sources.page(folder, code, name) if code != source_language else None
            if text is not None:
                translations[code] = text
        key = f"{folder}/*/{name}"
        source = sources.page(folder, source_language, name) or ""
        found.append(Entry(key, key, 1, (), source, translations, dict.fromkeys(languages, 1)))
    return found
