"""The repository's own sources: they load, and their Uzbek and Russian follow the house rules."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator.model.project import Project
from generator.schema import write_schemas
from tests.conftest import REPO

UZBEK_LINE = re.compile(r"^\s*uz:\s*(.*)$")
WRONG_OKINA = re.compile(r"[OoGg]ʼ")
"""oʻ and gʻ take the turned comma ʻ (U+02BB), not the apostrophe ʼ (U+02BC) of the tutuq belgisi."""
APOSTROPHE_LOOKALIKES = re.compile(r"['`‘’]")
"""Uzbek never needs these: ʻ and ʼ are letters of their own."""
FORM_CODES = [f"F-{number:02}" for number in range(1, 14)]


def source_files() -> list[Path]:
    folders = ("*.yaml", "choices/*.yaml", "forms/*.yaml", "sop/*.yaml", "sop/*/*.md")
    return sorted(path for pattern in folders for path in REPO.glob(pattern))


def uzbek_texts(path: Path) -> list[tuple[int, str]]:
    """Uzbek lines of a source: every line of the Uzbek prose, `uz:` values and the lines of `uz: |` blocks."""
    if path.suffix == ".md":
        lines = path.read_text(encoding="utf-8").splitlines()
        return list(enumerate(lines, start=1)) if path.parent.name == "uz" else []
    found = []
    block_indent: int | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and (not line.strip() or indent > block_indent):
            found.append((number, line))
            continue
        block_indent = None
        match = UZBEK_LINE.match(line)
        if match:
            found.append((number, match.group(1)))
            if match.group(1).strip() in ("|", ">"):
                block_indent = indent
    return found


def test_the_project_holds_the_thirteen_forms_in_three_languages(real_project: Project) -> None:
    assert [form.code for form in real_project.forms] == FORM_CODES
    assert real_project.settings.codes == ("en", "ru", "uz")


def test_every_form_is_used_by_a_step_of_the_sop(real_project: Project) -> None:
    used = {form_id for step in real_project.sop.structure.steps for form_id in step.forms}
    assert sorted(used) == sorted(form.id for form in real_project.forms)


def test_the_glossary_has_at_least_forty_terms_in_every_language(real_project: Project) -> None:
    terms = real_project.sop.glossary.terms
    assert len(terms) >= 40
    for language in real_project.settings.codes:
        words = [term.term.get(language).casefold() for term in terms]
        assert len(set(words)) == len(words), f"two terms are spelt alike in '{language}'"


def test_every_document_stays_draft_until_nasp_approves_it(real_project: Project) -> None:
    statuses = [*(form.status for form in real_project.forms), real_project.sop.metadata.status]
    assert {status.value for status_map in statuses for status in status_map.values()} == {"draft"}


def test_uzbek_uses_the_modifier_letters_not_apostrophes() -> None:
    wrong = [
        f"{path.relative_to(REPO)}:{number}: {text.strip()[:60]}"
        for path in source_files()
        for number, text in uzbek_texts(path)
        if WRONG_OKINA.search(text) or APOSTROPHE_LOOKALIKES.search(text)
    ]
    assert wrong == []


def test_russian_writes_ye_not_yo() -> None:
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "ё" in line or "Ё" in line
    ]
    assert found == []


def test_the_published_json_schemas_match_the_model() -> None:
    assert write_schemas(REPO, check_only=True) == [], "run 'oila schema' and commit schema/"


def test_the_model_imports_no_renderer() -> None:
    """The model renders nothing: no python-docx, no renderer, so every output stays a separate writer."""
    forbidden = ("docx", "generator.render", "generator.build", "generator.write", "lxml")
    offenders = []
    for path in sorted((REPO / "generator" / "model").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {name}" for name in names if name.startswith(forbidden)]
    assert offenders == []
