"""`build/xlsform/<code>-<id>.xlsx`: each form as an XLSForm for ODK Collect and KoboToolbox, every language in one
file.

The `survey` sheet holds the form's header and its sections as groups, in the order of the paper form, each
question numbered as on paper; the `choices` sheet holds each list of answers once; the `settings` sheet the form's
id, version and default language. Each language has its own `label::` and `hint::` columns, named as ODK names a
language: `label::Russian (ru)`.

A field's name is the column `oila collect` gives it (`generator.model.slots`): `header.child_code`,
`reasons`, `risks.housing`, a table's column id inside its repeat. So a tablet's submissions and the Word forms
filled in an office go into one table. A hidden field `form_version` carries the form's version into every
submission, so that `oila collect` can tell which version was filled.

Every kind of question has a counterpart, so none is dropped or changed into another: a long answer is a multi-line
text; a whole number is an integer no less than 0; a rating is a group of single choices on its scale, one an item;
a table is a repeat, a row each (as many as the worker adds; paper gives a fixed number); a signature block is, for
each signer, a name, a position, a signature drawn on the screen and a date; "Other (specify)" is an answer of the
list with a text that shows when it is chosen. Skip logic becomes `relevant`: the questions and sections a rule
skips are shown only when its answer is not chosen. A form that NASP has not approved in a language opens, in that
language, with the draft notice the printed form and the site show.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from generator.collect.xlsx import workbook
from generator.model.labels import LabelId, Labels
from generator.model.slots import HEADER_PREFIX, OTHER
from generator.model.view import (
    AnyQuestion,
    Choice,
    ChoiceView,
    DateView,
    FormView,
    LanguageView,
    NoteView,
    NumberView,
    ProjectView,
    QuestionView,
    RatingView,
    SectionView,
    SignatureView,
    TableView,
    TextView,
)
from generator.render import XLSFORM, PlannedFile

VERSION_FIELD = "form_version"
"""The hidden field that carries the form's version into each submission."""
HEADER_GROUP = "header"
DRAFT_NOTE = "draft"
"""The note a form not yet approved opens with, as the printed form and the site say it."""
SIGNATURE_PARTS = (
    ("name", "text", LabelId.NAME),
    ("position", "text", LabelId.POSITION),
    ("signature", "image", LabelId.SIGNATURE),
    ("date", "date", LabelId.DATE),
)
"""Each signer's fields: the name `oila collect` reads, the XLSForm type, and the words of its label."""
SIGNATURE_DRAWN = {"appearance": "signature", "parameters": "max-pixels=1024"}
"""A signature drawn on the screen, kept small enough to send over a slow connection."""

Row = dict[str, str]


@dataclass(frozen=True)
class Edition:
    """One form in one language, with the words around it."""

    language: LanguageView
    form: FormView
    labels: Labels

    @property
    def column(self) -> str:
        """How ODK names the language in a column's header: `English (en)`, `Uzbek, Cyrillic (uz)`. The code in
        brackets is the language's alone, without its script: ODK reads it as an IANA language subtag."""
        name = self.language.english_name.replace(" (", ", ").replace(")", "")
        return f"{name} ({self.language.code.split('-')[0]})"


def xlsform_documents(views: tuple[ProjectView, ...]) -> list[PlannedFile]:
    """One XLSForm a form, each holding the form in every language of `views` (the first is the default)."""
    first = views[0]
    files = []
    for index, form in enumerate(first.forms):
        editions = tuple(Edition(view.language, view.forms[index], view.labels) for view in views)
        files.append(PlannedFile(xlsform_path(form), xlsform, (editions,), form.id, form.version, form.version_date))
    return files


def xlsform_path(form: FormView) -> str:
    """Where the build puts `form`'s XLSForm: one file for every language."""
    return f"{XLSFORM}/{form.code}-{form.id}.xlsx"


def xlsform(editions: tuple[Edition, ...]) -> bytes:
    """The XLSForm of one form, in the language of each of `editions`."""
    return workbook(_Sheets(editions).sheets())


@dataclass(frozen=True)
class Field:
    """A field of an XLSForm as submissions hold it: its name, the groups around it (outermost first), the table
    question whose repeat holds it, and its XLSForm type."""

    name: str
    groups: tuple[str, ...]
    repeat: str | None
    kind: str

    @property
    def read(self) -> bool:
        """Whether a submission holds a value of it to read: an answer, or the version; a note's column is empty."""
        return self.kind != "note"


def xlsform_fields(edition: Edition) -> list[Field]:
    """Every field of the XLSForm of `edition`'s form, in the order of the form."""
    fields: list[Field] = []
    groups: list[tuple[str, str]] = []
    for row in _Sheets((edition,)).survey:
        kind = row["type"]
        if kind.startswith("begin_"):
            groups.append((kind, row["name"]))
        elif kind.startswith("end_"):
            groups.pop()
        else:
            repeats = [name for opened, name in groups if opened == "begin_repeat"]
            names = tuple(name for _, name in groups)
            fields.append(Field(row["name"], names, repeats[-1] if repeats else None, kind.split(" ")[0]))
    return fields


class _Sheets:
    """The sheets of one XLSForm, built question by question. A question is handled as the tuple of itself in each
    language (`same`), whose texts fill the language columns side by side."""

    def __init__(self, editions: tuple[Edition, ...]) -> None:
        self.editions = editions
        self.form = editions[0].form
        self.survey: list[Row] = []
        self.choices: list[Row] = []
        self.lists: dict[tuple[tuple[str, ...], ...], str] = {}
        """Each list of answers already written, by its ids and its labels in every language, to its name."""
        self.skipped = _skipped(self.form)
        self._fill()

    def sheets(self) -> dict[str, list[list[str]]]:
        return {
            "survey": _table(self._columns(["type", "name"], ["label", "hint"], _SURVEY_EXTRA), self.survey),
            "choices": _table(self._columns(["list_name", "name"], ["label"], []), self.choices),
            "settings": _table(list(_SETTINGS), [self._settings()]),
        }

    def _fill(self) -> None:
        """The rows of the `survey` and `choices` sheets, in the order of the form."""
        self.survey.append({"type": "calculate", "name": VERSION_FIELD, "calculation": f"'{self.form.version}'"})
        drafts = [_draft(edition) for edition in self.editions]
        if any(drafts):
            self._note(DRAFT_NOTE, drafts)
        if self.form.header:
            case_details = self._words([edition.labels[LabelId.CASE_DETAILS] for edition in self.editions])
            self._begin("group", HEADER_GROUP, case_details, "field-list")
            for same in zip(*(edition.form.header for edition in self.editions), strict=True):
                self._question(same, HEADER_PREFIX)
            self._end("group")
        for sections in zip(*(edition.form.sections for edition in self.editions), strict=True):
            section = sections[0]
            title = self._words([f"{each.number}. {each.title}" for each in sections])
            self._begin("group", section.id, title, relevant=self.skipped.get(section.id, ""))
            if section.intro:
                self._note(f"{section.id}.intro", [each.intro or "" for each in sections])
            for same in zip(*(each.questions for each in sections), strict=True):
                self._question(same, "")
            self._end("group")

    def _settings(self) -> Row:
        values = (
            f"{self.form.code} {self.form.title}",
            self.form.id,
            self.form.version,
            self.editions[0].column,
            "pages",
        )
        return dict(zip(_SETTINGS, values, strict=True))

    def _columns(self, first: list[str], localized: list[str], last: list[str]) -> list[str]:
        return first + [f"{name}::{edition.column}" for name in localized for edition in self.editions] + last

    def _words(self, texts: list[str], column: str = "label") -> Row:
        """`texts`, one a language, as the language columns named `column`; none when every text is empty."""
        if not any(texts):
            return {}
        return {f"{column}::{edition.column}": text for edition, text in zip(self.editions, texts, strict=True)}

    def _begin(self, kind: str, name: str, label: Row, appearance: str = "", relevant: str = "") -> None:
        self.survey.append(
            {"type": f"begin_{kind}", "name": name, **label, "appearance": appearance, "relevant": relevant}
        )

    def _end(self, kind: str) -> None:
        self.survey.append({"type": f"end_{kind}"})

    def _note(self, name: str, texts: list[str], relevant: str = "") -> None:
        self.survey.append({"type": "note", "name": name, **self._words(texts), "relevant": relevant})

    def _question(self, same: tuple[AnyQuestion, ...], prefix: str) -> None:
        """The rows of one question, given as itself in each language."""
        question = same[0]
        relevant = self.skipped.get(question.id, "")
        if isinstance(question, NoteView):
            self._note(question.id, [_of(NoteView, each).text for each in same], relevant)
            return
        asked = [_of(QuestionView, each) for each in same]
        name = prefix + question.id
        label = self._words([_numbered(each) for each in asked])
        hint = self._words([each.hint or "" for each in asked], "hint")
        required = "yes" if question.required else ""
        common = {"name": name, **label, **hint, "required": required, "relevant": relevant}
        if isinstance(question, TextView):
            self.survey.append({"type": "text", **common, "appearance": "multiline" if question.lines > 1 else ""})
        elif isinstance(question, DateView):
            self.survey.append({"type": "date", **common})
        elif isinstance(question, NumberView):
            self.survey.append({"type": "integer", **common, "constraint": ". >= 0"})
        elif isinstance(question, ChoiceView):
            self._choice([_of(ChoiceView, each) for each in same], common)
        elif isinstance(question, RatingView):
            self._begin("group", name, {**label, **hint}, "field-list", relevant)
            self._rating([_of(RatingView, each) for each in same], name)
            self._end("group")
        elif isinstance(question, TableView):
            self._begin("repeat", name, label, relevant=relevant)
            if hint:
                self._note(f"{name}.hint", [each.hint or "" for each in asked])
            self._repeat([_of(TableView, each) for each in same])
            self._end("repeat")
        elif isinstance(question, SignatureView):
            self._begin("group", name, label, "field-list", relevant)
            self._signature([_of(SignatureView, each) for each in same], name)
            self._end("group")
        else:
            raise AssertionError(f"no XLSForm rows for {type(question).__name__}")

    def _choice(self, same: list[ChoiceView], common: Row) -> None:
        name = common["name"]
        kind = "select_multiple" if same[0].multiple else "select_one"
        others = [edition.labels[LabelId.OTHER_SPECIFY] for edition in self.editions]
        offered = [
            (*each.choices, Choice(OTHER, other)) if each.other else each.choices
            for each, other in zip(same, others, strict=True)
        ]
        self.survey.append({"type": f"{kind} {self._list(name, offered)}", **common})
        if same[0].other:
            other = self._words(others)
            relevant = f"selected(${{{name}}}, '{OTHER}')"
            self.survey.append({"type": "text", "name": f"{name}.{OTHER}", **other, "relevant": relevant})

    def _rating(self, same: list[RatingView], name: str) -> None:
        scale = self._list(name, [each.scale for each in same])
        required = "yes" if same[0].required else ""
        for index, item in enumerate(same[0].items):
            words = self._words([each.items[index].label for each in same])
            row = {"type": f"select_one {scale}", "name": f"{name}.{item.id}", **words, "required": required}
            self.survey.append({**row, "appearance": "likert"})
            if same[0].comment:
                texts = [f"{each.items[index].label}: {e.labels[LabelId.COMMENT]}" for each, e in self._paired(same)]
                self.survey.append({"type": "text", "name": f"{name}.{item.id}.comment", **self._words(texts)})

    def _repeat(self, same: list[TableView]) -> None:
        for index, column in enumerate(same[0].columns):
            words = self._words([each.columns[index].label for each in same])
            if column.choices:
                kind = f"select_one {self._list(column.id, [each.columns[index].choices for each in same])}"
            else:
                kind = _COLUMN_TYPES.get(column.kind, "text")
            self.survey.append({"type": kind, "name": column.id, **words})

    def _signature(self, same: list[SignatureView], name: str) -> None:
        for index, signer in enumerate(same[0].signers):
            for part, kind, part_label in SIGNATURE_PARTS:
                texts = [f"{each.signers[index].label}: {e.labels[part_label]}" for each, e in self._paired(same)]
                row = {"type": kind, "name": f"{name}.{signer.id}.{part}", **self._words(texts)}
                self.survey.append({**row, **SIGNATURE_DRAWN} if kind == "image" else row)

    def _paired(self, same: list[Shown]) -> list[tuple[Shown, Edition]]:
        """Each of `same` with the edition of its language."""
        return list(zip(same, self.editions, strict=True))

    def _list(self, name: str, same: list[tuple[Choice, ...]]) -> str:
        """The name of the list of answers `same` (in each language): the list written for the first question that
        offers it, else a new one named after this question (`name`)."""
        shape = (tuple(choice.id for choice in same[0]), *(tuple(choice.label for choice in each) for each in same))
        if shape not in self.lists:
            ids = [choice.id for choice in same[0]]
            list_name = "_".join(ids) if ids[:2] == ["yes", "no"] else name.replace(".", "_")
            self.lists[shape] = list_name
            for index, choice in enumerate(same[0]):
                words = self._words([each[index].label for each in same])
                self.choices.append({"list_name": list_name, "name": choice.id, **words})
        return self.lists[shape]


_SURVEY_EXTRA = ["required", "relevant", "appearance", "parameters", "constraint", "calculation"]
_SETTINGS = ("form_title", "form_id", "version", "default_language", "style")
_COLUMN_TYPES = {"date": "date", "number": "integer"}
"""A table column's XLSForm type by its kind; text for the others, and a list for those with answers."""
Shown = TypeVar("Shown")


def _of(kind: type[Shown], question: object) -> Shown:
    """`question` as the `kind` it is in every language."""
    assert isinstance(question, kind), "a form has the same questions in every language"
    return question


def _draft(edition: Edition) -> str:
    """What the form says first in a language whose version NASP has not approved: that it is a draft."""
    if edition.form.approved:
        return ""
    return f"{edition.labels[LabelId.DRAFT]}. {edition.labels[LabelId.DRAFT_NOTICE]}"


def _numbered(question: QuestionView) -> str:
    """A question's label as on paper: its number first, and a number's unit after it."""
    label = f"{question.number} {question.label}" if question.number else question.label
    return f"{label} ({question.unit})" if isinstance(question, NumberView) and question.unit else label


def _table(header: list[str], rows: list[Row]) -> list[list[str]]:
    return [header, *([row.get(column, "") for column in header] for row in rows)]


def _skipped(form: FormView) -> dict[str, str]:
    """`{section or question id: relevant expression}` for everything a skip rule of `form` can pass over: a whole
    section as one group, else each question. Several rules over one place must all let it be shown."""
    places = list(_places(form))
    conditions: dict[str, list[str]] = {}
    for at, (_, question) in enumerate(places):
        if not isinstance(question, ChoiceView):
            continue
        for answer, target in question.skip_to:
            condition = f"${{{question.id}}} != '{answer}'"
            end = next(i for i, (section, q) in enumerate(places) if target in (q.id, section.id) and i > at)
            passed = places[at + 1 : end]
            whole = {section.id for section, _ in passed} - {section.id for section, _ in places[: at + 1]}
            whole -= {section.id for section, _ in places[end:]}
            for section, passed_question in passed:
                place = section.id if section.id in whole else passed_question.id
                if condition not in conditions.setdefault(place, []):
                    conditions[place].append(condition)
    return {place: " and ".join(found) for place, found in conditions.items()}


def _places(form: FormView) -> Iterator[tuple[SectionView, AnyQuestion]]:
    for section in form.sections:
        for question in section.questions:
            yield section, question
