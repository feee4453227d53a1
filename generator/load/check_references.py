"""Checks of the references in every text: each names something that exists, of the right kind, in a style
it has, without going round in a circle; and each translation names the same things as its English.

Every reference is checked by rendering it, with the code the outputs use, so a reference that passes here
is one the renderers can print.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator

from generator.errors import Location, Problem
from generator.i18n.inventory import Entry
from generator.i18n.prose import protected_spans
from generator.messages import problem
from generator.model.references import UNMATCHED_KINDS, Reference, references_in, without_references
from generator.model.referents import Referents
from generator.model.resolve import Resolver, UnreadSource, UnresolvedReference

TEXTS_REMEMBERED = 16384
"""How many texts `typed_words` remembers: more than the sources hold (about 3,000 texts in four languages)."""


def check_references(entries: tuple[Entry, ...], referents: Referents, source_language: str) -> Iterator[Problem]:
    resolvers: dict[str, Resolver] = {}
    for entry in entries:
        texts = {source_language: entry.source, **entry.translations}
        expected = _named(entry.source)
        for language, text in texts.items():
            resolver = resolvers.setdefault(language, Resolver(referents, language))
            for reference in references_in(text):
                try:
                    resolver.render(reference)
                except UnreadSource:
                    continue
                except UnresolvedReference as reason:
                    where = reference_location(entry, language, text, reference.start)
                    yield problem("bad-reference", where, written=reference.written, reason=str(reason))
            found = _named(text)
            if language != source_language and found != expected:
                yield problem(
                    "reference-mismatch",
                    reference_location(entry, language, text, 0),
                    lang=language,
                    found=_listed(found),
                    expected=_listed(expected),
                    source=source_language,
                )


def reference_location(entry: Entry, language: str, text: str, offset: int) -> Location:
    """Where the character at `offset` of `text` (the entry's text in `language`) stands."""
    first = entry.lines.get(language, entry.line)
    if entry.path:
        return Location(entry.file_in(language), first, entry.columns.get(language, 1), (*entry.path, language))
    line = first + text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(entry.file_in(language), line, column)


def typed_words(entry: Entry, text: str) -> str:
    """What an author typed as words in `text`, the entry's text in some language: references blanked out, and in
    a page of prose also what is not prose (placeholders, code, link targets); positions are kept."""
    return _typed_words(text, prose=not entry.path)


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def _typed_words(text: str, prose: bool) -> str:
    """`typed_words` of a text, remembered: three checks read each text, the term check several times."""
    typed = without_references(text)
    if not prose:
        return typed
    for start, end in protected_spans(typed):
        typed = typed[:start] + " " * (end - start) + typed[end:]
    return typed


def _named(text: str) -> Counter[tuple[str, str]]:
    return Counter(reference.key for reference in references_in(text) if reference.kind not in UNMATCHED_KINDS)


def _listed(named: Counter[tuple[str, str]]) -> str:
    if not named:
        return "no references"
    return ", ".join(
        Reference(kind, target, "default", 0, 0).written + (f" ×{count}" if count > 1 else "")
        for (kind, target), count in sorted(named.items())
    )
