"""A knowledge test's scores written out: per participant and per question as CSV and XLSX, and a printable
summary (Word, A4) with the averages, a chart of each question's right answers before and after the course, and
each participant's scores. Labelled in the language `oila collect` is asked for."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.shared import Pt, RGBColor
from docx.table import Table

from generator.collect.csv_file import write_csv
from generator.collect.scores import POST, PRE, TestScores
from generator.collect.xlsx import Cell, workbook
from generator.load.check_forms import TEST_MOMENT
from generator.model.labels import LabelId, Labels
from generator.model.view import ChoiceView, LanguageView
from generator.render import house_style as hs
from generator.render import wordml
from generator.render._form_page import new_document
from generator.write import reproducible_zip, write_atomic

BAR = "█"
BLOCKS_AT_FULL = 40
"""How many blocks a bar of 100% is: 40 fit the chart's column of the A4 page."""
PRE_COLOUR = RGBColor(0xA6, 0xA6, 0xA6)
POST_COLOUR = hs.ACCENT


def write_scores(out: Path, scores: TestScores, language: LanguageView, labels: Labels) -> list[str]:
    """`<form id>.scores.csv`, `.questions.csv`, `.scores.xlsx` and `.summary.docx` in `out`; their names."""
    words = _Words.of(scores, labels)
    people = _participant_rows(scores, words)
    questions = _question_rows(scores, words)
    stem = scores.form.id
    write_csv(out / f"{stem}.scores.csv", people)
    write_csv(out / f"{stem}.questions.csv", questions)
    write_atomic(out / f"{stem}.scores.xlsx", workbook({"participants": people, "questions": questions}))
    write_atomic(out / f"{stem}.summary.docx", summary_document(scores, language, labels))
    return [f"{stem}.scores.csv", f"{stem}.questions.csv", f"{stem}.scores.xlsx", f"{stem}.summary.docx"]


@dataclass(frozen=True)
class _Words:
    """The words of the tables' label rows: the test's own words for its moments, and the labels."""

    participant: str
    pre: str
    post: str
    gain: str

    @classmethod
    def of(cls, scores: TestScores, labels: Labels) -> _Words:
        questions = {question.id: question for section in scores.form.sections for question in section.questions}
        moment = questions[TEST_MOMENT]
        moments = {choice.id: choice.label for choice in moment.choices} if isinstance(moment, ChoiceView) else {}
        return cls(
            labels[LabelId.PARTICIPANT],
            moments.get(PRE, PRE),
            moments.get(POST, POST),
            labels[LabelId.GAIN],
        )


def _participant_rows(scores: TestScores, words: _Words) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        ["participant", PRE, POST, "gain"],
        [words.participant, words.pre, words.post, words.gain],
    ]
    for person in scores.participants:
        gain = person.gain
        rows.append([person.participant, person.scores.get(PRE, ""), person.scores.get(POST, ""), _or_empty(gain)])
    return rows


def _question_rows(scores: TestScores, words: _Words) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        ["question", "number", "right_answer", f"{PRE}_right_percent", f"{POST}_right_percent"],
        ["", "", "", words.pre, words.post],
    ]
    for score in scores.questions:
        question = score.question
        pre, post = scores.share_right(score, PRE), scores.share_right(score, POST)
        rows.append([question.id, question.number or "", question.answer or "", _rounded(pre), _rounded(post)])
    return rows


def _or_empty(value: int | None) -> Cell:
    return "" if value is None else value


def _rounded(value: float | None) -> Cell:
    return "" if value is None else round(value, 1)


def summary_document(scores: TestScores, language: LanguageView, labels: Labels) -> bytes:
    """The printable summary: the averages, the chart of each question, and each participant's scores."""
    form = scores.form
    words = _Words.of(scores, labels)
    document = new_document(form, language, labels)
    document.core_properties.identifier = f"{form.id}@{form.version}-summary"  # never taken for a filled test
    title = f"{labels[LabelId.TEST_RESULTS]}: {form.code} {form.title}"
    document.add_paragraph(title, style="Title")
    counted = labels.format(
        LabelId.TESTS_COUNTED,
        pre=str(scores.taken.get(PRE, 0)),
        post=str(scores.taken.get(POST, 0)),
        both=str(scores.both),
    )
    document.add_paragraph(counted)
    _averages(document, scores, words, labels, language)
    document.add_paragraph(labels[LabelId.RIGHT_ANSWERS_SHARE], style="Heading 1")
    _legend(document, words)
    _chart(document, scores)
    document.add_paragraph(labels[LabelId.PARTICIPANTS], style="Heading 1")
    _participants(document, scores, words)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _averages(document: Document, scores: TestScores, words: _Words, labels: Labels, language: LanguageView) -> None:
    pre, post = scores.average(PRE), scores.average(POST)
    gain = post - pre if pre is not None and post is not None else None
    out_of = scores.out_of

    def shown(value: float | None, signed: bool = False) -> str:
        if value is None:
            return "–"
        number = _decimal(value, language, signed)
        return f"{number} / {out_of}" if not signed else number

    table = _table(document, ["", words.pre, words.post, words.gain], 1)
    row = wordml.cells(table.rows[1])
    for cell, text in zip(
        row, (labels[LabelId.AVERAGE_SCORE], shown(pre), shown(post), shown(gain, True)), strict=True
    ):
        cell.text = text
    wordml.fix_table_layout(table, (70, 34, 34, 32))


def _legend(document: Document, words: _Words) -> None:
    paragraph = document.add_paragraph()
    for colour, words_of in ((PRE_COLOUR, words.pre), (POST_COLOUR, words.post)):
        mark = paragraph.add_run(BAR * 2)
        mark.font.color.rgb = colour
        paragraph.add_run(f" {words_of}    ")


def _chart(document: Document, scores: TestScores) -> None:
    """Each question's share of right answers as two bars, before (grey) and after (blue) the course."""
    table = document.add_table(rows=len(scores.questions), cols=2)
    table.style = "Table Grid"
    for score, row in zip(scores.questions, table.rows, strict=True):
        wordml.keep_row_whole(row)
        number, bars = wordml.cells(row)
        number.text = score.question.number or score.question.id
        bars.paragraphs[0].text = ""
        for index, (moment, colour) in enumerate(((PRE, PRE_COLOUR), (POST, POST_COLOUR))):
            share = scores.share_right(score, moment)
            paragraph = bars.paragraphs[0] if index == 0 else bars.add_paragraph()
            blocks = paragraph.add_run(BAR * round((share or 0) * BLOCKS_AT_FULL / 100))
            blocks.font.color.rgb = colour
            blocks.font.size = Pt(8)
            paragraph.add_run(" –" if share is None else f" {share:.0f}%").font.size = Pt(8)
    wordml.fix_table_layout(table, (16, 154))


def _participants(document: Document, scores: TestScores, words: _Words) -> None:
    table = _table(document, [words.participant, words.pre, words.post, words.gain], len(scores.participants))
    for person, row in zip(scores.participants, table.rows[1:], strict=True):
        gain = person.gain
        texts = (
            person.participant,
            str(person.scores.get(PRE, "–")),
            str(person.scores.get(POST, "–")),
            "–" if gain is None else f"{gain:+d}",
        )
        for cell, text in zip(wordml.cells(row), texts, strict=True):
            cell.text = text
    wordml.fix_table_layout(table, (40, 45, 45, 40))


def _table(document: Document, header: list[str], rows: int) -> Table:
    """A grid table with `header` as its first row, shaded and repeated on every page, and `rows` more."""
    table: Table = document.add_table(rows=1 + rows, cols=len(header))
    table.style = "Table Grid"
    wordml.repeat_as_header(table.rows[0])
    for cell, text in zip(wordml.cells(table.rows[0]), header, strict=True):
        cell.text = text
        wordml.shade_cell(cell, hs.LABEL_FILL)
    return table


def _decimal(value: float, language: LanguageView, signed: bool) -> str:
    """`value` to one decimal, with the decimal comma that Russian and Uzbek write."""
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return text if language.locale.startswith("en") else text.replace(".", ",")
