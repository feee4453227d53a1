"""The language view renderers see: plain strings, paragraphs as authors meant them."""

from __future__ import annotations

from generator.model.labels import LabelId
from generator.model.localize import paragraphs
from generator.model.project import Project


def test_a_line_break_inside_a_paragraph_is_a_space() -> None:
    text = "Refer to children by case number\nonly.\n\nNever write a name.\n"
    assert paragraphs(text) == ("Refer to children by case number only.", "Never write a name.")


def test_every_text_of_a_form_is_in_the_chosen_language(every_type_project: Project) -> None:
    view = every_type_project.localize("uz")
    form = view.forms[0]
    assert form.title == "Barcha savol turlari"
    assert form.instructions == ("Koʻrsatmaning birinchi xatboshisi.", "Ikkinchi xatboshi.")
    assert [section.title for section in form.sections] == ["Oddiy javoblar", "Taʼlim", "Xavotirlar"]
    assert view.labels[LabelId.NO] == "Yoʻq"
