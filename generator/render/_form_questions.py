"""The body of a printed form: title block, case details, then each section and question.

Questions answered on one line (short text, date, number, yes/no) that follow each other share one
two-column table, so their labels and writing lines align; every other kind is a block of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.parts.document import DocumentPart
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from generator.model.labels import LabelId, Labels
from generator.model.view import (
    AnyQuestion,
    Choice,
    ChoiceView,
    DateView,
    FormView,
    NoteView,
    NumberView,
    QuestionView,
    RatingView,
    SectionView,
    SignatureView,
    TableView,
    TextView,
)
from generator.render import house_style as hs
from generator.render import wordml
from generator.render.hyphenate import hyphenated

RULE: wordml.Border = ("single", 4, hs.RULE_COLOUR)
FRAME: wordml.Border = ("single", 4, "404040")
Container = Document | _Cell


def write_body(document: Document, form: FormView, labels: Labels) -> None:
    write_title_block(document, form, labels)
    if form.header:
        details = LabelId.CASE_DETAILS if form.record == "case" else LabelId.STAFF_DETAILS
        _write_case_details(document, labels[details], form.header, labels)
    for section in form.sections:
        _write_section(document, section, labels)


# Title block and case details ---------------------------------------------------------------------


def write_title_block(document: Document, form: FormView, labels: Labels) -> None:
    document.add_paragraph(form.title, style="Title")
    version = labels.format(LabelId.VERSION, version=form.version)
    _muted(document.add_paragraph(), f"{form.code} · {version} · {form.version_date:%d.%m.%Y}")
    if not form.approved:
        banner = document.add_paragraph()
        banner.paragraph_format.space_before = Pt(6)
        banner.paragraph_format.left_indent = Pt(5)
        banner.paragraph_format.right_indent = Pt(5)
        wordml.border_paragraph(
            banner, **dict.fromkeys(("top", "left", "bottom", "right"), ("single", 12, hs.DRAFT_COLOUR))
        )
        run = banner.add_run(f"{labels[LabelId.DRAFT]}. ")
        run.bold = True
        run.font.color.rgb = hs.DRAFT_RED
        banner.add_run(labels[LabelId.DRAFT_NOTICE]).font.color.rgb = hs.DRAFT_RED
    notices = [labels.format(LabelId.OUTDATED_NOTICE, count=str(form.outdated))] if form.outdated else []
    notices += [labels[LabelId.TRANSLITERATION_NOTICE]] if form.transliterated else []
    for text in notices:
        notice = document.add_paragraph()
        notice.paragraph_format.space_before = Pt(4)
        notice.add_run(text).font.color.rgb = hs.DRAFT_RED
    _spacer(document, 6)
    about = document.add_table(rows=3, cols=2)
    wordml.fix_table_layout(about, (35, hs.TEXT_WIDTH_MM - 35))
    _grid(about, FRAME)
    wordml.set_table_cell_margins(about, 1.5, 1.5, 0.5)
    rows = ((LabelId.PURPOSE, form.purpose), (LabelId.FILLED_BY, form.filled_by), (LabelId.TIMING, form.timing))
    for row, (label, text) in zip(about.rows, rows, strict=True):
        name, value = wordml.cells(row)
        wordml.shade_cell(name, hs.LABEL_FILL)
        _small(name.paragraphs[0], labels[label], bold=True)
        _small(value.paragraphs[0], text)
        wordml.keep_row_whole(row)
    if form.instructions:
        document.add_paragraph(labels[LabelId.INSTRUCTIONS], style="Heading 2")
        for text in form.instructions:
            paragraph = document.add_paragraph(text)
            paragraph.paragraph_format.space_after = Pt(3)
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(3)
    _small(note, labels[LabelId.REQUIRED_NOTE]).italic = True


def _write_case_details(document: Document, heading: str, header: Sequence[AnyQuestion], labels: Labels) -> None:
    document.add_paragraph(heading, style="Heading 2")
    questions = [q for q in header if isinstance(q, QuestionView)]
    pairs = [questions[i : i + 2] for i in range(0, len(questions), 2)]
    table = document.add_table(rows=len(pairs), cols=4)
    label_mm, answer_mm = 30, hs.TEXT_WIDTH_MM / 2 - 30
    wordml.fix_table_layout(table, (label_mm, answer_mm, label_mm, answer_mm))
    _grid(table, FRAME)
    wordml.set_table_cell_margins(table, 1.5, 1.5, 0.5)
    for row, pair in zip(table.rows, pairs, strict=True):
        wordml.set_row_height(row, 10)
        wordml.keep_row_whole(row)
        for index, question in enumerate(pair):
            name, answer = wordml.cells(row)[index * 2 : index * 2 + 2]
            wordml.shade_cell(name, hs.LABEL_FILL)
            _small(name.paragraphs[0], _label_text(question), bold=True)
            wordml.align_cell_bottom(answer)
            if isinstance(question, DateView):
                _date_boxes(answer, labels)
    _spacer(document, 4)


# Sections ----------------------------------------------------------------------------------------


def _write_section(document: Document, section: SectionView, labels: Labels) -> None:
    heading = document.add_paragraph(f"{section.number}. {section.title}", style="Heading 1")
    wordml.shade_paragraph(heading, hs.HEADING_FILL)
    if section.new_page:
        heading.paragraph_format.page_break_before = True
    if section.intro:
        intro = document.add_paragraph(section.intro, style="Oila Hint")
        intro.paragraph_format.space_after = Pt(4)
        intro.paragraph_format.keep_with_next = True
    for one_line, group in groupby(section.questions, key=_answered_on_one_line):
        questions = list(group)
        if one_line:
            _write_one_line_questions(document, questions, labels)
        else:
            for question in questions:
                _write_block(document, question, labels)


def _answered_on_one_line(question: AnyQuestion) -> bool:
    if isinstance(question, TextView):
        return question.lines == 1
    if isinstance(question, ChoiceView):
        return question.choices[0].id == "yes" and not question.multiple and len(question.choices) <= 3
    return isinstance(question, DateView | NumberView)


def _write_one_line_questions(document: Document, questions: Sequence[AnyQuestion], labels: Labels) -> None:
    table = document.add_table(rows=len(questions), cols=2)
    wordml.fix_table_layout(table, (hs.LABEL_COLUMN_MM, hs.TEXT_WIDTH_MM - hs.LABEL_COLUMN_MM))
    _grid(table, wordml.NO_BORDER)
    wordml.set_table_cell_margins(table, 0, 1.5, 1)
    for row, question in zip(table.rows, questions, strict=True):
        assert isinstance(question, QuestionView)
        wordml.keep_row_whole(row)
        wordml.set_row_height(row, hs.WRITING_LINE_MM + 1)
        label_cell, answer = wordml.cells(row)
        _write_label(label_cell, question, labels, first_in_cell=True)
        wordml.align_cell_bottom(answer)
        if isinstance(question, ChoiceView):
            _inline_choices(answer.paragraphs[0], question.choices)
            for skip in question.skips:
                _skip_line(answer.add_paragraph(), skip)
            continue
        wordml.set_cell_borders(answer, bottom=RULE)
        if isinstance(question, DateView):
            _date_boxes(answer, labels)
        elif isinstance(question, NumberView) and question.unit:
            answer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _muted(answer.paragraphs[0], question.unit)
    _spacer(document, 4)


def _write_block(document: Document, question: AnyQuestion, labels: Labels) -> None:
    if isinstance(question, NoteView):
        _write_note(document, question)
        return
    suffix = None
    if isinstance(question, ChoiceView):
        suffix = labels[LabelId.TICK_ANY if question.multiple else LabelId.TICK_ONE]
    _write_label(document, question, labels, suffix=suffix)
    if isinstance(question, TextView):
        _writing_lines(document, question.lines)
    elif isinstance(question, ChoiceView):
        _choice_grid(document, question, labels)
    elif isinstance(question, RatingView):
        _rating_table(document, question, labels)
    elif isinstance(question, TableView):
        _answer_table(document, question, labels)
    elif isinstance(question, SignatureView):
        _signature_table(document, question, labels)
    _spacer(document, 4)


# Labels, hints and small pieces -----------------------------------------------------------------


def _label_text(question: QuestionView) -> str:
    """The label, with a required mark that a no-break space keeps from wrapping onto a line of its own."""
    return f"{question.label}\u00a0*" if question.required else question.label


def number_run_text(question: QuestionView) -> str:
    """The run that opens a numbered question's label: its number and the space after it."""
    return f"{question.number}  "


def _write_label(
    container: Container,
    question: QuestionView,
    labels: Labels,
    suffix: str | None = None,
    first_in_cell: bool = False,
) -> None:
    paragraph = container.paragraphs[0] if first_in_cell and isinstance(container, _Cell) else container.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(0 if first_in_cell else 4)
    if question.number:
        number = paragraph.add_run(number_run_text(question))
        number.bold = True
        number.font.color.rgb = hs.ACCENT
    paragraph.add_run(_label_text(question)).bold = True
    if suffix:
        _muted(paragraph, f" ({suffix})")
    if question.hint:
        hint = container.add_paragraph(question.hint, style="Oila Hint")
        hint.paragraph_format.keep_with_next = True
        hint.paragraph_format.space_after = Pt(2)


def _muted(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size = hs.SMALL_SIZE
    run.font.color.rgb = hs.MUTED


def _small(paragraph: Paragraph, text: str, bold: bool = False):  # type: ignore[no-untyped-def]
    run = paragraph.add_run(text)
    run.font.size = hs.SMALL_SIZE
    run.bold = bold
    return run


def _box_run(paragraph: Paragraph) -> None:
    run = paragraph.add_run(hs.BOX)
    run.font.name = hs.SYMBOL_FONT
    run.font.size = hs.BOX_SIZE


def _inline_choices(paragraph: Paragraph, choices: Sequence[Choice]) -> None:
    for index, choice in enumerate(choices):
        if index:
            paragraph.add_run("     ")
        _box_run(paragraph)
        paragraph.add_run(f" {choice.label}")


def _skip_line(paragraph: Paragraph, text: str) -> None:
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(f"→ {text}")
    run.italic = True
    run.font.size = hs.SMALL_SIZE
    run.font.color.rgb = hs.ACCENT


def _date_boxes(cell: _Cell, labels: Labels) -> None:
    """Eight digit boxes, DD.MM.YYYY, with the format in the form's language written small beneath."""
    paragraph = cell.paragraphs[0]
    for group, count in enumerate((2, 2, 4)):
        if group:
            paragraph.add_run(" . ").font.size = hs.BOX_SIZE
        for _ in range(count):
            _box_run(paragraph)
    caption = cell.add_paragraph()
    run = caption.add_run(labels[LabelId.DATE_FORMAT])
    run.font.size = hs.TINY_SIZE
    run.font.color.rgb = hs.MUTED


def _spacer(document: Document, points: float) -> Paragraph:
    """An empty line of `points` height: it also keeps two tables from merging into one."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(points)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run().font.size = Pt(max(1, points - 1))
    return paragraph


def _grid(table: Table, border: wordml.Border) -> None:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    wordml.set_table_borders(table, **dict.fromkeys(sides, border))


def _header_cells(table: Table, texts: Sequence[str]) -> None:
    """The heading row: shaded, repeated on every page, its long words free to break at their syllables."""
    part = table.part
    assert isinstance(part, DocumentPart), "a form's tables are in its body"
    locale = wordml.document_locale(part.document)
    row = table.rows[0]
    wordml.repeat_as_header(row)
    wordml.keep_row_whole(row)
    for cell, text in zip(wordml.cells(row), texts, strict=True):
        wordml.shade_cell(cell, hs.LABEL_FILL)
        wordml.align_cell_bottom(cell)
        _small(cell.paragraphs[0], hyphenated(text, locale), bold=True)


# Blocks ------------------------------------------------------------------------------------------


def _write_note(document: Document, note: NoteView) -> None:
    """A note stays with what follows it: it says something about it, such as a statement before signatures."""
    for index, text in enumerate(part for part in note.text.split("\n\n") if part.strip()):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(4 if index == 0 else 0)
        wordml.shade_paragraph(paragraph, hs.NOTE_FILL)
        wordml.border_paragraph(paragraph, left=("single", 24, "C9A227"))
        _small(paragraph, text.strip())
    _spacer(document, 4).paragraph_format.keep_with_next = True


def _writing_lines(document: Document, count: int) -> None:
    """Ruled lines to write on: paragraphs whose tab runs to the margin over an underscore leader, so that,
    unlike table rows, they stay with their question's label on the same page, in Word and LibreOffice."""
    for index in range(count):
        paragraph = document.add_paragraph()
        layout = paragraph.paragraph_format
        layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        layout.line_spacing = Mm(hs.WRITING_LINE_MM)
        layout.space_before = layout.space_after = Pt(0)
        layout.keep_with_next = index < count - 1
        layout.tab_stops.add_tab_stop(Mm(hs.TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        paragraph.add_run("\t").font.color.rgb = hs.WRITING_RULE


def _columns_for(choices: Sequence[Choice]) -> int:
    longest = max(len(choice.label) for choice in choices)
    if longest > 48:
        return 1
    if longest > 28:
        return 2
    return 3 if longest > 16 else 4


def _choice_grid(document: Document, question: ChoiceView, labels: Labels) -> None:
    columns = _columns_for(question.choices)
    rows = [question.choices[i : i + columns] for i in range(0, len(question.choices), columns)]
    table = document.add_table(rows=len(rows) + (1 if question.other else 0), cols=columns)
    wordml.fix_table_layout(table, [hs.TEXT_WIDTH_MM / columns] * columns)
    _grid(table, wordml.NO_BORDER)
    wordml.set_table_cell_margins(table, 0, 1.5, 0.5)
    for row, choices in zip(table.rows, rows, strict=False):
        wordml.keep_row_whole(row)
        for cell, choice in zip(wordml.cells(row), choices, strict=False):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.left_indent = Pt(14)
            paragraph.paragraph_format.first_line_indent = Pt(-14)
            _box_run(paragraph)
            paragraph.add_run(f" {choice.label}")
    if question.other:
        other = table.rows[-1]
        first, *rest = wordml.cells(other)
        cell = first.merge(rest[-1]) if rest else first
        wordml.set_row_height(other, hs.WRITING_LINE_MM)
        wordml.keep_row_whole(other)
        wordml.align_cell_bottom(cell)
        wordml.set_cell_borders(cell, bottom=RULE)
        _box_run(cell.paragraphs[0])
        cell.paragraphs[0].add_run(f" {labels[LabelId.OTHER_SPECIFY]}:")
    _keep_with_next(table.rows if question.skips else table.rows[:-1])
    for skip in question.skips:
        _skip_line(document.add_paragraph(), skip)


RATING_POINT_MM = 22.0
RATING_COMMENT_MM = 40.0
SIGNATURE_WIDTHS_MM = (36.0, 42.0, 30.0, 34.0, 28.0)
"""Signer, name, position, signature, date: room for a signature and a date in a pen's hand."""
SIGNATURE_HEADS = (LabelId.SIGNER, LabelId.NAME, LabelId.POSITION, LabelId.SIGNATURE, LabelId.DATE)
ROW_NUMBER_MM = 8.0


def rating_widths(question: RatingView, answer_columns_mm: Sequence[float]) -> list[float]:
    """The rated item's column takes what the answer columns and the comment leave of the text width."""
    comment = [RATING_COMMENT_MM] if question.comment else []
    return [hs.TEXT_WIDTH_MM - sum(answer_columns_mm) - sum(comment), *answer_columns_mm, *comment]


def answer_table_widths(question: TableView) -> list[float]:
    """The row number, then each column by its weight."""
    weights = [column.width for column in question.columns]
    unit = (hs.TEXT_WIDTH_MM - ROW_NUMBER_MM) / sum(weights)
    return [ROW_NUMBER_MM, *(weight * unit for weight in weights)]


def _rating_table(document: Document, question: RatingView, labels: Labels) -> None:
    widths = rating_widths(question, [RATING_POINT_MM] * len(question.scale))
    table = document.add_table(rows=len(question.items) + 1, cols=len(widths))
    wordml.fix_table_layout(table, widths)
    _grid(table, RULE)
    wordml.set_table_cell_margins(table, 1, 1, 0.5)
    heads = [labels[LabelId.RATED_ITEM], *(point.label for point in question.scale)]
    heads += [labels[LabelId.COMMENT]] if question.comment else []
    _header_cells(table, heads)
    for cell in wordml.cells(table.rows[0])[1 : 1 + len(question.scale)]:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in cell.paragraphs[0].runs:
            run.font.size = hs.TINY_SIZE
    for row, item in zip(table.rows[1:], question.items, strict=True):
        wordml.keep_row_whole(row)
        wordml.set_row_height(row, 7)
        item_cell, *answers = wordml.cells(row)
        item_cell.paragraphs[0].add_run(item.label)
        for cell in answers[: len(question.scale)]:
            wordml.align_cell_centre(cell)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _box_run(cell.paragraphs[0])
    keep_table_together(table)


def _column_heading(kind: str, label: str, choices: Sequence[Choice], labels: Labels) -> str:
    if kind == "date":
        return f"{label} ({labels[LabelId.DATE_FORMAT]})"
    if choices:
        return f"{label}: {' / '.join(choice.label for choice in choices)}"
    return label


def _answer_table(document: Document, question: TableView, labels: Labels) -> None:
    widths = answer_table_widths(question)
    table = document.add_table(rows=question.rows + 1, cols=len(widths))
    wordml.fix_table_layout(table, widths)
    _grid(table, RULE)
    wordml.set_table_cell_margins(table, 1, 1, 0.5)
    headings = [_column_heading(c.kind, c.label, c.choices, labels) for c in question.columns]
    _header_cells(table, [labels[LabelId.ROW_NUMBER], *headings])
    for number, row in enumerate(table.rows[1:], start=1):
        wordml.keep_row_whole(row)
        wordml.set_row_height(row, hs.TABLE_ROW_MM)
        _muted(wordml.cells(row)[0].paragraphs[0], str(number))
    keep_table_together(table)


def _signature_table(document: Document, question: SignatureView, labels: Labels) -> None:
    table = document.add_table(rows=len(question.signers) + 1, cols=len(SIGNATURE_WIDTHS_MM))
    wordml.fix_table_layout(table, SIGNATURE_WIDTHS_MM)
    _grid(table, RULE)
    wordml.set_table_cell_margins(table, 1, 1, 0.5)
    _header_cells(table, [labels[label] for label in SIGNATURE_HEADS])
    for row, signer in zip(table.rows[1:], question.signers, strict=True):
        wordml.keep_row_whole(row)
        wordml.set_row_height(row, hs.SIGNATURE_ROW_MM)
        signer_cell = wordml.cells(row)[0]
        wordml.align_cell_centre(signer_cell)
        _small(signer_cell.paragraphs[0], signer.label)
    _keep_with_next(table.rows[:-1])


def keep_table_together(table: Table) -> None:
    """A short table on one page; a long one with at least its header and first rows on the page it starts on."""
    rows = table.rows
    _keep_with_next(rows[:-1] if len(rows) <= hs.TABLE_KEPT_WHOLE_ROWS else rows[: hs.ROWS_KEPT_WITH_HEADER])


def _keep_with_next(rows: Sequence[_Row]) -> None:
    """Each of `rows` stays on the page of what follows it: a signature block or the answers before a skip
    are never split from the rest."""
    for row in rows:
        for cell in wordml.cells(row):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
