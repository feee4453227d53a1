"""Question numbers, computed once so they are the same in every language: section 4, question 4.2."""

from __future__ import annotations

from generator.model.fields import Note, Question
from generator.model.form import Form


def is_numbered(question: Question) -> bool:
    """Instruction notes are not questions; everything else, signatures included, gets a number."""
    return not isinstance(question, Note)


def question_numbers(form: Form) -> dict[str, str]:
    """`{question id: "4.2"}` for every numbered question, and `{section id: "4"}` for every section."""
    numbers: dict[str, str] = {}
    for section_index, section in enumerate(form.sections, start=1):
        numbers[section.id] = str(section_index)
        counter = 0
        for question in section.questions:
            if is_numbered(question):
                counter += 1
                numbers[question.id] = f"{section_index}.{counter}"
    return numbers
