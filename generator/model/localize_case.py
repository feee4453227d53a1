"""A worked case in one language: its story, each form with its answers written out, and its mistakes as the
facilitator's answer key shows them."""

from __future__ import annotations

from generator.model.case import WorkedCase
from generator.model.filled import answer_texts
from generator.model.labels import LabelId, Labels
from generator.model.resolve import Resolver
from generator.model.slots import Slot, SlotKind, form_slots
from generator.model.text import paragraphs
from generator.model.training_view import CaseView, FilledForm, MistakeView
from generator.model.view import FormView, QuestionView


def localize_case(
    worked: WorkedCase, forms: dict[str, FormView], labels: Labels, resolver: Resolver, plain: Resolver
) -> CaseView:
    """`worked` with its `forms` (by id, in the language); `plain` writes the answers, which a form holds as text,
    and `resolver` the rest."""
    case = worked.case
    other = labels[LabelId.OTHER_SPECIFY]
    filled = {}
    slots: dict[str, dict[str, Slot]] = {}
    for form_id in case.forms:
        form = forms[form_id]
        form_slots_by_tag = {slot.tag: slot for slot in form_slots(form, other)}
        answers = answer_texts(worked.answers[form_id].root, tuple(form_slots_by_tag.values()), plain)
        filled[form_id] = FilledForm(form, tuple(answers.items()))
        slots[form_id] = form_slots_by_tag
    mistakes = []
    for mistake in case.mistakes:
        slot = slots[mistake.form][mistake.field]
        given = dict(filled[mistake.form].answers)[mistake.field]
        mistakes.append(
            MistakeView(
                form=forms[mistake.form].code,
                question=_question(forms[mistake.form], slot, labels[LabelId.ROW_NUMBER]),
                answer=_shown(slot, given),
                explanation=resolver.resolve(mistake.explanation.get(resolver.language)),
            )
        )
    return CaseView(
        id=case.id,
        title=resolver.resolve(case.title.get(resolver.language)),
        summary=paragraphs(resolver.resolve(case.summary.get(resolver.language))),
        forms=tuple(filled.values()),
        mistakes=tuple(mistakes),
    )


def _question(form: FormView, slot: Slot, row_number: str) -> str:
    """The slot's question with its number, where it has one (the case details at the top have none); a table's
    cell with its column and row."""
    questions = {question.id: question for section in form.sections for question in section.questions}
    question = questions.get(slot.table or slot.field.split(".", 1)[0])
    words = slot.label
    if slot.table is not None and isinstance(question, QuestionView):
        words = f"{question.label}: {slot.label}, {row_number} {slot.row}"
    number = getattr(question, "number", None)
    return f"{number} {words}" if number else words


def _shown(slot: Slot, given: str) -> str:
    """An answer as the form shows it: a choice by its words, a ticked box by the answer it stands for."""
    if slot.kind is SlotKind.CHECK:
        return slot.choices[0].label if given == "1" else ""
    names = {choice.id: choice.label for choice in slot.choices}
    return names.get(given, given)
