"""The trainer's kit's forms: the course's own (the knowledge test, the attendance sheet, the evaluation), each
printable, fillable and, for a test, with its answer key; and each worked case's forms, filled in with the case's
answers as `oila fill` fills them."""

from __future__ import annotations

from dataclasses import replace

from generator.model.training_view import CaseView, CourseView
from generator.model.view import FormView, ProjectView
from generator.render import PlannedFile, form_file
from generator.render.fillable import fillable_document
from generator.render.forms import printable_form


def course_form_path(language: str, form: FormView, edition: str = "") -> str:
    """`training/<lang>/<code>-<id>.docx`, or `.<edition>.docx`: `fillable`, or `key` for a test's answer key."""
    return f"training/{language}/{form.code}-{form.id}{f'.{edition}' if edition else ''}.docx"


def case_form_path(language: str, case: CaseView, form: FormView) -> str:
    return f"training/{language}/cases/{case.id}/{form.code}-{form.id}.docx"


def course_form_files(project: ProjectView, course: CourseView) -> list[PlannedFile]:
    """Each form of the course printable (with its PDF) and fillable; a test's answer key, filled with the right
    answers, to print; each worked case's forms, filled, to hand out or open on a computer."""
    language = project.language.code
    files = []
    for form in course.forms:
        files.append(form_file(course_form_path(language, form), printable_form, form, project))
        fillable = form_file(course_form_path(language, form, "fillable"), fillable_document, form, project, {})
        files.append(replace(fillable, printed=False))
        key = form.key()
        if key:
            files.append(form_file(course_form_path(language, form, "key"), fillable_document, form, project, key))
    for case in course.cases:
        for filled in case.forms:
            path = case_form_path(language, case, filled.form)
            made = form_file(path, fillable_document, filled.form, project, dict(filled.answers))
            files.append(replace(made, printed=False))
    return files
