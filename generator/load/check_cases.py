"""Checks of the trainer's worked cases: each case answers the forms it lists and no other, each answer is one of
its field's, and each mistake is an answer the case gives."""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Problem
from generator.load.check_sop import known
from generator.load.source import SourceDocument
from generator.messages import problem
from generator.model.case import Answers, Case
from generator.model.filled import answer_problems
from generator.model.slots import form_slots
from generator.model.view import FormView

CaseSource = tuple[Case, SourceDocument]
AnswersSources = dict[str, tuple[Answers, SourceDocument]]
"""A case's files of answers, by the id of the form each answers."""


def check_case(case: CaseSource, answers: AnswersSources, form_ids: list[str]) -> Iterator[Problem]:
    """The case's forms exist and are answered, its files of answers are to forms it lists, and its mistakes are
    answers it gives."""
    model, document = case
    forms = [(("forms", index), form_id) for index, form_id in enumerate(model.forms)]
    yield from known(forms, form_ids, "unknown-form", document)
    for path, form_id in forms:
        if form_id in form_ids and form_id not in answers:
            yield problem("case-form-unanswered", document.locate(path), found=form_id)
    for form_id, (_, answers_document) in answers.items():
        if form_id not in model.forms:
            yield problem("case-answers-unlisted", answers_document.locate(()), found=form_id)
    for index, mistake in enumerate(model.mistakes):
        given = answers.get(mistake.form)
        if given is not None and mistake.field not in given[0].root:
            where = document.locate(("mistakes", index, "field"))
            yield problem("mistake-not-answered", where, found=mistake.field, form=mistake.form)
        elif mistake.form not in model.forms:
            yield from known([(("mistakes", index, "form"), mistake.form)], list(model.forms), "unknown-form", document)


def check_answers(answers: AnswersSources, forms: dict[str, FormView], other: str) -> Iterator[Problem]:
    """Each answer is to a field of its form (`forms`, in the source language, by id) and one of its answers;
    `other` names "Other (specify)" in that language."""
    for form_id, (given, document) in answers.items():
        form = forms.get(form_id)
        if form is not None:
            slots = form_slots(form, other)
            yield from answer_problems(given.root, slots, form.code, document)
