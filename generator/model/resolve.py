"""References rendered in one language: `{step:closure}` becomes `step 10 (Case closure)` in English and
`10-bosqich («Holatni yopish»)` in Uzbek.

The same code renders a reference for the outputs and checks it when the sources are loaded, so that a
reference the check accepts is one the renderers can print. A referent's own words (a step's title, a
timeframe's schedule) may cite other things; a chain that comes back to where it started is a cycle.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from generator.model.labels import LabelId
from generator.model.plural import with_number
from generator.model.references import DEFAULT, KINDS, Reference, marked, references_in
from generator.model.referents import Referents
from generator.model.text import LocalizedText

Linker = Callable[[str, str], str | None]
"""`(kind, target)` to where the site shows it, or None; given when a view is made for the site."""

_SENTENCE_START = re.compile(r"(?:\A|[.!?]\s|\n)(?:\s|[>#*_+-]|\d+[.)]\s)*\Z")
"""What may stand before a reference that begins a sentence, a list item or a heading."""


class UnresolvedReference(Exception):
    """Why a reference cannot be rendered; the loader turns it into a located problem."""


class UnreadSource(UnresolvedReference):
    """The source that holds what a reference names could not be loaded: its own problems say why."""


@dataclass(frozen=True)
class Resolver:
    """Renders the references of texts in `language`; `linker` makes each one a link for the site."""

    referents: Referents
    language: str
    linker: Linker | None = None

    def resolve(self, text: str) -> str:
        """`text` with every reference rendered."""
        return self._resolve(text, (), self.linker)

    def render(self, reference: Reference, chain: tuple[tuple[str, str], ...] = ()) -> str:
        """One reference in words; raises `UnresolvedReference` if it names nothing it can render."""
        if reference.key in chain:
            path = " → ".join(f"{{{kind}:{target}}}" for kind, target in (*chain, reference.key))
            raise UnresolvedReference(f"the references go round in a circle: {path}")
        kind = KINDS.get(reference.kind)
        if kind is None:
            raise UnresolvedReference(f"unknown kind of reference '{reference.kind}'; kinds: {', '.join(KINDS)}")
        if reference.style not in kind.styles:
            styles = ", ".join(f"|{style}" for style in kind.styles if style != DEFAULT)
            raise UnresolvedReference(
                f"'{reference.kind}' references have no style '{reference.style}'; styles: {styles or 'none'}"
            )
        return _RENDERERS[reference.kind](self, reference, (*chain, reference.key))

    def _resolve(self, text: str, chain: tuple[tuple[str, str], ...], linker: Linker | None) -> str:
        if "{" not in text:
            return text
        parts: list[str] = []
        position = 0
        for reference in references_in(text):
            words = self.render(reference, chain)
            if _SENTENCE_START.search(text, 0, reference.start) and words[:1].islower():
                words = words[:1].upper() + words[1:]
            link = linker(reference.kind, reference.target) if linker else None
            parts += [text[position : reference.start], marked(link, words) if link else words]
            position = reference.end
        return "".join(parts) + text[position:]

    def words(self, text: LocalizedText | str, chain: tuple[tuple[str, str], ...]) -> str:
        """A referent's own text in this language, its references rendered, never as links."""
        value = text if isinstance(text, str) else text.get(self.language)
        return self._resolve(value, chain, None)

    def label(self, label: LabelId, chain: tuple[tuple[str, str], ...], **values: str) -> str:
        if self.referents.labels is None:
            raise UnreadSource("labels.yaml could not be read")
        return self.words(self.referents.labels[label], chain).format(**values)


V = TypeVar("V")
_Render = Callable[[Resolver, Reference, tuple[tuple[str, str], ...]], str]


def _known(resolver: Resolver, found: dict[str, V] | None, reference: Reference, where: str) -> V:
    """The referent `reference` names in `found`, the referents of its kind read from `where`."""
    if found is None:
        raise UnreadSource(f"{where} could not be read")
    if reference.kind == "form" and reference.target in resolver.referents.unread_forms:
        raise UnreadSource(f"forms/{reference.target}.yaml could not be read")
    if reference.target not in found:
        other = _kind_that_has(resolver.referents, reference.target)
        if other is not None:
            raise UnresolvedReference(
                f"'{reference.target}' is a {other}, not a {reference.kind}: write {{{other}:{reference.target}}}"
            )
        known = ", ".join(sorted(found))
        raise UnresolvedReference(f"no {reference.kind} '{reference.target}' in {where}; known: {known}")
    return found[reference.target]


def _kind_that_has(referents: Referents, target: str) -> str | None:
    """The kind of reference that names `target`, if one does: a reference of the wrong kind is a common slip."""
    kinds = {
        "step": referents.steps,
        "section": referents.sections,
        "form": referents.forms,
        "role": referents.roles,
        "pathway": referents.pathways,
        "term": referents.terms,
        "timeframe": referents.timeframes,
    }
    return next((kind for kind, found in kinds.items() if found and target in found), None)


def _step(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    step = _known(resolver, resolver.referents.steps, reference, "sop/structure.yaml")
    title = resolver.words(step.title, chain)
    if reference.style == "title":
        return title
    if step.number is None:
        if reference.style == "number":
            raise UnresolvedReference(f"the step '{reference.target}' runs throughout and has no number")
        return title
    if reference.style == "number":
        return step.number
    label = LabelId.REF_STEP_SHORT if reference.style == "short" else LabelId.REF_STEP
    return resolver.label(label, chain, number=step.number, title=title)


def _section(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    section = _known(resolver, resolver.referents.sections, reference, "the SOP's prose (sop/<lang>/NN-name.md)")
    title = resolver.words(section.titles.get(resolver.language, ""), chain)
    if reference.style in ("title", "number"):
        return title if reference.style == "title" else section.number
    label = LabelId.REF_SECTION_SHORT if reference.style == "short" else LabelId.REF_SECTION
    return resolver.label(label, chain, number=section.number, title=title)


def _form(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    form = _known(resolver, resolver.referents.forms, reference, "forms/")
    if reference.style == "code":
        return form.code
    title = resolver.words(form.title, chain)
    return title if reference.style == "title" else resolver.label(LabelId.REF_FORM, chain, code=form.code, title=title)


def _question(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    form_id, slash, question_id = reference.target.partition("/")
    if not slash:
        raise UnresolvedReference(f"write the form and the question: {{question:{form_id}/<question id>}}")
    form = Reference("form", form_id, DEFAULT, reference.start, reference.end)
    questions = _known(resolver, resolver.referents.forms, form, "forms/").questions
    if question_id not in questions:
        known = ", ".join(sorted(questions))
        raise UnresolvedReference(f"the form '{form_id}' has no numbered question or section '{question_id}'; {known}")
    question = questions[question_id]
    if reference.style == "number":
        return question.number
    if reference.style == "label":
        return resolver.words(question.label, chain)
    label = LabelId.REF_SECTION_SHORT if question.is_section else LabelId.REF_QUESTION
    return resolver.label(label, chain, number=question.number)


def _role(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    role = _known(resolver, resolver.referents.roles, reference, "sop/structure.yaml")
    return resolver.words(role.name if reference.style == "name" else role.short_name, chain)


def _pathway(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    return resolver.words(_known(resolver, resolver.referents.pathways, reference, "sop/structure.yaml"), chain)


def _term(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    words = resolver.words(_known(resolver, resolver.referents.terms, reference, "sop/glossary.yaml"), chain)
    return words if reference.style == "full" else main_words(words)


def main_words(term: str) -> str:
    """A glossary term without the alternatives it gives in brackets: `holat (keys)` is `holat`."""
    return term.split(" (", 1)[0].strip()


def _timeframe(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    units = resolver.referents.units
    timeframe = _known(resolver, resolver.referents.timeframes, reference, "sop/timeframes.yaml")
    if timeframe.text is not None:
        if reference.style != DEFAULT:
            raise UnresolvedReference(f"the timeframe '{reference.target}' is a schedule, written without a style")
        return resolver.words(timeframe.text, chain)
    if units is None or timeframe.unit not in units:
        raise UnresolvedReference(f"the timeframe '{reference.target}' has an unknown unit '{timeframe.unit}'")
    unit = units[timeframe.unit]
    pattern = {DEFAULT: unit.count, "within": unit.within, "every": unit.every}[reference.style]
    return with_number(pattern.get(resolver.language), resolver.language, timeframe.highest, timeframe.shown)


def _sop(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    return resolver.words(_known(resolver, resolver.referents.sop, reference, "sop/sop.yaml"), chain)


def _project(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    return _known(resolver, resolver.referents.project, reference, "oila.yaml and forms/")


def _code(resolver: Resolver, reference: Reference, chain: tuple[tuple[str, str], ...]) -> str:
    return reference.target


_RENDERERS: dict[str, _Render] = {
    "step": _step,
    "section": _section,
    "form": _form,
    "question": _question,
    "role": _role,
    "pathway": _pathway,
    "term": _term,
    "timeframe": _timeframe,
    "sop": _sop,
    "project": _project,
    "code": _code,
}
