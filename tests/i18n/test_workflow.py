"""The translation workflow as translators and reviewers use it, on a copy of the project's own sources:
stale strings after an English edit, the coverage gate, export and import round trips through real
translation tools, confirmation, orthography checks and repairs, and outputs that say what is stale."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest
from translate.storage import factory

from generator.build import build
from generator.cli import main
from generator.i18n.formats import read_translations
from generator.i18n.state import translation_state
from generator.i18n.yaml_edit import Edit, apply_edits
from generator.load.files import PROJECT_SOURCES, read_sources
from tests.conftest import REPO, copy_sources

FORM = "forms/child-needs-assessment.yaml"
CITIZENSHIP = f"{FORM}#sections.identity.questions.citizenship.label"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy_sources(tmp_path / "project", REPO, PROJECT_SOURCES)
    return tmp_path / "project"


def edit_english(project: Path) -> None:
    path = project / FORM
    text = path.read_text(encoding="utf-8")
    assert "label: {en: Citizenship, " in text
    path.write_text(text.replace("label: {en: Citizenship, ", "label: {en: Citizenship or nationality, "), "utf-8")


def fingerprints(project: Path) -> dict[str, str]:
    return {
        str(path.relative_to(project)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }


def oila(project: Path, *arguments: str) -> int:
    return main(["--project", str(project), *arguments])


def test_the_shipped_translations_are_all_recorded_and_up_to_date() -> None:
    state = translation_state(read_sources(REPO))
    assert len(state.entries) > 2000
    for language in state.targets:
        assert state.not_up_to_date(language) == [], f"run 'oila i18n status --lang {language}'"


def test_editing_one_english_label_makes_exactly_that_string_stale(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert oila(project, "check", "--min-coverage", "100") == 0
    edit_english(project)
    state = translation_state(read_sources(project))
    for language in ("ru", "uz"):
        assert [(entry.key, found.value) for entry, found in state.not_up_to_date(language)] == [(CITIZENSHIP, "stale")]
    capsys.readouterr()
    assert oila(project, "i18n", "status") == 0
    shown = capsys.readouterr().out
    assert shown.count(f"stale: {CITIZENSHIP}") == 2
    assert oila(project, "check", "--min-coverage", "100", "--lang", "uz") == 1
    assert "uz: 99.9" in capsys.readouterr().out
    assert oila(project, "check", "--min-coverage", "99") == 0


def test_a_reviewer_confirms_one_language_and_the_other_stays_stale(project: Path) -> None:
    edit_english(project)
    assert oila(project, "i18n", "confirm", "--lang", "ru", CITIZENSHIP) == 0
    state = translation_state(read_sources(project))
    assert state.not_up_to_date("ru") == []
    assert [entry.key for entry, _ in state.not_up_to_date("uz")] == [CITIZENSHIP]


def test_confirming_a_string_that_does_not_exist_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprints(project)
    assert oila(project, "i18n", "confirm", "--lang", "ru", "forms/no-such-form.yaml") == 1
    assert "no such string or file: forms/no-such-form.yaml" in capsys.readouterr().err
    assert oila(project, "i18n", "confirm", "--lang", "uz-Cyrl", "--all") == 1
    assert fingerprints(project) == before


def test_outputs_say_which_documents_have_stale_texts(project: Path, tmp_path: Path) -> None:
    edit_english(project)
    build(project, tmp_path / "out", languages=["ru"], only=["forms", "site"])
    stale_form = docx.Document(str(tmp_path / "out" / "forms" / "ru" / "F-01-child-needs-assessment.docx"))
    other_form = docx.Document(str(tmp_path / "out" / "forms" / "ru" / "F-02-family-assessment.docx"))
    assert any(p.text.startswith("Перевод устарел (текстов: 1)") for p in stale_form.paragraphs)
    assert not any(p.text.startswith("Перевод устарел") for p in other_form.paragraphs)
    site = tmp_path / "out" / "site" / "ru"
    assert "Перевод устарел (текстов: 1)" in (site / "forms" / "F-01-child-needs-assessment.html").read_text("utf-8")
    status = (site / "status.html").read_text(encoding="utf-8")
    assert CITIZENSHIP in status and "Citizenship or nationality" in status


@pytest.mark.parametrize("file_format", ["xliff", "po", "xlsx"])
def test_export_then_import_changes_nothing_when_nothing_was_translated(
    project: Path, tmp_path: Path, file_format: str
) -> None:
    before = fingerprints(project)
    exported = tmp_path / f"ru.{file_format}"
    assert oila(project, "i18n", "export", "--lang", "ru", "--format", file_format, "--out", str(exported)) == 0
    assert oila(project, "i18n", "import", str(exported)) == 0
    assert fingerprints(project) == before


def test_an_xliff_translated_in_a_standard_tool_imports_back_cleanly(project: Path, tmp_path: Path) -> None:
    edit_english(project)
    exported = tmp_path / "uz.xlf"
    assert oila(project, "i18n", "export", "--lang", "uz", "--format", "xliff", "--out", str(exported)) == 0
    store = factory.getobject(str(exported))
    unit = next(unit for unit in store.units if unit.source == "Citizenship or nationality")
    unit.target = "Fuqaroligi yoki millati"
    unit.markfuzzy(False)
    unit.markapproved(True)
    exported.write_bytes(bytes(store))
    form_before = (project / FORM).read_text(encoding="utf-8").splitlines()
    assert oila(project, "i18n", "import", str(exported)) == 0
    form_after = (project / FORM).read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(form_before, form_after, strict=True) if old != new]
    assert len(changed) == 1 and "uz: Fuqaroligi yoki millati" in changed[0][1]
    state = translation_state(read_sources(project))
    assert state.not_up_to_date("uz") == []
    assert [entry.key for entry, _ in state.not_up_to_date("ru")] == [CITIZENSHIP]
    assert oila(project, "check") == 0


def test_import_reports_strings_whose_english_changed_since_the_export(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "ru.po"
    assert oila(project, "i18n", "export", "--lang", "ru", "--format", "po", "--out", str(exported)) == 0
    edit_english(project)
    text = exported.read_text(encoding="utf-8")
    exported.write_text(text.replace('msgstr "Гражданство"', 'msgstr "Гражданство (подданство)"'), "utf-8")
    before = fingerprints(project)
    capsys.readouterr()
    assert oila(project, "i18n", "import", str(exported)) == 1
    assert "its English changed since the export: 'Citizenship'" in capsys.readouterr().out
    assert fingerprints(project) == before
    assert any(unit.source == "Citizenship" for unit in read_translations(exported).units)


def test_the_same_english_translated_two_ways_is_listed(project: Path) -> None:
    state = translation_state(read_sources(project))
    shared = {}
    for entry in state.entries:
        shared.setdefault(entry.source, []).append(entry)
    entries = next(group for source, group in shared.items() if len(group) > 1 and group[0].file == group[1].file)
    changed = entries[1]
    text = (project / changed.file).read_text(encoding="utf-8")
    edited = apply_edits(text, [Edit(changed.path, "ru", "Другой перевод")], changed.file)
    (project / changed.file).write_text(edited, encoding="utf-8")
    found = translation_state(read_sources(project)).inconsistencies()
    listed = [item for item in found if item.language == "ru" and item.source == changed.source]
    assert len(listed) == 1 and listed[0].translations["Другой перевод"] == (changed.key,)


def test_check_names_uzbek_apostrophes_and_fix_repairs_them(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = project / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    assert "uz: Tarjimalar holati" in text
    labels.write_text(text.replace("uz: Tarjimalar holati", "uz: Tarjimalar holati (o'quv)"), encoding="utf-8")
    capsys.readouterr()
    assert oila(project, "check") == 1
    errors = capsys.readouterr().err
    line = text.splitlines().index("  uz: Tarjimalar holati") + 1
    assert f"labels.yaml:{line}:1: translation_status: 'o'': " in errors and "[orthography]" in errors
    assert oila(project, "i18n", "fix") == 0
    assert "uz: Tarjimalar holati (oʻquv)" in labels.read_text(encoding="utf-8")
    assert oila(project, "check") == 0


KEEP = "must keep the references and placeholders of its English, as often and as written:"


def refused(project: Path, translations: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `oila i18n import` printed when it refused `translations` and left every source as it was."""
    before = fingerprints(project)
    capsys.readouterr()
    assert oila(project, "i18n", "import", str(translations)) == 1
    assert fingerprints(project) == before
    return capsys.readouterr().out


def test_an_import_that_breaks_a_reference_writes_nothing_and_names_the_unit(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / FORM
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("label: {en: Citizenship, ", 'label: {en: "Citizenship ({step:registration|short})", ')
    )
    exported = tmp_path / "uz.xlf"
    assert oila(project, "i18n", "export", "--lang", "uz", "--format", "xliff", "--out", str(exported)) == 0
    store = factory.getobject(str(exported))
    unit = next(unit for unit in store.units if unit.source.startswith("Citizenship ("))
    unit.target = "Fuqaroligi (roʻyxatga olish qadami)"
    exported.write_bytes(bytes(store))
    shown = refused(project, exported, capsys)
    assert f"{KEEP} {{step:registration|short}}" in shown
    unit.target = "Fuqaroligi ({step:registration|short})"
    exported.write_bytes(bytes(store))
    assert oila(project, "i18n", "import", str(exported)) == 0
    assert 'uz: "Fuqaroligi ({step:registration|short})"' in path.read_text(encoding="utf-8")


def test_a_translated_page_that_changes_a_placeholder_is_not_imported(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "ru.xlf"
    assert oila(project, "i18n", "export", "--lang", "ru", "--format", "xliff", "--out", str(exported)) == 0
    store = factory.getobject(str(exported))
    unit = next(unit for unit in store.units if "{{ roles_table }}" in unit.source)
    unit.target = unit.target.replace("{{ roles_table }}", "{{ roles_table.__class__.__mro__ }}")
    exported.write_bytes(bytes(store))
    shown = refused(project, exported, capsys)
    assert KEEP in shown and "{{ roles_table }}" in shown


def test_a_hostile_translation_file_is_answered_in_a_few_lines_and_changes_nothing(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = "".join(
        f'<trans-unit id="{number:012x}"><source>Text {number}</source><target>Matn {number}</target></trans-unit>'
        for number in range(500)
    )
    hostile = tmp_path / "uz.xlf"
    hostile.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" '
        f'source-language="en" target-language="uz" datatype="plaintext"><body>{units}</body></file></xliff>',
        encoding="utf-8",
    )
    before = fingerprints(project)
    shown = refused(project, hostile, capsys).splitlines()
    assert len(shown) == 22
    assert (
        shown[0]
        == "oila: uz: not imported, unit '000000000000': its id is not that of its English; export the file again"
    )
    assert shown[-2] == "oila: uz: ... and 480 more units not imported"
    hostile.write_text(hostile.read_text(encoding="utf-8").replace('source-language="en"', 'source-language="ru"'))
    assert oila(project, "i18n", "import", str(hostile)) == 1
    assert "the file translates from 'ru', but this project's texts are written in 'en'" in capsys.readouterr().err
    assert fingerprints(project) == before
