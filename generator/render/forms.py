"""Printable forms: one A4 Word document per form and language, for workers to print blank and fill by pen."""

from __future__ import annotations

import io

from generator.model.labels import Labels
from generator.model.view import FormView, LanguageView, ProjectView
from generator.render import Drawings, PlannedFile, form_file
from generator.render._form_page import new_document
from generator.render._form_questions import write_body
from generator.write import reproducible_zip


def form_path(language: str, form: FormView) -> str:
    return f"forms/{language}/{form.code}-{form.id}.docx"


def form_documents(project: ProjectView, diagrams: Drawings) -> list[PlannedFile]:
    """`forms/<lang>/<code>-<id>.docx` for every form of the project, in the view's language."""
    return [printable_form_file(project, form) for form in project.forms]


def printable_form_file(project: ProjectView, form: FormView) -> PlannedFile:
    return form_file(form_path(project.language.code, form), printable_form, form, project)


def printable_form(form: FormView, language: LanguageView, labels: Labels) -> bytes:
    document = new_document(form, language, labels)
    write_body(document, form, labels)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())
