"""Fillable forms: the same form as Word content controls, one per answer slot, for filling on a computer.

Every control carries its slot's tag and the document records the form id and version (its
`identifier` property), so a filled file always finds its definition again. Controls sit inline in
paragraphs and table cells, which Word and LibreOffice both fill.
"""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from generator.model.labels import LabelId, Labels
from generator.model.slots import HEADER_PREFIX, Slot, SlotKind, question_slots
from generator.model.view import (
    AnyQuestion,
    FormView,
    LanguageView,
    NoteView,
    ProjectView,
    QuestionView,
    RatingView,
    SignatureView,
    TableView,
)
from generator.render import Drawings, PlannedFile, form_file, wordml
from generator.render import house_style as hs
from generator.render._form_page import new_document
from generator.render._form_questions import (
    SIGNATURE_HEADS,
    SIGNATURE_WIDTHS_MM,
    answer_table_widths,
    keep_table_together,
    number_run_text,
    rating_widths,
    write_title_block,
)
from generator.render.hyphenate import hyphenated
from generator.write import reproducible_zip

RATING_CHOICE_MM = 45.0
"""The drop-down of a rated item: wide enough for the longest point of a scale."""

Answers = dict[str, str]
"""Slot tag to answer: text as written, a date as YYYY-MM-DD, a choice's id, `1` for a ticked box."""


def fillable_path(language: str, form: FormView) -> str:
    return f"forms/{language}/{form.code}-{form.id}.fillable.docx"


def fillable_documents(project: ProjectView, diagrams: Drawings) -> list[PlannedFile]:
    """`forms/<lang>/<code>-<id>.fillable.docx` for every form, blank."""
    return [
        form_file(fillable_path(project.language.code, form), fillable_document, form, project, {})
        for form in project.forms
    ]


def fillable_document(form: FormView, language: LanguageView, labels: Labels, answers: Answers) -> bytes:
    """The form with a content control for every slot, holding `answers` where given."""
    document = new_document(form, language, labels)
    wordml.add_placeholder_style(document, hs.PLACEHOLDER_GREY)
    wordml.protect_for_filling(document)
    write_title_block(document, form, labels)
    writer = _ControlWriter(language, labels, answers)
    if form.header:
        details = LabelId.CASE_DETAILS if form.record == "case" else LabelId.STAFF_DETAILS
        document.add_paragraph(labels[details], style="Heading 2")
    for question in form.header:
        writer.question(document, question, HEADER_PREFIX)
    for section in form.sections:
        heading = document.add_paragraph(f"{section.number}. {section.title}", style="Heading 1")
        wordml.shade_paragraph(heading, hs.HEADING_FILL)
        if section.intro:
            document.add_paragraph(section.intro, style="Oila Hint")
        for question in section.questions:
            writer.question(document, question, "")
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


class _ControlWriter:
    def __init__(self, language: LanguageView, labels: Labels, answers: Answers) -> None:
        self.language = language
        self.labels = labels
        self.answers = answers
        self.taken: set[int] = set()

    def question(self, document: Document, question: AnyQuestion, prefix: str) -> None:
        if isinstance(question, NoteView):
            note = document.add_paragraph(question.text)
            wordml.shade_paragraph(note, hs.NOTE_FILL)
            return
        assert isinstance(question, QuestionView)
        label = document.add_paragraph()
        label.paragraph_format.space_before = Pt(6)
        label.paragraph_format.keep_with_next = True
        if question.number:
            label.add_run(number_run_text(question)).bold = True
        label.add_run(f"{question.label}\u00a0*" if question.required else question.label).bold = True
        if question.hint:
            document.add_paragraph(question.hint, style="Oila Hint")
        slots = question_slots(question, self.labels[LabelId.OTHER_SPECIFY], prefix)
        if isinstance(question, TableView | RatingView | SignatureView):
            self._grid(document, question, slots)
            return
        for index, slot in enumerate(slots):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.keep_with_next = index < len(slots) - 1  # a question's boxes stay together
            self.control(paragraph, slot)
            if slot.kind is SlotKind.CHECK:
                paragraph.add_run(f" {slot.choices[0].label}")

    def _grid(self, document: Document, question: TableView | RatingView | SignatureView, slots: list[Slot]) -> None:
        """Controls in the cells of a table: one row per table row, rated item or signer, each column headed.
        A signature table keeps its Signature column, empty, and rows tall enough to sign the printed form."""
        labels = self.labels
        cells: list[list[Slot | None]]
        height = hs.TABLE_ROW_MM
        if isinstance(question, TableView):
            headings = [labels[LabelId.ROW_NUMBER], *(column.label for column in question.columns)]
            widths = answer_table_widths(question)
            cells = [list(slots[i : i + len(question.columns)]) for i in range(0, len(slots), len(question.columns))]
            names = [str(number) for number in range(1, len(cells) + 1)]
        elif isinstance(question, RatingView):
            per_item = 2 if question.comment else 1
            headings = [labels[LabelId.RATED_ITEM], labels[LabelId.CHOOSE_ANSWER]]
            headings += [labels[LabelId.COMMENT]] if question.comment else []
            widths = rating_widths(question, [RATING_CHOICE_MM])
            cells = [list(slots[i : i + per_item]) for i in range(0, len(slots), per_item)]
            names = [item.label for item in question.items]
        else:
            headings = [labels[label] for label in SIGNATURE_HEADS]
            widths = list(SIGNATURE_WIDTHS_MM)
            cells = [[name, position, None, date] for name, position, date in zip(*[iter(slots)] * 3, strict=True)]
            names = [signer.label for signer in question.signers]
            height = hs.SIGNATURE_ROW_MM
        table = document.add_table(rows=len(cells) + 1, cols=len(headings))
        table.style = "Table Grid"
        wordml.fix_table_layout(table, widths)
        wordml.repeat_as_header(table.rows[0])
        wordml.keep_row_whole(table.rows[0])
        for cell, text in zip(wordml.cells(table.rows[0]), headings, strict=True):
            cell.paragraphs[0].add_run(hyphenated(text, self.language.locale)).bold = True
        for row, name, row_slots in zip(table.rows[1:], names, cells, strict=True):
            wordml.keep_row_whole(row)
            wordml.set_row_height(row, height)
            name_cell, *answers = wordml.cells(row)
            name_cell.paragraphs[0].add_run(name)
            for cell, slot in zip(answers, row_slots, strict=True):
                if slot is not None:
                    self.control(cell.paragraphs[0], slot)
        keep_table_together(table)

    def control(self, paragraph: Paragraph, slot: Slot) -> None:
        """The slot's content control, holding its answer if one is given."""
        answer = self.answers.get(slot.tag)
        number = wordml.control_id(slot.tag, self.taken)
        if slot.kind is SlotKind.CHECK:
            ticked = answer == "1"
            shown = wordml.CHECKED if ticked else wordml.UNCHECKED
            wordml.content_control(paragraph, slot.tag, number, wordml.checkbox_control_type(ticked), shown, False)
        elif slot.kind is SlotKind.DATE:
            date = dt.date.fromisoformat(answer) if answer else None
            shown = f"{date:%d.%m.%Y}" if date else self.labels[LabelId.DATE_FORMAT]
            properties = wordml.date_control_type(self.language.locale, answer)
            wordml.content_control(paragraph, slot.tag, number, properties, shown, date is None)
        elif slot.kind is SlotKind.CHOICE:
            by_id = {choice.id: choice.label for choice in slot.choices}
            shown = by_id[answer] if answer in by_id else self.labels[LabelId.CHOOSE_ANSWER]
            items = [(choice.id, choice.label) for choice in slot.choices]
            properties = wordml.dropdown_control_type(items)
            wordml.content_control(paragraph, slot.tag, number, properties, shown, answer not in by_id)
        else:
            shown = answer or self.labels[LabelId.ENTER_TEXT]
            properties = wordml.text_control_type(slot.kind is SlotKind.LONG_TEXT)
            wordml.content_control(paragraph, slot.tag, number, properties, shown, not answer)
