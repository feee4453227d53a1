"""The review editions, for NASP's reviewers: the SOP and every printable form with each point NASP must
still confirm as a Word comment where it applies. The clean editions (`sop`, `forms`) carry none of them."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from generator.model.labels import LabelId, Labels
from generator.model.view import FormView, LanguageView, ProjectView, QuestionView
from generator.render import Drawings, PlannedFile, form_file
from generator.render._form_questions import number_run_text
from generator.render.forms import printable_form_file
from generator.render.sop import sop_review_document
from generator.write import reproducible_zip


def review_form_path(language: str, form: FormView) -> str:
    return f"review/{language}/{form.code}-{form.id}-review.docx"


def review_documents(project: ProjectView, diagrams: Drawings) -> list[PlannedFile]:
    """The SOP's review edition, and a review edition of each form that has something for NASP to confirm, made
    from the printable form."""
    documents = [sop_review_document(project, diagrams)]
    for form in project.forms:
        if any(question.to_confirm for question in _questions(form)):
            path = review_form_path(project.language.code, form)
            printable = printable_form_file(project, form)
            documents.append(form_file(path, form_review_document, form, project, base=printable))
    return documents


def form_review_document(printable: bytes, form: FormView, language: LanguageView, labels: Labels) -> bytes:
    """The `printable` form with each `to_confirm` note as a comment on its question's label, and the notes listed
    after the form's last section."""
    document = docx.Document(io.BytesIO(printable))
    noted = [question for question in _questions(form) if question.to_confirm]
    for question in noted:
        _comment_on_label(document, question, labels, form.version_date)
    _list_notes(document, noted, labels)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _questions(form: FormView) -> list[QuestionView]:
    every = [*form.header, *(question for section in form.sections for question in section.questions)]
    return [question for question in every if isinstance(question, QuestionView)]


def _comment_on_label(document: Document, question: QuestionView, labels: Labels, date: dt.date) -> None:
    """The note as a comment on the paragraph that begins with the question's number, dated by the version."""
    opening = number_run_text(question)
    every = (Paragraph(element, document._body) for element in document.element.body.iter(qn("w:p")))
    paragraph = next(p for p in every if p.runs and p.runs[0].text == opening)  # in the body or a table cell
    comment = document.add_comment(paragraph.runs, text=question.to_confirm, author=labels[LabelId.NASP_TO_CONFIRM])
    comment._comment_elm.date = dt.datetime.combine(date, dt.time(), dt.UTC)  # python-docx stamps the clock


def _list_notes(document: Document, noted: list[QuestionView], labels: Labels) -> None:
    document.add_heading(labels[LabelId.REVIEW_ANNEX], level=2)
    for question in noted:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{number_run_text(question)}{question.label}: ").bold = True
        paragraph.add_run(str(question.to_confirm))
