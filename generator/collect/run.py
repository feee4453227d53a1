"""`oila collect FILES_OR_FOLDERS --out DIR`: every filled form into one table per form, and a report.

Files are read on every core; each is matched to its form by the identifier the fillable form
carries. The submissions exported from ODK Central or KoboToolbox for a form's XLSForm (`generator.collect.exports`)
go into the same tables, a row each. A file that cannot be read is rejected with its reason and the others are still
collected. Outputs: `<form id>.csv` and `.xlsx` (one row per filled form, its file and its channel first: `Word`,
`ODK Central` or `KoboToolbox`; table questions in sheets and CSV files of their own, keyed by file and row) and
`report.csv` (one line per problem or rejected file, never an answer). A knowledge
test of the trainer's kit is scored too: `<form id>.scores.csv`, `.questions.csv`, `.scores.xlsx` and a printable
`.summary.docx` (see `generator.collect.scores`).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.collect.csv_file import write_csv
from generator.collect.docx_reader import Rejected, read_filled
from generator.collect.exports import EXPORTS, Export, ExportForm, TableRows, read_export
from generator.collect.matching import Answers, field_columns, match_controls, read_answers, table_columns
from generator.collect.scores import score_tests
from generator.collect.scores_report import write_scores
from generator.collect.xlsx import workbook
from generator.errors import OilaError
from generator.load.project import load_project
from generator.model.labels import LabelId
from generator.model.slots import Slot, form_slots
from generator.model.view import FormView, ProjectView
from generator.render.xlsform import Edition, xlsform_fields
from generator.write import write_atomic

REPORT = "report.csv"
CHUNK = 8
"""Files a worker takes at a time: few enough that no core waits long for the other at the end."""


@dataclass
class CollectSummary:
    files: int = 0
    rejected: int = 0
    problems: int = 0
    per_form: dict[str, int] = field(default_factory=dict)
    scored: dict[str, list[str]] = field(default_factory=dict)
    """The files of scores written for each knowledge test collected, by its form id."""


WORD = "Word"


@dataclass
class _FormTable:
    form: FormView
    slots: tuple[Slot, ...]
    rows: list[tuple[str, Answers]] = field(default_factory=list)
    channels: dict[str, str] = field(default_factory=dict)
    """The channel of each row not filled in Word, by its name."""


def collect(
    root: Path, inputs: Sequence[Path], out: Path, language: str, progress: Callable[[str], None]
) -> CollectSummary:
    if out.exists() and not out.is_dir():
        raise OilaError(f"{out}: a file of that name exists; --out names the folder the tables are written to")
    project = load_project(root)
    if language not in project.settings.codes:
        raise OilaError(f"unknown language '{language}'; choose from {', '.join(project.settings.codes)}")
    view = project.localize(language)
    other = view.labels[LabelId.OTHER_SPECIFY]
    forms = (*view.forms, *view.training.forms) if view.training else view.forms
    tables = {form.id: _FormTable(form, form_slots(form, other)) for form in forms}
    prompt_labels = (LabelId.ENTER_TEXT, LabelId.CHOOSE_ANSWER, LabelId.DATE_FORMAT)
    prompts = frozenset(project.labels[label].get(code) for label in prompt_labels for code in project.settings.codes)
    named, repeated = expand(inputs)
    files = [path for path in named if path.suffix.lower() not in EXPORTS]
    exports = [path for path in named if path.suffix.lower() in EXPORTS]
    progress(f"reading {len(named)} files")
    summary = CollectSummary(files=len(named))
    report: list[tuple[str, str, str]] = [
        (str(path), "", f"the same file as {first}; read once") for path, first in repeated
    ]
    workers = max(1, min(os.cpu_count() or 1, 8))
    definitions = {form_id: (table.form.version, table.slots) for form_id, table in tables.items()}
    gc.freeze()  # the workers share the loaded project's memory instead of copying what the collector touches
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(definitions, prompts)) as pool:
        for path, (form_id, outcome) in zip(files, pool.map(_collect_one, files, chunksize=CHUNK), strict=True):
            name = str(path)
            if isinstance(outcome, str):
                summary.rejected += 1
                report.append((name, form_id, f"rejected: {outcome}"))
                continue
            tables[form_id].rows.append((name, outcome))
            report.extend((name, form_id, problem) for problem in outcome.problems)
            summary.problems += len(outcome.problems)
    export_forms = [_export_form(view, table) for table in tables.values()]
    for path in exports:
        export = _read_export(path, export_forms)
        if export is None:
            continue
        if isinstance(export, str):
            summary.rejected += 1
            report.append((str(path), "", f"rejected: {export}"))
            continue
        table = tables[export.form_id]
        for submission in export.submissions:
            table.rows.append((submission.name, submission.answers))
            table.channels[submission.name] = export.channel
            report.extend((submission.name, export.form_id, problem) for problem in submission.answers.problems)
            summary.problems += len(submission.answers.problems)
    for form_id, table in tables.items():
        if table.rows:
            summary.per_form[form_id] = len(table.rows)
            _write_form(out, table)
            if table.form.key():
                scores = score_tests(table.form, table.rows)
                report.extend((name, form_id, problem) for name, problem in scores.problems)
                summary.scored[form_id] = write_scores(out, scores, view.language, view.labels)
    write_csv(out / REPORT, [("file", "form", "problem"), *report])
    return summary


def _read_export(path: Path, forms: list[ExportForm]) -> Export | str | None:
    """The submissions of an export, or why it is rejected; None for a file of a table's rows, read with the file of
    its submissions. Whatever happens to one file, the others are read."""
    try:
        return read_export(path, forms)
    except TableRows:
        return None
    except Rejected as rejection:
        return str(rejection)
    except Exception as error:  # a hostile file must never stop the others
        return f"could not be read ({type(error).__name__}); the file is damaged or not an export of submissions"


def _export_form(view: ProjectView, table: _FormTable) -> ExportForm:
    fields = tuple(xlsform_fields(Edition(view.language, table.form, view.labels)))
    return ExportForm(table.form.id, table.form.version, table.slots, fields)


def expand(inputs: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """The files named (filled forms and exports of submissions), and the .docx files inside the folders named, in a
    stable order, Word's lock files skipped; and each file named again (by another path, or through a link) with the
    path it was first named by."""
    named: list[Path] = []
    for item in inputs:
        if item.is_dir():
            named.extend(sorted(path for path in item.rglob("*.docx") if not path.name.startswith("~$")))
        elif item.exists() or item.is_symlink():
            named.append(item)
        else:
            raise OilaError(f"{item}: no such file or folder")
    found: list[Path] = []
    first: dict[tuple[int, int] | str, Path] = {}
    repeated: list[tuple[Path, Path]] = []
    for path in named:
        identity = _identity(path)
        if identity in first:
            repeated.append((path, first[identity]))
        else:
            first[identity] = path
            found.append(path)
    return found, repeated


def _identity(path: Path) -> tuple[int, int] | str:
    """What makes two names the same file: its device and inode, or its name when it cannot be looked at."""
    try:
        status = path.stat()
    except OSError:
        return str(path)
    return status.st_dev, status.st_ino


_definitions: dict[str, tuple[str, tuple[Slot, ...]]] = {}
_prompts: frozenset[str] = frozenset()


def _start_worker(definitions: dict[str, tuple[str, tuple[Slot, ...]]], prompts: frozenset[str]) -> None:
    """Each worker process receives the forms' slots once, not with every file."""
    global _definitions, _prompts
    _definitions, _prompts = definitions, prompts


def _collect_one(path: Path) -> tuple[str, Answers | str]:
    """One file's form id and answers, or the reason it was rejected; runs in a worker process. Whatever happens
    to one file, the others are read: an error no check foresaw rejects this file and names its kind only."""
    try:
        return _read_one(path)
    except Exception as error:  # a hostile file must never stop the others
        return "", f"could not be read ({type(error).__name__}); the file is damaged or not a filled form"


def _read_one(path: Path) -> tuple[str, Answers | str]:
    try:
        document = read_filled(path)
    except Rejected as rejection:
        return "", str(rejection)
    form_id, _, version = document.identifier.partition("@")
    if form_id not in _definitions:
        return "", "not a fillable form of this project (its form id is unknown)"
    current, slots = _definitions[form_id]
    try:
        answers = read_answers(match_controls(document, slots), slots, _prompts)
    except Rejected as rejection:
        return form_id, str(rejection)
    if document.legacy_fields:
        answers.problems.append("holds legacy form fields, which are not read; use Oila's fillable form")
    if version != current:
        answers.problems.append(f"filled on version {version or '?'} of the form; this is {current}")
    return form_id, answers


def _write_form(out: Path, table: _FormTable) -> None:
    columns = field_columns(table.slots)
    header = ["file", "channel", *(column for column, _ in columns)]
    labels = ["", "", *(label for _, label in columns)]
    rows = [
        [name, table.channels.get(name, WORD), *(answers.fields.get(column, "") for column, _ in columns)]
        for name, answers in table.rows
    ]
    sheets: dict[str, list[list[str]]] = {"answers": [header, labels, *rows]}
    for question, question_columns in table_columns(table.slots).items():
        sub_header = ["file", "row", *(column for column, _ in question_columns)]
        sub_labels = ["", "", *(label for _, label in question_columns)]
        sub_rows = [
            [name, str(row), *(cells.get(column, "") for column, _ in question_columns)]
            for name, answers in table.rows
            for row, cells in sorted(answers.tables.get(question, {}).items())
        ]
        sheets[question] = [sub_header, sub_labels, *sub_rows]
        write_csv(out / f"{table.form.id}.{question}.csv", sheets[question])
    write_csv(out / f"{table.form.id}.csv", sheets["answers"])
    write_atomic(out / f"{table.form.id}.xlsx", workbook(sheets))
