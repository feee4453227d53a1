"""The XLSForms: each converts with pyxform (the converter ODK Central and KoboToolbox use) without a warning, names
its fields as `oila collect` names the columns of filled Word forms, and, filled in ODK's own form engine, skips,
requires and translates what the paper form does."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from generator.collect.matching import field_columns, table_columns
from generator.model.labels import LabelId
from generator.model.project import Project
from generator.model.slots import form_slots
from generator.model.view import FormView, NumberView, ProjectView, QuestionView
from generator.render.xlsform import VERSION_FIELD, xlsform_documents
from tests.odk_engine import Filled, fill, xform_of

ENGLISH, RUSSIAN, UZBEK, CYRILLIC = "English (en)", "Russian (ru)", "Uzbek (uz)", "Uzbek, Cyrillic (uz)"
NOT_FIELDS = ("begin_group", "end_group", "begin_repeat", "end_repeat", "note", "calculate")


def xlsforms(project: Project) -> dict[str, bytes]:
    """`{form id: XLSForm}` of every form of `project`."""
    views = tuple(project.localize(code) for code in project.settings.codes)
    return {file.source: file.made().content for file in xlsform_documents(views)}


def sheet(xlsform: bytes, name: str) -> list[dict[str, str]]:
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsform))[name].iter_rows(values_only=True))
    return [{str(key): value or "" for key, value in zip(rows[0], row, strict=True)} for row in rows[1:]]


@pytest.fixture(scope="module")
def every_type_xform(every_type_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return xform_of(xlsforms(every_type_project)["every-type"], tmp_path_factory.mktemp("xform"))


def test_every_form_of_the_project_converts_with_pyxform_without_a_warning(
    real_project: Project, tmp_path: Path
) -> None:
    made = xlsforms(real_project)
    assert sorted(made) == sorted(form.id for form in real_project.forms)
    for form_id, xlsform in made.items():
        xform = xform_of(xlsform, tmp_path).read_text(encoding="utf-8")
        assert f'id="{form_id}"' in xform


def _fields(form: FormView, other: str) -> tuple[list[str], dict[str, list[str]]]:
    """The columns `oila collect` writes for `form`: the answers sheet's, and each table's."""
    slots = form_slots(form, other)
    tables = {table: [column for column, _ in columns] for table, columns in table_columns(slots).items()}
    return [column for column, _ in field_columns(slots)], tables


def test_its_fields_are_the_columns_oila_collect_writes_for_filled_word_forms(real_project: Project) -> None:
    """A tablet's submissions and Word forms go into one table: the XLSForm's fields are named as its columns; a
    table is a repeat whose fields are the table's columns; only the drawn signatures are the tablet's own."""
    view = real_project.localize("en")
    made = xlsforms(real_project)
    for form in view.forms:
        names: list[str] = []
        repeats: dict[str, list[str]] = {}
        inside: str | None = None
        for row in sheet(made[form.id], "survey"):
            kind, name = row["type"], row["name"]
            if kind == "begin_repeat":
                inside = name
                repeats[name] = []
            elif kind == "end_repeat":
                inside = None
            elif kind not in NOT_FIELDS and not (kind == "image" and name.endswith(".signature")):
                (repeats[inside] if inside else names).append(name)
        columns, tables = _fields(form, view.labels[LabelId.OTHER_SPECIFY])
        assert names == columns, form.id
        assert repeats == tables, form.id


def test_its_settings_name_the_form_its_version_and_every_language(every_type_project: Project) -> None:
    xlsform = xlsforms(every_type_project)["every-type"]
    assert sheet(xlsform, "settings") == [
        {
            "form_title": "T-01 Every question type",
            "form_id": "every-type",
            "version": "2.1",
            "default_language": ENGLISH,
            "style": "pages",
        }
    ]
    survey = sheet(xlsform, "survey")
    assert survey[0] == {
        **dict.fromkeys(survey[0], ""),
        "type": "calculate",
        "name": VERSION_FIELD,
        "calculation": "'2.1'",
    }
    assert [key for key in survey[0] if key.startswith("label::")] == [
        f"label::{language}" for language in (ENGLISH, RUSSIAN, UZBEK, CYRILLIC)
    ]


def _question(view: ProjectView, question_id: str) -> QuestionView:
    found = next(q for s in view.forms[0].sections for q in s.questions if q.id == question_id)
    assert isinstance(found, QuestionView)
    return found


def test_odk_shows_each_language_s_words_numbered_as_on_paper(
    every_type_project: Project, every_type_xform: Path
) -> None:
    for code, language in (("en", ENGLISH), ("ru", RUSSIAN), ("uz", UZBEK), ("uz-Cyrl", CYRILLIC)):
        filled = fill(every_type_xform, language)
        assert filled.languages == [ENGLISH, RUSSIAN, UZBEK, CYRILLIC]
        view = every_type_project.localize(code)
        name = _question(view, "full_name")
        assert filled.fields["full_name"]["label"] == f"{name.number} {name.label}"
        months = _question(view, "months_in_care")
        assert isinstance(months, NumberView)
        assert filled.fields["months_in_care"]["label"] == f"{months.number} {months.label} ({months.unit})"
    assert fill(every_type_xform, CYRILLIC).fields["setting"]["label"] == "2.1 Бола қаерда ўқийди?"
    assert fill(every_type_xform, RUSSIAN).fields["draft"]["label"].startswith("ПРОЕКТ. Для обсуждения")


def test_odk_skips_what_the_paper_form_skips(every_type_xform: Path) -> None:
    nothing = fill(every_type_xform)
    assert all(nothing.shown(name) for name in ("disability_notes", "risk", "reasons", "note_referral", "siblings"))
    assert not nothing.shown("setting.other") and not nothing.shown("reasons.other")
    no_disability = fill(every_type_xform, answers=[("has_disability", "no")])
    assert not no_disability.shown("disability_notes")
    assert no_disability.shown("setting")
    unknown = fill(every_type_xform, answers=[("has_disability", "unknown")])
    assert unknown.shown("disability_notes")
    not_enrolled = fill(every_type_xform, answers=[("setting", "not_enrolled")])
    assert [name for name in ("risk", "reasons", "note_referral") if not_enrolled.shown(name)] == []
    assert not_enrolled.shown("wellbeing.mood") and not_enrolled.shown("disability_notes")
    other = fill(every_type_xform, answers=[("setting", "other"), ("reasons", "poverty other")])
    assert other.shown("setting.other") and other.shown("reasons.other")


def test_odk_will_not_submit_until_the_required_questions_are_answered(every_type_xform: Path) -> None:
    empty = fill(every_type_xform)
    assert "full_name" in empty.blocking()
    required = [name for name, field in empty.fields.items() if field["required"]]
    answered = fill(every_type_xform, answers=[(name, _an_answer(empty, name)) for name in required])
    assert answered.blocking() == []


def _an_answer(filled: Filled, name: str) -> str:
    field = filled.fields[name]
    if field["choices"]:
        return str(field["choices"][0])
    return "2026-03-04" if name.endswith("date") else "Answered"


def test_odk_refuses_a_negative_number_and_takes_a_table_row_by_row(every_type_xform: Path) -> None:
    negative = fill(every_type_xform, answers=[("months_in_care", "-3")])
    assert {
        "reference": negative.fields["months_in_care"]["reference"],
        "condition": "constraint",
    } in negative.violations
    second = "/data/concerns/siblings[2]"
    rows = fill(every_type_xform, rows={"siblings": 2}, answers=[(f"{second}/name", "Dilnoza")])
    assert rows.fields[f"{second}/name"]["relevant"]
    assert rows.fields[f"{second}/risk"]["choices"] == ["high", "medium", "low"]
    assert f"{second[:-3]}[3]/name" not in rows.fields


def test_a_section_skipped_whole_is_hidden_whole(real_project: Project, tmp_path: Path) -> None:
    """F-04: the weekly round skips the case conference's sections, each as a whole."""
    xform = xform_of(xlsforms(real_project)["case-meeting-record"], tmp_path)
    weekly = fill(xform, answers=[("meeting_type", "weekly")])
    assert weekly.fields["conference"]["type"] == "group"
    assert not weekly.shown("conference")
    assert fill(xform, answers=[("meeting_type", "initial")]).shown("conference")
