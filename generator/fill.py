"""`oila fill FORM --data case.yaml --lang L --out FILE`: a fillable form with answers already in place.

The inverse of collect: the answers are keyed by slot tag (`full_name`, `reasons=poverty`,
`siblings[1].name`), and collecting the written file gives them back. An answer in words may be written in every
language (`{en: ..., ru: ..., uz: ...}`), as the trainer's worked cases are: the form then takes its language's.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import OilaError, SourceErrors
from generator.load.project import load_project, text_context
from generator.load.source import read_source
from generator.load.validation import validate
from generator.model.case import Answers
from generator.model.filled import answer_problems, answer_texts
from generator.model.labels import LabelId
from generator.model.resolve import Resolver
from generator.model.slots import form_slots
from generator.render.fillable import fillable_document
from generator.write import write_atomic


def fill_form(root: Path, form_name: str, data: Path, language: str, out: Path) -> Path:
    project = load_project(root)
    if language not in project.settings.codes:
        raise OilaError(f"unknown language '{language}'; choose from {', '.join(project.settings.codes)}")
    view = project.localize(language)
    forms = (*view.forms, *view.training.forms) if view.training else view.forms
    form = next((form for form in forms if form_name in (form.id, form.code)), None)
    if form is None:
        known = ", ".join(f"{form.code} ({form.id})" for form in forms)
        raise OilaError(f"unknown form '{form_name}'; forms: {known}")
    document = read_source(data, str(data), "answers keyed by field tag, such as full_name: ...")
    answers = validate(Answers, document, text_context(project.settings)).root
    slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
    problems = list(answer_problems(answers, slots, form.code, document))
    if problems:
        raise SourceErrors(problems)
    texts = answer_texts(answers, slots, Resolver(project.referents, language))
    write_atomic(out, fillable_document(form, view.language, view.labels, texts))
    return out
