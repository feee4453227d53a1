"""Uzbek in Cyrillic script, declared in oila.yaml alone and made from the Uzbek (Latin) sources."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.build import build
from generator.errors import SourceErrors
from generator.i18n.transliterate import uzbek_latin_to_cyrillic
from generator.load.project import load_project
from generator.model.labels import LabelId
from generator.model.project import Project
from tests.conftest import REPO


def test_every_text_of_the_cyrillic_version_is_the_transliterated_uzbek(real_project: Project) -> None:
    latin, cyrillic = real_project.localize("uz"), real_project.localize("uz-Cyrl")
    for latin_form, cyrillic_form in zip(latin.forms, cyrillic.forms, strict=True):
        assert cyrillic_form.title == uzbek_latin_to_cyrillic(latin_form.title)
        assert cyrillic_form.status == latin_form.status and cyrillic_form.transliterated
        assert not latin_form.transliterated
    assert cyrillic.labels[LabelId.DRAFT] == "ЛОЙИҲА"
    assert [section.title for section in cyrillic.sop.sections] == [
        uzbek_latin_to_cyrillic(section.title) for section in latin.sop.sections
    ]
    assert cyrillic.sop.terms[0].term == uzbek_latin_to_cyrillic(latin.sop.terms[0].term)


def test_a_derived_language_needs_a_known_transliteration(tmp_path: Path) -> None:
    settings = (REPO / "oila.yaml").read_text(encoding="utf-8")
    (tmp_path / "oila.yaml").write_text(settings.replace("uz-Latn-to-Cyrl", "uz-Latn-to-Arab"), encoding="utf-8")
    with pytest.raises(SourceErrors) as raised:
        load_project(tmp_path)
    assert "unknown transliteration 'uz-Latn-to-Arab'; known: uz-Latn-to-Cyrl" in str(raised.value.problems[0])


def test_the_cyrillic_forms_and_site_are_built_and_say_they_are_a_transliteration(tmp_path: Path) -> None:
    build(REPO, tmp_path, languages=["uz-Cyrl"], only=["forms", "site"])
    form = docx.Document(str(tmp_path / "forms" / "uz-Cyrl" / "F-01-child-needs-assessment.docx"))
    text = "\n".join(paragraph.text for paragraph in form.paragraphs)
    assert "Бола (ўсмир) эҳтиёжларини индивидуал баҳолаш" in text
    assert "Ушбу матн лотин ёзувидаги ўзбекча матндан автоматик равишда транслитерация қилинган" in text
    page = (tmp_path / "site" / "uz-Cyrl" / "forms" / "F-01-child-needs-assessment.html").read_text("utf-8")
    assert "Ушбу матн лотин ёзувидаги ўзбекча матндан" in page
    assert (tmp_path / "bundles" / "oila-uz-Cyrl.zip").is_file()
