"""The repository's own sources: they load, and their Uzbek and Russian follow the house rules."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator.load.files import PROJECT_SOURCES
from generator.model.project import Project
from generator.model.references import references_in
from generator.model.resolve import Resolver
from generator.reference_examples import write_reference_examples
from generator.schema import write_schemas
from tests.conftest import REPO, copy_sources

FORM_CODES = [f"F-{number:02}" for number in range(1, 15)]


def source_files() -> list[Path]:
    folders = ("*.yaml", "choices/*.yaml", "forms/*.yaml", "sop/*.yaml", "sop/*/*.md", "training/**/*.yaml")
    return sorted(path for pattern in folders for path in REPO.glob(pattern))


def test_the_project_holds_the_fourteen_forms_in_three_languages_and_one_transliteration(real_project: Project) -> None:
    assert [form.code for form in real_project.forms] == FORM_CODES
    assert real_project.settings.codes == ("en", "ru", "uz", "uz-Cyrl")
    assert real_project.settings.written == ("en", "ru", "uz")


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
    assert real_project.training is not None
    course = real_project.training.course
    statuses = [*(form.status for form in real_project.forms), real_project.sop.metadata.status, course.status]
    assert {status.value for status_map in statuses for status in status_map.values()} == {"draft"}


def test_the_course_runs_six_modules_that_teach_every_step_of_the_sop(real_project: Project) -> None:
    assert real_project.training is not None
    modules = real_project.training.modules
    assert [module.id for module in modules] == [
        "principles-and-gatekeeping",
        "assessment",
        "planning-and-case-conference",
        "follow-up-safeguarding-and-closure",
        "independent-living",
        "supervision-and-coaching",
    ]
    taught = {step for module in modules for step in module.steps}
    assert taught == {step.id for step in real_project.sop.structure.steps}


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


def test_the_reference_examples_in_the_sop_readme_render_as_it_says(real_project: Project) -> None:
    """sop/README.md shows what each kind of reference becomes; rendered from the sources, it cannot go stale."""
    table = (REPO / "sop" / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\{.+?\})` \| (.+?) \| (.+?) \| (.+?) \|$", table, re.MULTILINE)
    assert len(rows) >= 10
    for written, *shown in rows:
        [reference] = references_in(written.replace("\\|", "|"))
        for language, words in zip(("en", "ru", "uz"), shown, strict=True):
            assert Resolver(real_project.referents, language).render(reference) == words, (written, language)


def test_the_sop_readme_s_examples_are_written_again_when_a_timeframe_changes(tmp_path: Path) -> None:
    """Only the examples' first column is typed: `oila schema --check` fails when the rest is stale, and
    `oila schema` writes it again from the sources."""
    copy_sources(tmp_path, REPO, PROJECT_SOURCES)
    readme = tmp_path / "sop" / "README.md"
    timeframes = tmp_path / "sop" / "timeframes.yaml"
    moved = re.sub(
        r"(id: referral_feedback\n(?:.*\n)*?    value: )3", r"\g<1>4", timeframes.read_text("utf-8"), count=1
    )
    timeframes.write_text(moved, "utf-8")
    before = readme.read_text(encoding="utf-8")
    assert write_reference_examples(tmp_path, check_only=True) == ["sop/README.md"]
    assert readme.read_text(encoding="utf-8") == before
    write_reference_examples(tmp_path, check_only=False)
    assert write_reference_examples(tmp_path, check_only=True) == []
    changed = set(readme.read_text(encoding="utf-8").splitlines()) - set(before.splitlines())
    row = "| `{timeframe:referral_feedback\\|within}` | within 4 working days | в течение 4 рабочих дней "
    row += "| 4 ish kuni ichida |"
    assert changed == {row}
