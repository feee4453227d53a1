"""Soft hyphens where the long words of a narrow column may break, in each language's syllables."""

from __future__ import annotations

import io

import docx
import pytest

from generator.model.project import Project
from generator.render.forms import form_path
from generator.render.hyphenate import SOFT_HYPHEN, hyphenated
from tests.render.rendering import rendered


def shown(text: str, locale: str) -> str:
    return hyphenated(text, locale).replace(SOFT_HYPHEN, "-")


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("Мониторинг после устройства", "ru-RU", "Мо-ни-то-ринг после устрой-ства"),
        ("Supervisee", "en-GB", "Su-per-visee"),
        ("joylashtirishdan keyin", "uz-Latn-UZ", "joy-lash-ti-rish-dan keyin"),
        ("oʻqituvchilar", "uz-Latn-UZ", "oʻqi-tuv-chi-lar"),
        ("taʼlimning", "uz-Latn-UZ", "taʼ-lim-ning"),
        ("жойлаштиришдан", "uz-Cyrl-UZ", "жой-лаш-ти-риш-дан"),
        ("Holat bola", "uz-Latn-UZ", "Holat bola"),
    ],
)
def test_long_words_break_only_between_syllables(text: str, locale: str, expected: str) -> None:
    assert shown(text, locale) == expected


def test_a_language_without_rules_is_left_whole() -> None:
    assert hyphenated("Reintegratsiyalashtirish", "tg-TJ") == "Reintegratsiyalashtirish"


@pytest.mark.parametrize(("language", "word"), [("ru", "Мониторинг"), ("uz", "Mustaqil")])
def test_the_narrow_columns_of_a_printed_form_may_break_their_long_words(
    real_project: Project, language: str, word: str
) -> None:
    view = real_project.localize(language)
    form = next(form for form in view.forms if form.id == "supervision-session")
    content = rendered("forms", view)[form_path(language, form)].content
    headers = [cell.text for table in docx.Document(io.BytesIO(content)).tables for cell in table.rows[0].cells]
    broken = [text for text in headers if SOFT_HYPHEN in text]
    assert any(text.replace(SOFT_HYPHEN, "").startswith(word) for text in broken), headers
