"""Printable forms: one A4 Word document per form and language, for workers to print blank and fill by pen."""

from __future__ import annotations

import io

from generator.model.view import FormView, ProjectView
from generator.render import Artifact
from generator.render._form_page import new_document
from generator.render._form_questions import write_body
from generator.write import reproducible_zip


def form_path(language: str, form: FormView) -> str:
    return f"forms/{language}/{form.code}-{form.id}.docx"


def render_forms(project: ProjectView) -> dict[str, Artifact]:
    """`{forms/<lang>/<code>-<id>.docx: bytes}` for every form of the project, in the view's language."""
    files: dict[str, Artifact] = {}
    for form in project.forms:
        document = new_document(form, project.language, project.labels)
        write_body(document, form, project.labels)
        buffer = io.BytesIO()
        document.save(buffer)
        content = reproducible_zip(buffer.getvalue())
        files[form_path(project.language.code, form)] = Artifact(content, form.id, form.version, form.version_date)
    return files
