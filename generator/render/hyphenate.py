"""Where a long word may break in a narrow column: soft hyphens at the syllable boundaries of its language.

A soft hyphen is invisible until a line breaks at it, where Word and LibreOffice print a hyphen; without one,
a word wider than its column is cut anywhere ("Монито / ринг"). English and Russian take LibreOffice's
hyphenation patterns (through Pyphen, which ships them); Uzbek has none, so its words are cut by the
syllable rule of Uzbek orthography: one consonant between vowels begins the next syllable (ki-tob), of two
or more the last one does (mak-tab), and oʻ, gʻ, sh, ch and ng are single letters that never split.
No break leaves fewer than two letters on either line.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

import pyphen

SOFT_HYPHEN = "\u00ad"
SHORTEST_HYPHENATED = 8
"""Words shorter than this fit every column of the forms; they are left whole."""
EDGE = 2
"""Letters a break leaves at least at either end of a word."""
_WORD = re.compile(r"[^\W\d_][\wʻʼ]*")
_UZBEK_LATIN_LETTERS = re.compile(r"oʻ|gʻ|sh|ch|ng|.", re.IGNORECASE)
_UZBEK_CYRILLIC_LETTERS = re.compile(r"нг|.ь?", re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UZBEK_VOWELS = frozenset("aeiouаеёиоуўэюя") | {"oʻ"}


def hyphenated(text: str, locale: str) -> str:
    """`text` with soft hyphens where its long words may break, by the rules of `locale` (`ru-RU`, `uz-Latn-UZ`)."""
    language = locale.split("-", maxsplit=1)[0]
    rule = _uzbek_breaks if language == "uz" else _pattern_breaks(language)
    if rule is None:
        return text

    def soften(word: re.Match[str]) -> str:
        found = word[0]
        if len(found) < SHORTEST_HYPHENATED:
            return found
        cuts = [cut for cut in rule(found) if EDGE <= cut <= len(found) - EDGE]
        pieces = [found[start:end] for start, end in zip([0, *cuts], [*cuts, len(found)], strict=True)]
        return SOFT_HYPHEN.join(pieces)

    return _WORD.sub(soften, text)


@functools.cache
def _pattern_breaks(language: str) -> Callable[[str], list[int]] | None:
    """The hyphenation patterns of `language` as a rule, or None where there are none."""
    if language not in pyphen.LANGUAGES:
        return None
    dictionary = pyphen.Pyphen(lang=language)
    return lambda word: list(dictionary.positions(word))


def _uzbek_breaks(word: str) -> list[int]:
    """Offsets in `word` where a syllable begins, by the consonants between each two vowels."""
    pattern = _UZBEK_CYRILLIC_LETTERS if _CYRILLIC.search(word) else _UZBEK_LATIN_LETTERS
    letters = [match[0] for match in pattern.finditer(word)]
    starts = [match.start() for match in pattern.finditer(word)]
    vowels = [index for index, letter in enumerate(letters) if letter.lower() in _UZBEK_VOWELS]
    cuts = [starts[after - 1] if after - before > 1 else starts[after] for before, after in itertools.pairwise(vowels)]
    return [cut for cut in cuts if starts[1] < cut < starts[-1]]  # never one letter (oʻ, sh ...) alone
