"""Checks that span more than one value: ids and codes used twice, references to lists and questions
that do not exist, skips that jump backwards, label placeholders that differ between languages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from generator.errors import Location, Problem
from generator.load.source import SourceDocument
from generator.messages import problem, quoted_list
from generator.model import fields as f
from generator.model.choices import ChoiceList
from generator.model.form import Form, Status
from generator.model.labels import PLACEHOLDERS, LabelId, placeholders_in
from generator.model.text import LocalizedText

FormSource = tuple[Form, SourceDocument]


def file_id_problems(item_id: str, document: SourceDocument) -> Iterator[Problem]:
    """A form or list must be named after its id, so that the file for any id can be found at once."""
    stem = document.file.rsplit("/", 1)[-1].removesuffix(".yaml")
    if item_id != stem:
        yield problem("id-mismatch", document.locate(("id",)), found=item_id, expected=f"{item_id}.yaml")


def check_statuses(
    documents: Iterable[tuple[Mapping[str, Status], SourceDocument]], languages: tuple[str, ...]
) -> Iterator[Problem]:
    """Every document states its review status in every language, and only in the project's languages."""
    for status, document in documents:
        for code in status:
            if code not in languages:
                yield problem(
                    "unknown-language", document.locate(("status", code)), lang=code, allowed=", ".join(languages)
                )
        missing = [code for code in languages if code not in status]
        if missing:
            yield problem(
                "bad-value",
                document.locate(("status",)),
                detail=f"no status for {quoted_list(missing)}; give each language draft, reviewed or approved",
            )


def check_forms(forms: list[FormSource], choice_lists: dict[str, ChoiceList]) -> Iterator[Problem]:
    yield from _unique_across_forms(forms, "id", "form id")
    yield from _unique_across_forms(forms, "code", "form code")
    for form, document in forms:
        yield from _check_form(form, document, choice_lists)


def duplicate_ids(items: Iterable[tuple[Location, str]], what: str) -> Iterator[Problem]:
    """A problem at each repeated value, naming where it was first used."""
    first: dict[str, str] = {}
    for location, value in items:
        if value in first:
            yield problem("duplicate-id", location, what=what, value=value, first=first[value])
        else:
            first[value] = f"{location.file}:{location.line}"


def _unique_across_forms(forms: list[FormSource], key: str, what: str) -> Iterator[Problem]:
    yield from duplicate_ids(((document.locate((key,)), getattr(form, key)) for form, document in forms), what)


def _check_form(form: Form, document: SourceDocument, choice_lists: dict[str, ChoiceList]) -> Iterator[Problem]:
    ids = list(_ids(form))
    yield from duplicate_ids(((document.locate((*path, "id")), item_id) for path, item_id in ids), "id")
    order: dict[str, int] = {}
    for _, item_id in ids:
        order.setdefault(item_id, len(order))
    for path, question in _questions(form):
        for key, source in _choice_sources(question):
            if isinstance(source, str) and source not in choice_lists:
                yield problem(
                    "unknown-choice-list",
                    document.locate((*path, *key)),
                    found=source,
                    allowed=quoted_list(sorted(choice_lists)),
                )
        for index, rule in enumerate(getattr(question, "skip", ())):
            yield from _check_skip(rule, question, (*path, "skip", index), document, order, choice_lists)
    yield from _check_test(form, document, choice_lists)


TEST_PARTICIPANT = "participant"
"""The question of a knowledge test that asks the participant's number, by which `oila collect` pairs tests."""
TEST_MOMENT = "moment"
"""The question of a knowledge test that asks whether it is taken before the course or after."""
MOMENTS = ("pre", "post")


def _check_test(form: Form, document: SourceDocument, choice_lists: dict[str, ChoiceList]) -> Iterator[Problem]:
    """A scored section's questions are single choices, each with an answer among its own; a form with one asks
    which participant fills it and when; no other question has an answer."""
    for path, question in _questions(form):
        scored = form.sections[int(path[1])].scored
        answer = getattr(question, "answer", None)
        if scored and not isinstance(question, f.SingleChoice):
            yield problem("test-question-not-single", document.locate((*path, "type")), found=question.id)
        elif scored and answer is None:
            yield problem("test-question-without-key", document.locate((*path, "id")), found=question.id)
        elif answer is not None and not scored:
            yield problem("answer-outside-test", document.locate((*path, "answer")))
        elif answer is not None:
            answers = _answer_ids(question, choice_lists)
            if answers is not None and answer not in answers:
                yield problem(
                    "unknown-answer", document.locate((*path, "answer")), found=answer, allowed=quoted_list(answers)
                )
    if any(section.scored for section in form.sections):
        questions = {question.id: question for _, question in _questions(form)}
        moment = questions.get(TEST_MOMENT)
        if TEST_PARTICIPANT not in questions or _answer_ids(moment, choice_lists) != list(MOMENTS):
            yield problem("test-without-participant", document.locate(("sections",)))


def _ids(form: Form) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for s_index, section in enumerate(form.sections):
        yield ("sections", s_index), section.id
        for q_index, question in enumerate(section.questions):
            yield ("sections", s_index, "questions", q_index), question.id


def _questions(form: Form) -> Iterator[tuple[tuple[str | int, ...], f.Question]]:
    for s_index, section in enumerate(form.sections):
        for q_index, question in enumerate(section.questions):
            yield ("sections", s_index, "questions", q_index), question


def _choice_sources(question: f.Question) -> Iterator[tuple[tuple[str | int, ...], f.ChoiceSource]]:
    if isinstance(question, f.SingleChoice | f.MultipleChoice):
        yield ("choices",), question.choices
    if isinstance(question, f.Rating):
        yield ("scale",), question.scale
    if isinstance(question, f.Table):
        for index, column in enumerate(question.columns):
            if column.choices is not None:
                yield ("columns", index, "choices"), column.choices


def _check_skip(
    rule: f.Skip,
    question: f.Question,
    path: tuple[str | int, ...],
    document: SourceDocument,
    order: dict[str, int],
    choice_lists: dict[str, ChoiceList],
) -> Iterator[Problem]:
    answers = _answer_ids(question, choice_lists)
    if answers is not None and rule.when not in answers:
        yield problem("unknown-answer", document.locate((*path, "when")), found=rule.when, allowed=quoted_list(answers))
    if rule.go_to not in order:
        yield problem(
            "unknown-skip-target", document.locate((*path, "go_to")), found=rule.go_to, allowed=quoted_list(list(order))
        )
    elif order[rule.go_to] <= order[question.id]:
        yield problem("backward-skip", document.locate((*path, "go_to")), found=rule.go_to)


def _answer_ids(question: f.Question | None, choice_lists: dict[str, ChoiceList]) -> list[str] | None:
    """The answers a skip or a key may name, or None when they come from a list that does not exist."""
    if isinstance(question, f.YesNo):
        return ["yes", "no", "unknown"] if question.unknown else ["yes", "no"]
    if isinstance(question, f.SingleChoice):
        source = question.choices
        if isinstance(source, str):
            return [option.id for option in choice_lists[source].options] if source in choice_lists else None
        return [option.id for option in source]
    return None


def check_labels(labels: dict[LabelId, LocalizedText], document: SourceDocument) -> Iterator[Problem]:
    """Each label keeps its `{placeholders}` in every language, or the renderer cannot fill them."""
    for label, text in labels.items():
        expected = PLACEHOLDERS.get(label, frozenset())
        for language, value in text.root.items():
            found = placeholders_in(value)
            if found != expected:
                yield problem(
                    "placeholder-mismatch",
                    document.locate((label.value, language)),
                    lang=language,
                    found=_names(found),
                    expected=_names(expected),
                )


def _names(names: frozenset[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "none"
