"""Loading a project: every problem found, located, explained, reported together."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Location, SourceErrors
from generator.load.project import load_project
from generator.messages import problem, quoted_list
from generator.model.fields import QUESTION_TYPES
from tests.conftest import WriteSource

FORM = """\
id: sample
code: F-50
version: "1.0"
version_date: 2026-11-22
status: {en: draft, ru: draft, uz: draft}
title: {en: Sample, ru: Образец, uz: Namuna}
purpose: {en: P, ru: Ц, uz: M}
filled_by: {en: W, ru: Р, uz: X}
timing: {en: T, ru: В, uz: V}
sections:
  - id: first
    title: {en: First, ru: Первый, uz: Birinchi}
    questions:
      - id: consent
        type: yes_no
        label: {en: Consent given?, ru: Согласие получено?, uz: Rozilik olinganmi?}
"""


def problems(root: Path, ignore: tuple[str, ...] = ("unused-form",)) -> list[str]:
    """Every problem `root` has, as printed; by default without those of a new form no SOP step uses yet."""
    with pytest.raises(SourceErrors) as caught:
        load_project(root)
    return [str(item) for item in caught.value.problems if item.code not in ignore]


def test_the_test_project_loads(root: Path) -> None:
    project = load_project(root)
    assert [form.id for form in project.forms] == ["every-type"]


def test_a_missing_translation_names_file_line_path_and_language(root: Path, write_source: WriteSource) -> None:
    write_source("forms/sample.yaml", FORM.replace("uz: Rozilik olinganmi?", "uz: ''").replace(", uz: ''", ""))
    location = Location("forms/sample.yaml", 16, 9, ("sections", 0, "questions", 0, "label"))
    expected = problem("missing-translation", location, langs="'uz'", languages="Uzbek", example="uz: ...")
    assert problems(root) == [str(expected)]
    assert str(expected).startswith("forms/sample.yaml:16:9: sections[0].questions[0].label: missing 'uz'")


def test_an_unknown_field_type_lists_the_allowed_ones(root: Path, write_source: WriteSource) -> None:
    write_source("forms/sample.yaml", FORM.replace("type: yes_no", "type: checkbox"))
    location = Location("forms/sample.yaml", 15, 9, ("sections", 0, "questions", 0, "type"))
    expected = problem("unknown-field-type", location, found="checkbox", allowed=", ".join(QUESTION_TYPES))
    assert problems(root) == [str(expected)]


def test_an_unknown_key_lists_the_keys_allowed_there(root: Path, write_source: WriteSource) -> None:
    write_source("forms/sample.yaml", FORM + "        lable: {en: x, ru: x, uz: x}\n")
    location = Location("forms/sample.yaml", 17, 9, ("sections", 0, "questions", 0, "lable"))
    allowed = quoted_list(["guidance", "hint", "id", "label", "required", "skip", "to_confirm", "type", "unknown"])
    assert problems(root) == [str(problem("unknown-key", location, key="lable", allowed=allowed))]


def test_duplicate_form_id_and_code_point_at_the_first_use(root: Path, write_source: WriteSource) -> None:
    write_source("forms/sample.yaml", FORM)
    write_source("forms/sample-copy.yaml", FORM.replace("F-50", "T-01"))
    found = problems(root)
    first_code = "forms/every-type.yaml:3"
    assert (
        str(
            problem(
                "duplicate-id",
                Location("forms/sample.yaml", 1, 1, ("id",)),
                what="form id",
                value="sample",
                first="forms/sample-copy.yaml:1",
            )
        )
        in found
    )
    assert (
        str(
            problem(
                "duplicate-id",
                Location("forms/sample-copy.yaml", 2, 1, ("code",)),
                what="form code",
                value="T-01",
                first=first_code,
            )
        )
        in found
    )
    assert (
        str(
            problem(
                "id-mismatch", Location("forms/sample-copy.yaml", 1, 1, ("id",)), found="sample", expected="sample.yaml"
            )
        )
        in found
    )


def test_a_duplicate_code_names_where_it_was_first_used(root: Path, write_source: WriteSource) -> None:
    write_source("forms/sample.yaml", FORM.replace("F-50", "T-01"))
    location = Location("forms/sample.yaml", 2, 1, ("code",))
    expected = problem("duplicate-id", location, what="form code", value="T-01", first="forms/every-type.yaml:3")
    assert problems(root) == [str(expected)]


def test_references_to_lists_answers_and_targets_are_checked(root: Path, write_source: WriteSource) -> None:
    broken = FORM + (
        "        skip: [{when: maybe, go_to: nowhere}]\n"
        "      - id: level\n"
        "        type: single\n"
        "        choices: risk-levels\n"
        "        label: {en: Level, ru: Уровень, uz: Daraja}\n"
        "        skip: [{when: high, go_to: consent}]\n"
    )
    write_source("forms/sample.yaml", broken)
    question = ("sections", 0, "questions")
    lists = quoted_list(sorted(path.stem for path in (root / "choices").glob("*.yaml")))
    assert problems(root) == [
        str(
            problem(
                "unknown-answer",
                Location("forms/sample.yaml", 17, 17, (*question, 0, "skip", 0, "when")),
                found="maybe",
                allowed="'yes', 'no'",
            )
        ),
        str(
            problem(
                "unknown-skip-target",
                Location("forms/sample.yaml", 17, 30, (*question, 0, "skip", 0, "go_to")),
                found="nowhere",
                allowed="'first', 'consent', 'level'",
            )
        ),
        str(
            problem(
                "unknown-choice-list",
                Location("forms/sample.yaml", 20, 9, (*question, 1, "choices")),
                found="risk-levels",
                allowed=lists,
            )
        ),
        str(
            problem(
                "backward-skip",
                Location("forms/sample.yaml", 22, 29, (*question, 1, "skip", 0, "go_to")),
                found="consent",
            )
        ),
    ]


def test_problems_of_many_files_come_together_sorted(root: Path, write_source: WriteSource) -> None:
    write_source("forms/b-broken.yaml", "- not a mapping\n")
    write_source("forms/a-empty.yaml", "")
    write_source("choices/bad.yaml", b"\xff".decode("latin-1"))
    found = problems(root)
    assert [line.split(":")[0] for line in found] == ["choices/bad.yaml", "forms/a-empty.yaml", "forms/b-broken.yaml"]


def test_a_label_must_keep_its_placeholders(root: Path) -> None:
    labels = root / "labels.yaml"
    labels.write_text(
        labels.read_text(encoding="utf-8").replace("Страница {page} из {pages}", "Страница {page}"), encoding="utf-8"
    )
    [found] = problems(root)
    assert found.startswith("labels.yaml:6:3: page_of.ru: the 'ru' text uses the placeholders {page}, but this label")


def test_a_missing_label_is_named(root: Path) -> None:
    labels = root / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    start = text.index("comment:")
    labels.write_text(text[:start] + text[text.index("rated_item:") :], encoding="utf-8")
    assert problems(root) == [str(problem("missing-key", Location("labels.yaml", 1, 1, ("comment",)), key="comment"))]


def test_the_case_only_header_questions_must_exist(root: Path) -> None:
    header = root / "header.yaml"
    text = header.read_text(encoding="utf-8")
    header.write_text(text.replace("case_only: [case_number, child_code]", "case_only: [case_number, child_id]"))
    line = text.splitlines().index("case_only: [case_number, child_code]") + 1
    ids = "case_number, child_code, completion_date, region, district, mahalla, completed_by, supervisor"
    detail = f"'child_id' is not a question of the header; questions: {ids}"
    assert problems(root) == [
        str(problem("bad-value", Location("header.yaml", line, 1, ("case_only",)), detail=detail))
    ]
