"""Loading the SOP: its prose in every language and its structured parts, checked against each other."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Location
from generator.load.project import load_project
from generator.messages import problem, quoted_list
from generator.model.sop_text import PLACEHOLDERS
from tests.conftest import WriteSource
from tests.load.test_project import problems


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_sop_loads_with_its_sections_in_order(root: Path) -> None:
    sop = load_project(root).sop
    assert [section.slug for section in sop.sections] == ["01-purpose", "02-steps", "03-annexes"]
    assert sop.sections[1].texts["uz"].title == "Qadamlar"
    assert sop.sections[1].placeholders == {"steps_table", "flowchart"}
    assert sop.sections[1].terms == ("reintegration", "gatekeeping")


def test_a_section_missing_in_one_language_is_named(root: Path) -> None:
    (root / "sop" / "ru" / "02-steps.md").unlink()
    assert problems(root) == [
        str(problem("missing-section", Location("sop/ru/02-steps.md"), lang="ru", source="en")),
    ]


def test_a_section_only_a_translation_has_is_named(root: Path, write_source: WriteSource) -> None:
    write_source("sop/uz/03-extra.md", "# Qoʻshimcha\n\nMatn.\n")
    assert problems(root) == [str(problem("extra-section", Location("sop/uz/03-extra.md", 1, 1), source="en"))]


def test_a_section_without_a_title_line_is_refused(root: Path, write_source: WriteSource) -> None:
    write_source("sop/ru/01-purpose.md", "Цель\n\nТекст.\n")
    assert problems(root) == [str(problem("no-section-title", Location("sop/ru/01-purpose.md", 1, 1)))]


def test_an_unknown_placeholder_is_located_with_the_known_ones(root: Path) -> None:
    edit(root, "sop/uz/02-steps.md", "{{ steps_table }}", "{{ step_table }}")
    allowed = quoted_list([*PLACEHOLDERS, "terms(...)"])
    assert allowed.startswith("'legal_basis', 'roles_table', 'roles_summary', 'steps_table', 'steps_summary', ")
    expected = problem("unknown-placeholder", Location("sop/uz/02-steps.md", 3, 1), found="step_table", allowed=allowed)
    assert problems(root) == [str(expected)]


def test_broken_placeholder_syntax_is_located(root: Path) -> None:
    edit(root, "sop/en/01-purpose.md", "{{ legal_basis }}", "{{ legal_basis }")
    found = problems(root)
    assert len(found) == 1
    assert found[0].startswith("sop/en/01-purpose.md:5:1: broken placeholder syntax: ")


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("{{ steps_table.__class__.__mro__[1].__subclasses__() }}", "a call of something other than terms"),
        ("{{ terms.__globals__['os'] }}", "an index ([...])"),
        ("{{ steps_table|length }}", "a filter (|name)"),
        ("{% for row in steps_table %}{{ row }}{% endfor %}", "a loop ({% for %})"),
        ("{% set steps_table = 1 %}", "a template statement"),
    ],
)
def test_prose_that_would_compute_when_rendered_is_refused(root: Path, written: str, found: str) -> None:
    edit(root, "sop/ru/02-steps.md", "{{ steps_table }}", f"{{{{ steps_table }}}} {written}")
    assert problems(root) == [str(problem("template-construct", Location("sop/ru/02-steps.md", 3, 1), found=found))]


def test_brackets_nested_deep_in_a_placeholder_are_located(root: Path) -> None:
    edit(root, "sop/en/01-purpose.md", "{{ legal_basis }}", "{{ legal_basis" + "(" * 1000 + ")" * 1000 + " }}")
    detail = "brackets nested far too deep"
    assert problems(root) == [str(problem("template-syntax", Location("sop/en/01-purpose.md", 5, 1), detail=detail))]


def test_square_brackets_nested_deep_are_located_in_prose_and_in_yaml(root: Path) -> None:
    edit(root, "sop/ru/01-purpose.md", "{{ legal_basis }}", "{{ legal_basis }}\n\nСм. [a [b [c [d]]]].")
    edit(root, "sop/sop.yaml", "title: {en: ", "title: {en: '[[[[x]]]] ', ")
    assert problems(root) == [
        str(problem("deep-brackets", Location("sop/ru/01-purpose.md", 7, 14), limit=3)),
        str(problem("deep-brackets", Location("sop/sop.yaml", 6, 9, ("title", "en")), limit=3)),
    ]


def test_a_translation_keeps_the_generated_parts(root: Path) -> None:
    edit(root, "sop/ru/01-purpose.md", "{{ legal_basis }}", "")
    expected = problem(
        "section-placeholders",
        Location("sop/ru/01-purpose.md", 1, 1),
        found="none",
        expected="{{ legal_basis }}",
        source="en",
    )
    assert problems(root) == [str(expected)]


def test_terms_must_exist_in_the_glossary(root: Path) -> None:
    for language in ("en", "ru", "uz"):
        edit(root, f"sop/{language}/02-steps.md", '"gatekeeping"', '"gate_keeping"')
    assert problems(root) == [
        str(problem("unknown-term", Location(f"sop/{language}/02-steps.md", 7, 1), found="gate_keeping"))
        for language in ("en", "ru", "uz")
    ]


def test_steps_name_roles_forms_steps_and_terms_that_exist(root: Path) -> None:
    edit(root, "sop/structure.yaml", "lead: worker", "lead: workers")
    edit(root, "sop/structure.yaml", "forms: [every-type]", "forms: [every-types]")
    edit(root, "sop/structure.yaml", "to: assessment", "to: assesment")
    edit(root, "sop/structure.yaml", "terms: [reintegration]", "terms: [reintegation]")
    roles = quoted_list(["worker", "supervisor", "nasp"])
    assert problems(root, ignore=()) == [
        str(problem("unused-form", Location("forms/every-type.yaml", 2, 1, ("id",)), found="every-type")),
        str(
            problem(
                "unknown-role",
                Location("sop/structure.yaml", 23, 5, ("steps", 0, "lead")),
                found="workers",
                allowed=roles,
            )
        ),
        str(
            problem(
                "unknown-form",
                Location("sop/structure.yaml", 27, 13, ("steps", 0, "forms", 0)),
                found="every-types",
                allowed="'every-type'",
            )
        ),
        str(
            problem(
                "unknown-term", Location("sop/structure.yaml", 29, 13, ("steps", 0, "terms", 0)), found="reintegation"
            )
        ),
        str(
            problem(
                "unknown-step",
                Location("sop/structure.yaml", 37, 9, ("steps", 1, "transitions", 0, "to")),
                found="assesment",
                allowed="'assessment', 'review'",
            )
        ),
    ]


def test_the_history_ends_at_the_current_version(root: Path) -> None:
    edit(root, "sop/sop.yaml", 'version: "2.0"\nversion_date', 'version: "2.1"\nversion_date')
    location = Location("sop/sop.yaml", 14, 5, ("history", 1, "version"))
    assert problems(root) == [str(problem("history-version", location, found="2.0", expected="2.1"))]


def test_a_directory_service_names_only_pathways_that_exist(root: Path) -> None:
    structure = root / "sop" / "structure.yaml"
    entry = (
        "directory:\n  - id: police\n    service: {en: Police, ru: Полиция, uz: Politsiya}\n"
        "    eligibility: {en: Anyone., ru: Любой., uz: Har kim.}\n    pathways: [violence, violance]\n"
    )
    structure.write_text(structure.read_text(encoding="utf-8") + entry, encoding="utf-8")
    location = Location("sop/structure.yaml", 54, 26, ("directory", 0, "pathways", 1))
    assert problems(root) == [str(problem("unknown-pathway", location, found="violance", allowed="'violence'"))]
