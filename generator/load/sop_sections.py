"""The SOP's prose: one Markdown file per section and language, `sop/<lang>/NN-slug.md`.

Every language has the same section files, each opening with its `# Title`, and uses the same
placeholders; a placeholder that no renderer knows, or broken template syntax, is a problem like any
other, with file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from generator.errors import Location, Problem, SourceErrors
from generator.load.files import SOP_DIR
from generator.load.pages import Pages
from generator.messages import problem, quoted_list
from generator.model.sop_text import PLACEHOLDERS, TERMS_FUNCTION, SectionText, SopSection

SECTION_NAME = re.compile(r"^[0-9]{2}-[a-z0-9-]+\.md$")
TITLE_LINE = re.compile(r"^# (?P<title>\S.*)$")

_TEMPLATES = Environment(autoescape=False, keep_trailing_newline=True)


def load_sections(pages: Pages, languages: tuple[str, ...], terms: frozenset[str] | None) -> tuple[SopSection, ...]:
    """The prose sections, in file-name order; raises `SourceErrors` with every problem found.

    `terms` are the glossary's term ids, or None when the glossary could not be read.
    """
    found: list[Problem] = []
    by_language = {
        language: [name for name in pages.names(language) if SECTION_NAME.match(name)] for language in languages
    }
    source_language = languages[0]
    expected = by_language[source_language]
    if not expected:
        found.append(problem("no-sections", Location(f"{SOP_DIR}/{source_language}/"), lang=source_language))
    for language in languages[1:]:
        found.extend(_compare_sections(language, by_language[language], expected, source_language))
    parsed: dict[str, dict[str, _Parsed]] = {}
    for language, names in by_language.items():
        for name in names:
            result = _parse(pages, language, name, terms)
            if isinstance(result, list):
                found.extend(result)
            else:
                parsed.setdefault(name, {})[language] = result
    sections = []
    for name in expected:
        texts = parsed.get(name, {})
        found.extend(_compare_placeholders(name, texts, languages))
        if set(texts) == set(languages):
            first = texts[source_language]
            sections.append(
                SopSection(
                    slug=name.removesuffix(".md"),
                    texts={language: text.section for language, text in texts.items()},
                    placeholders=first.placeholders,
                    terms=first.terms,
                )
            )
    found = [item for item in found if pages.written_in(item.location.file)]
    if found:
        raise SourceErrors(found)
    return tuple(sections)


class _Parsed:
    def __init__(self, section: SectionText, placeholders: frozenset[str], terms: tuple[str, ...]) -> None:
        self.section = section
        self.placeholders = placeholders
        self.terms = terms


def _display(language: str, name: str) -> str:
    return f"{SOP_DIR}/{language}/{name}"


def _compare_sections(language: str, names: list[str], expected: list[str], source: str) -> Iterator[Problem]:
    for name in sorted(set(expected) - set(names)):
        yield problem("missing-section", Location(_display(language, name)), lang=language, source=source)
    for name in sorted(set(names) - set(expected)):
        yield problem("extra-section", Location(_display(language, name), 1, 1), source=source)


def _parse(pages: Pages, language: str, name: str, known_terms: frozenset[str] | None) -> _Parsed | list[Problem]:
    display = _display(language, name)
    try:
        text = pages.read(language, name) or ""
    except SourceErrors as errors:
        return list(errors.problems)
    title_line, _, body = text.partition("\n")
    heading = TITLE_LINE.match(title_line)
    if heading is None:
        return [problem("no-section-title", Location(display, 1, 1))]

    def at(word: str) -> Location:
        """Where `word` first stands in the file; the body starts on line 2."""
        return Location(display, _line_of(body, word) + 1, 1)

    try:
        tree = _TEMPLATES.parse(body)
    except TemplateSyntaxError as error:
        where = Location(display, (error.lineno or 1) + 1, 1)
        return [problem("template-syntax", where, detail=error.message or "cannot parse")]
    except RecursionError:
        where = Location(display, _deep_nesting_line(body) + 1, 1)
        return [problem("template-syntax", where, detail="brackets nested far too deep")]
    construct = _foreign_construct(tree)
    if construct is not None:
        where = Location(display, (construct.lineno or 1) + 1, 1)
        return [problem("template-construct", where, found=_CONSTRUCTS.get(type(construct), "a template statement"))]
    names = meta.find_undeclared_variables(tree)
    unknown = sorted(names - set(PLACEHOLDERS) - {TERMS_FUNCTION})
    if unknown:
        allowed = quoted_list([*PLACEHOLDERS, f"{TERMS_FUNCTION}(...)"])
        return [problem("unknown-placeholder", at(unknown[0]), found=unknown[0], allowed=allowed)]
    terms = _terms_named(tree)
    if isinstance(terms, str):
        return [problem("bad-value", at(TERMS_FUNCTION), detail=terms)]
    missing = [term for term in terms if known_terms is not None and term not in known_terms]
    if missing:
        return [problem("unknown-term", at(missing[0]), found=missing[0])]
    section = SectionText(title=heading.group("title").strip(), body=body.strip("\n") + "\n")
    return _Parsed(section, frozenset(names - {TERMS_FUNCTION}), terms)


_ALLOWED: tuple[type[nodes.Node], ...] = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Const)
_CONSTRUCTS: dict[type[nodes.Node], str] = {
    nodes.Getattr: "an attribute (.name)",
    nodes.Getitem: "an index ([...])",
    nodes.Filter: "a filter (|name)",
    nodes.Call: "a call of something other than terms",
    nodes.For: "a loop ({% for %})",
    nodes.If: "a condition ({% if %})",
}


def _foreign_construct(tree: nodes.Template) -> nodes.Node | None:
    """The first part of the template that is neither text, a placeholder's name nor a `terms("id", ...)` call:
    the prose is written by authors and translators, and must never compute anything when it is rendered."""
    for node in tree.find_all(nodes.Node):
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == TERMS_FUNCTION:
            continue
        if not isinstance(node, _ALLOWED) or (isinstance(node, nodes.Name) and node.ctx != "load"):
            return node
    return None


def _terms_named(tree: nodes.Template) -> tuple[str, ...] | str:
    """The term ids of every `terms(...)` call, or what is wrong with a call."""
    named: list[str] = []
    for call in tree.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == TERMS_FUNCTION):
            continue
        if call.kwargs or call.dyn_args or call.dyn_kwargs or not call.args:
            return 'write terms("id", "id", ...) with the term ids in quotes'
        for argument in call.args:
            if not (isinstance(argument, nodes.Const) and isinstance(argument.value, str)):
                return 'write terms("id", "id", ...) with the term ids in quotes'
            named.append(argument.value)
    return tuple(named)


def _deep_nesting_line(body: str) -> int:
    """The line of `body` where brackets first stand a hundred deep (Jinja's parser recurses on each)."""
    depth, line = 0, 1
    for character in body:
        depth += (character in "([{") - (character in ")]}")
        line += character == "\n"
        if depth >= 100:
            return line
    return 1


def _line_of(body: str, word: str) -> int:
    for number, line in enumerate(body.splitlines(), start=1):
        if word in line:
            return number
    return 1


def _compare_placeholders(name: str, texts: dict[str, _Parsed], languages: tuple[str, ...]) -> Iterator[Problem]:
    """Generated parts are the same in every language: a translation may not drop or add one."""
    source = languages[0]
    if source not in texts:
        return
    expected = texts[source].placeholders
    for language in languages[1:]:
        if language in texts and texts[language].placeholders != expected:
            yield problem(
                "section-placeholders",
                Location(_display(language, name), 1, 1),
                found=_braced(texts[language].placeholders),
                expected=_braced(expected),
                source=source,
            )
        if language in texts and texts[language].terms != texts[source].terms:
            yield problem("section-terms", Location(_display(language, name), 1, 1), source=source)


def _braced(names: frozenset[str]) -> str:
    return ", ".join("{{ " + name + " }}" for name in sorted(names)) or "none"
