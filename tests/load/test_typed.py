"""Hand-typed references, glossary terms against the glossary, and words the transliteration would leave in
Latin: each a located problem that says what to cite or write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import SourceErrors
from generator.load.project import load_project
from tests.conftest import WriteSource
from tests.load.test_project import problems
from tests.load.test_references import form_with_label
from tests.load.test_sop import edit


def _only(root: Path, code: str) -> list[str]:
    """The problems of one kind the project has, none if it loads."""
    try:
        load_project(root)
    except SourceErrors:
        return [line for line in problems(root) if line.endswith(f"[{code}]")]
    return []


@pytest.mark.parametrize(
    ("en", "ru", "uz", "found"),
    [
        ("See step 2.", "См. шаг 2.", "2-qadamga qarang.", ["'step 2'", "'шаг 2'", "'2-qadamga'"]),
        ("See steps 1 and 2.", "См. 1-й шаг.", "Qadam 1 ga qarang.", ["'steps 1'", "'1-й шаг'", "'Qadam 1'"]),
    ],
)
def test_a_typed_step_number_is_named_with_the_step_that_has_it_now(
    root: Path, write_source: WriteSource, en: str, ru: str, uz: str, found: list[str]
) -> None:
    form_with_label(write_source, en, ru, uz)
    typed = _only(root, "typed-number")
    assert [line.split(": ")[2].split(" types")[0] for line in typed] == found
    assert "types a step number; step" in typed[0] and "is now '" in typed[0]
    assert "cite it as {step:<id>|short}" in typed[0]


def test_a_typed_question_number_in_a_form_is_taken_to_be_the_forms_own(root: Path, write_source: WriteSource) -> None:
    form_with_label(write_source, "As in question 1.1?", "Как в вопросе 1.1?", "1.1-savoldagidek?")
    typed = _only(root, "typed-number")
    assert len(typed) == 3
    assert all("question 1.1 of this form is now 'consent'" in line for line in typed)


def test_a_typed_form_code_names_the_reference_to_write(root: Path, write_source: WriteSource) -> None:
    form_with_label(write_source, "Copy T-01.", "Копия T-01.", "T-01 nusxasi.")
    typed = _only(root, "typed-form-code")
    assert len(typed) == 3
    assert typed[0].endswith(
        "'T-01' types a form code; cite the form as {form:every-type|code}, or {form:every-type} for its code and "
        "title [typed-form-code]"
    )


def test_a_typed_shared_timeframe_is_named_in_each_language_and_a_reference_is_not(
    root: Path, write_source: WriteSource
) -> None:
    form_with_label(write_source, "Within 30 days?", "В течение 30 дней?", "30 kun ichidami?")
    typed = _only(root, "typed-timeframe")
    assert [line.split(": ")[2].split(" types")[0] for line in typed] == ["'30 days'", "'30 дней'", "'30 kun ichida'"]
    assert "cite it as {timeframe:assessment}" in typed[0]
    form_with_label(
        write_source,
        "{timeframe:assessment|within}, or 31 days?",
        "{timeframe:assessment|within} или 31 день?",
        "{timeframe:assessment|within} yoki 31 kun?",
    )
    assert _only(root, "typed-timeframe") == []


def test_a_term_translated_against_the_glossary_is_a_problem_and_an_inflected_one_is_not(
    root: Path, write_source: WriteSource
) -> None:
    form_with_label(write_source, "Gatekeeping done?", "Фильтрация проведена?", "Geytkipingdan oʻtdimi?")
    (found,) = _only(root, "term-not-used")
    assert found.split(": ", 2)[1] == "sections[0].questions[0].label.ru"
    assert "'Gatekeeping' is the glossary term 'gatekeeping': the 'ru' text should use 'гейткипинг'" in found
    form_with_label(write_source, "Gatekeeping done?", "Гейткипинга не было?", "Geytkipingdan oʻtdimi?")
    assert _only(root, "term-not-used") == []


def test_a_variant_in_the_glossary_is_accepted(root: Path, write_source: WriteSource) -> None:
    form_with_label(write_source, "Gatekeepings?", "Фильтрация?", "Geytkiping?")
    edit(root, "sop/glossary.yaml", "  - id: gatekeeping\n", "  - id: gatekeeping\n    variants: {ru: [фильтрация]}\n")
    assert _only(root, "term-not-used") == []


def test_a_longer_term_wins_over_a_shorter_one_inside_it(root: Path, write_source: WriteSource) -> None:
    edit(
        root,
        "sop/glossary.yaml",
        "terms:\n",
        "terms:\n  - id: gatekeeping_decision\n"
        "    term: {en: gatekeeping decision, ru: решение о помещении, uz: joylashtirish toʻgʻrisidagi qaror}\n"
        "    definition: {en: A decision., ru: Решение., uz: Qaror.}\n",
    )
    ru, uz = "Решение о помещении?", "Joylashtirish toʻgʻrisidagi qaror?"
    form_with_label(write_source, "Gatekeeping-decision?", ru, uz)
    assert _only(root, "term-not-used") == []
    form_with_label(write_source, "Gatekeeping?", ru, uz)
    assert len(_only(root, "term-not-used")) == 2


def test_a_word_the_transliteration_leaves_in_latin_is_named_at_its_uzbek_place(
    root: Path, write_source: WriteSource
) -> None:
    form_with_label(write_source, "In Weblate?", "В Weblate?", "Weblate dasturidami?")
    (found,) = _only(root, "left-in-script")
    assert found.startswith("forms/sample.yaml:16:")
    assert "sections[0].questions[0].label.uz: 'Weblate' would stay in Latin letters in Uzbek (Cyrillic)" in found
    form_with_label(write_source, "In Weblate?", "В Weblate?", "{code:Weblate} dasturidami?")
    project = load_project(root)
    sample = next(form for form in project.localize("uz-Cyrl").forms if form.id == "sample")
    assert sample.sections[0].questions[0].label == "Weblate дастуридами?"


def test_oila_i18n_terms_prints_the_table_of_terms_and_their_places(
    root: Path, write_source: WriteSource, capsys: pytest.CaptureFixture[str]
) -> None:
    form_with_label(write_source, "Gatekeeping done?", "Фильтрация проведена?", "Geytkiping oʻtkazildimi?")
    assert main(["--project", str(root), "i18n", "terms", "--places"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0] == "| term | en | ru | uz | used | not as said (ru) | not as said (uz) |"
    assert "| gatekeeping | gatekeeping | гейткипинг | geytkiping | 1 | 1 | 0 |" in shown
    assert "gatekeeping: forms/sample.yaml#sections.first.questions.consent.label: 'Gatekeeping' (not in ru)" in shown
