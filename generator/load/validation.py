"""Validating source data against the model, with pydantic's errors turned into Oila's messages.

pydantic reports where a problem is as a path through the model (`sections.2.questions.5.text.label`),
including the names of union branches. Here that path is matched against the data that was read, so
the message points at the line and column in the file and speaks of keys the author actually wrote.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import PathPart, Problem, SourceErrors
from generator.load.source import SourceDocument
from generator.messages import CATALOGUE, problem, quoted_list
from generator.model.base import ChoiceId, Identifier, Slug
from generator.model.case import ANSWER_KINDS
from generator.model.fields import QUESTION_TYPES
from generator.model.form import FormCode, Version
from generator.model.text import TextContext

ModelT = TypeVar("ModelT", bound=BaseModel)


def _pattern_of(annotated: Any) -> str:
    return str(next(meta.pattern for meta in typing.get_args(annotated)[1:] if hasattr(meta, "pattern")))


PATTERN_HELP: dict[str, str] = {
    _pattern_of(Identifier): "use lower-case letters, digits and '_', starting with a letter (such as family_contact)",
    _pattern_of(ChoiceId): "use lower-case letters, digits, '_' and '-' (such as high or not_enrolled)",
    _pattern_of(Slug): "use lower-case words joined by '-' (such as child-needs-assessment)",
    _pattern_of(FormCode): "use capital letters, '-' and two or three digits (such as F-01)",
    _pattern_of(Version): 'write the version as two numbers in quotes (such as "1.0")',
}

EXPECTED: dict[str, str] = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "tuple_type": "a list",
    "list_type": "a list",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD, without a time",
}


def validate(model: type[ModelT], document: SourceDocument, context: TextContext) -> ModelT:
    """`document.data` as `model`, or `SourceErrors` with every problem located in the file."""
    try:
        data = context.prepare(document.data) if context.prepare else document.data
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise SourceErrors(problems_of(error, model, document)) from None


def problems_of(error: ValidationError, model: type[BaseModel], document: SourceDocument) -> list[Problem]:
    problems = []
    details = error.errors(include_url=False)
    failing_items = [detail["loc"] for detail in details if detail["type"] != "too_short"]
    for detail in details:
        if detail["type"] == "too_short" and _has_failing_item(detail["loc"], failing_items):
            continue  # pydantic counts only the valid items; the invalid ones are reported already
        path, parent = _data_path(document.data, detail["loc"])
        if detail["type"] == "union_tag_invalid":
            path = (*path, "type")
        location = document.locate(path)
        problems.append(_translate(detail, location, parent, model, path))
    return problems


def _has_failing_item(loc: tuple[int | str, ...], others: list[tuple[int | str, ...]]) -> bool:
    return any(len(other) > len(loc) and other[: len(loc)] == loc for other in others)


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[tuple[PathPart, ...], Any]:
    """The part of pydantic's `loc` that exists in the data, and the last container it reached.

    Segments naming union branches (`text`, `list_id`) do not exist in the data and are dropped.
    """
    path: list[PathPart] = []
    node = data
    parent = data
    for segment in loc:
        in_mapping = isinstance(node, dict) and segment in node
        if in_mapping or (isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node)):
            parent, node = node, node[segment]
            path.append(segment)
        elif isinstance(node, dict) and isinstance(segment, str) and segment not in _branch_names(node):
            path.append(segment)
            parent, node = node, None
    return tuple(path), parent


def _branch_names(node: dict[Any, Any]) -> set[str]:
    """Names pydantic puts in a path for the union branch it tried: the type tag, or a choice source kind."""
    return {*QUESTION_TYPES, "list_id", "inline", *ANSWER_KINDS} - set(node)


def _translate(detail: Any, location: Any, parent: Any, model: type[BaseModel], path: tuple[PathPart, ...]) -> Problem:
    kind: str = detail["type"]
    context: dict[str, Any] = detail.get("ctx") or {}
    value = detail.get("input")
    if kind in CATALOGUE:
        return problem(kind, location, **context)
    if kind == "missing":
        return problem("missing-key", location, key=path[-1] if path else "?")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, path[:-1], parent)
        return problem("unknown-key", location, key=path[-1], allowed=quoted_list(allowed))
    if kind == "union_tag_invalid":
        return problem("unknown-field-type", location, found=context.get("tag"), allowed=", ".join(QUESTION_TYPES))
    if kind == "union_tag_not_found":
        return problem("missing-type", location, allowed=", ".join(QUESTION_TYPES))
    if kind in EXPECTED:
        return problem("wrong-type", location, expected=EXPECTED[kind], found=_describe(value))
    return problem("bad-value", location, detail=_detail(kind, context, value, detail["msg"]))


def _detail(kind: str, context: dict[str, Any], value: Any, message: str) -> str:
    if kind == "string_pattern_mismatch":
        help_text = PATTERN_HELP.get(context.get("pattern", ""), f"it must match {context.get('pattern')}")
        return f"{value!r} is not allowed here: {help_text}"
    if kind in ("literal_error", "enum"):
        return f"{value!r} is not allowed here; allowed: {context.get('expected')}"
    if kind == "too_short":
        return f"needs at least {context.get('min_length')}, found {context.get('actual_length')}"
    if kind in {"too_long", "string_too_long"}:
        return f"too long: at most {context.get('max_length')}"
    if kind == "greater_than_equal":
        return f"must be at least {context.get('ge')}, found {value!r}"
    if kind == "less_than_equal":
        return f"must be at most {context.get('le')}, found {value!r}"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    return message


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def _allowed_keys(model: type[BaseModel], path: tuple[PathPart, ...], parent: Any) -> list[str]:
    """The keys the model accepts in the mapping at `path` (which holds `parent`)."""
    candidates = [model]
    for segment in path:
        if isinstance(segment, int):
            continue
        annotations = [c.model_fields[segment].annotation for c in candidates if segment in c.model_fields]
        candidates = [m for annotation in annotations for m in _models_in(annotation)]
    if isinstance(parent, dict) and "type" in parent:
        typed = [c for c in candidates if "type" in c.model_fields and parent["type"] in _literals(c)]
        candidates = typed or candidates
    return sorted({key for candidate in candidates for key in candidate.model_fields})


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation] if "root" not in annotation.model_fields else []
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, list, dict, typing.Annotated):
        return [m for argument in typing.get_args(annotation) for m in _models_in(argument)]
    return []


def _literals(model: type[BaseModel]) -> tuple[Any, ...]:
    return typing.get_args(model.model_fields["type"].annotation)
