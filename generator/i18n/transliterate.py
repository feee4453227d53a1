"""Uzbek Latin in Uzbek Cyrillic, so that a language in `oila.yaml` can be derived from another.

Letters: oʻ ў, gʻ ғ, sh ш, ch ч, ng нг, q қ, h ҳ, x х, j ж, and a b d f g i k l m n o p r s t u v z as they
sound; yo ё, yu ю, ya я, ye е, any other y й (yoʻl: йўл); e is э at the start of a word, after a vowel and
after ʼ (ertaga, poeziya), е elsewhere; the tutuq belgisi ʼ is ъ, but sʼh is сҳ (Isʼhoq: Исҳоқ).
ts is ц at the start of a word, before e, and before i and a vowel: the Russian ц that Latin writes ts after a
vowel (protsedura, reintegratsiya, -tsion, sotsial). Elsewhere ts is т and с, where an Uzbek ending meets a
final t (ketsa, otsiz, hurmatsiz). Each Cyrillic letter takes the case of its first Latin letter (Sh, SH: Ш),
and a word in capitals stays in capitals (OʻZBEKISTON: ЎЗБЕКИСТОН, MAʼLUMOT: МАЪЛУМОТ).

Marks: ʻ (U+02BB) and ʼ (U+02BC); ', ‘, ’ and ` stand for either in sloppy text. Any of them after o or g
makes oʻ or gʻ, except, at the end of a word, a backquote or a ' or ’ that closes a quotation opened on its
line ('bog'). Any other mark is ъ between two letters and is left alone around a word.

Words in capitals are Uzbek words and abbreviations, and are converted like any other (SOPning: СОПнинг,
BMT: БМТ). Left alone, so that no Latin word is left in the Cyrillic text but these:
* codes: the letters of a word with digits (F-01, A4, COVID-19), but not an Uzbek ending (2024-yil, 5ta,
  F-01-dan, 607-I-son: 607-I-сон) nor a part with a mark or in `UZBEK_CAPITALS` (OʻRQ-139, PQ-60: ПҚ-60);
* Roman numerals, in a code or on their own (XXI asr: XXI аср);
* references, which carry what they render ({step:closure}), and words marked to stay as written: an acronym
  Cyrillic texts write in Latin letters (`{code:PDF}`, `{code:ID}-karta`);
* placeholders ({page}, {{ name }}), web and e-mail addresses, file and domain names (lex.uz, index.md) and
  identifiers (case_id);
* words with a letter Uzbek Latin does not have (c but in ch, w, Cyrillic or accented letters): `latin_left`
  finds them, and `oila check` asks for each to be marked or rewritten. An Uzbek ending after one in capitals
  is still converted (UNICEFning: UNICEFнинг).

What the Latin spelling has lost does not come back: the ь and ъ of Russian loans (kompyuter: компютер, not
компьютер; obyekt: обект, not объект), the ц that Latin writes s (konsert: консерт, not концерт) and the ъ
after ў (shoʻba: шўба, not шўъба). Such words are edited in the sources or accepted as they come out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Final

from generator.i18n import prose
from generator.model.references import REFERENCE

UZBEK_CAPITALS: Final = frozenset({"BMT", "BHK", "MFY", "XTV", "SSV", "OTM", "PQ", "PF", "VM", "QR", "AJ"})
"""Uzbek abbreviations that number acts and bodies: before a number they are Uzbek, not the Latin letters of a
code (PQ-60, Prezident qarori: ПҚ-60). Add one here when a source cites an act by a new one."""

_MARKS = "ʻʼ'‘’`"
_MARK_SET = frozenset(_MARKS)
_UZBEK_MARKS = "ʻʼ"
_LETTERS = dict(zip("abdfghijklmnopqrstuvxyz", "абдфгҳижклмнопқрстувхйз", strict=True))
_DIGRAPHS = {"sh": "ш", "ch": "ч", "yo": "ё", "yu": "ю", "ya": "я", "ye": "е"}
_VOWELS = frozenset("аэеиоуўёюя")
_TSIYA = re.compile(r"e|i[aeouy]")

_TOKEN = re.compile(
    r"(?P<kept>\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{[^{}\s]*\}"
    rf"|{REFERENCE.pattern}|\{{\s*n\s*,\s*plural\s*,|(?:=\d+|zero|one|two|few|many|other)\s*\{{"
    r"|(?:https?|ftp)://[^\s<>\"«»]+|www\.[^\s<>\"«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    rf"|[^\W_]+(?:(?:[{_MARKS}]{{1,2}}|[-./_])[^\W_]+)*[{_MARKS}]?",
    re.IGNORECASE | re.DOTALL,
)
"""A placeholder, a reference ({step:closure}), the syntax of a plural message ({n, plural, one {...}}) or an
address, or a word: letters and digits, joined by marks (maʼlumot), hyphens, dots, slashes or
underscores (keys-konferensiya, va/yoki, F-01), with a mark at its end (togʻ)."""
_JOINER = re.compile(r"([-./])")
_NUMBER_ENDING = re.compile(rf"(\d+)([a-z][a-z{_MARKS}]*)")
"""A number and its Uzbek ending written together: 5ta, 10dan."""
_FILE_OR_DOMAIN = re.compile(r"[^\W_]{2,}(?:\.[^\W_]{2,})*\.[a-z]{2,}")
_CAPITALS_AND_ENDING = re.compile(rf"([A-Z]{{2,}})([a-z{_MARKS}]*)")
_ASCII_LETTER = re.compile("[A-Za-z]")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
"""A Roman numeral up to XXXIX: the numbers of chapters, centuries and acts, written in Latin in every script."""
_FOREIGN = re.compile(r"c(?!h)|w", re.IGNORECASE)


@functools.lru_cache(maxsize=65_536)
def uzbek_latin_to_cyrillic(text: str) -> str:
    """Uzbek Latin text as Uzbek Cyrillic; a process that loads the sources again (`oila serve`) converts only
    the texts that changed."""

    def convert(match: re.Match[str]) -> str:
        token = match.group()
        if match.group("kept"):
            return token
        closes = token[-1] in "'’" and prose.closes_quote(text, match.end() - 1)
        return _token(token, closes)

    return _TOKEN.sub(convert, text)


@functools.lru_cache(maxsize=65_536)
def _token(token: str, closes_quote: bool) -> str:
    """One word of the text, its parts joined by hyphens, dots or slashes; `closes_quote` when a mark at its
    end closes a quotation. Remembered: most words come many times."""
    if "_" in token or _FILE_OR_DOMAIN.fullmatch(token) or _ROMAN.fullmatch(token):
        return token
    parts = _JOINER.split(token)
    code = any(char.isdigit() for char in token)
    for index in range(0, len(parts), 2):
        part = parts[index]
        after_number = index > 0 and parts[index - 2].isdigit()
        if code and _ROMAN.fullmatch(part):
            continue
        if not code or after_number or (part.isalpha() and part.islower()) or _is_uzbek_in_code(part):
            parts[index] = _word(part, "", closes_quote)
        elif ending := _NUMBER_ENDING.fullmatch(part):
            parts[index] = ending.group(1) + _word(ending.group(2), ending.group(1)[-1], closes_quote)
    return "".join(parts)


def _is_uzbek_in_code(part: str) -> bool:
    """Whether letters before a number are Uzbek: OʻRQ-139, PQ-60, but not F-01."""
    return any(char in _MARK_SET for char in part) or part in UZBEK_CAPITALS


def _word(word: str, previous: str, closes_quote: bool) -> str:
    capitals = _CAPITALS_AND_ENDING.fullmatch(word)
    if capitals and _is_foreign(capitals.group(1)) and not _is_foreign(capitals.group(2)):
        return capitals.group(1) + _letters(capitals.group(2), "т", closes_quote)
    if _is_foreign(word):
        return word
    cyrillic = _letters(word, previous, closes_quote)
    latin = [char for char in word if char.isascii() and char.isalpha()]
    return cyrillic.upper() if len(latin) > 1 and all(char.isupper() for char in latin) else cyrillic


def _is_foreign(word: str) -> bool:
    """Whether `word` has a letter that Uzbek Latin does not: c but in ch, w, or a letter beyond ASCII."""
    return bool(_FOREIGN.search(word)) or any(
        char.isalpha() and not char.isascii() and char not in _UZBEK_MARKS for char in word
    )


def _letters(word: str, previous: str, closes_quote: bool) -> str:
    """The letters of one word (letters and marks only) in Cyrillic. `previous` is the Cyrillic letter
    before the word, or "" at the start of a word."""
    lower = word.lower()
    letters: list[str] = []
    index = 0
    while index < len(word):
        char, pair = lower[index], lower[index : index + 2]
        size = 2
        if char in "og" and _is_okina(lower, index + 1, closes_quote):
            letter = "ў" if char == "o" else "ғ"
        elif char in _MARK_SET:
            letter, size = _mark(lower, index), 1
        elif pair == "ts" and ((index == 0 and not previous) or _TSIYA.match(lower, index + 2)):
            letter = "ц"
        elif char == "s" and lower[index + 1 : index + 2] in _MARK_SET and lower[index + 2 : index + 3] == "h":
            letter = "с"  # sʼh: с and ҳ, the mark only keeps them apart
        elif pair in _DIGRAPHS and not (pair == "yo" and _is_okina(lower, index + 2, closes_quote)):
            letter = _DIGRAPHS[pair]
        elif char == "e":
            letter, size = ("э" if previous in ("", "ъ") or previous in _VOWELS else "е"), 1
        else:
            letter, size = _LETTERS.get(char, char), 1
        letters.append(letter.upper() if word[index].isupper() else letter)
        previous = letter
        index += size
    return "".join(letters)


def _is_okina(lower: str, index: int, closes_quote: bool) -> bool:
    """Whether the character at `index`, after an o or a g, is the mark of oʻ or gʻ."""
    if index >= len(lower) or lower[index] not in _MARK_SET:
        return False
    if index + 1 < len(lower) or lower[index] in _UZBEK_MARKS:
        return True
    return lower[index] != "`" and not (lower[index] in "'’" and closes_quote)


def _mark(lower: str, index: int) -> str:
    """A mark that is not part of oʻ, gʻ or sʼh: ъ if it is an Uzbek mark or stands between two letters."""
    char = lower[index]
    between = 0 < index < len(lower) - 1 and lower[index + 1].isalpha()
    return "ъ" if char in _UZBEK_MARKS or between else char


def latin_left(cyrillic: str) -> list[str]:
    """The words of a text converted to Cyrillic that are still in Latin letters and are neither codes, Roman
    numerals, references nor addresses: words with letters Uzbek Latin does not have, to mark or rewrite."""
    left: list[str] = []
    if not _ASCII_LETTER.search(cyrillic):
        return left
    for match in _TOKEN.finditer(cyrillic):
        token = match.group()
        if not _ASCII_LETTER.search(token) or match.group("kept") or "_" in token:
            continue
        if _FILE_OR_DOMAIN.fullmatch(token) or _ROMAN.fullmatch(token) or any(char.isdigit() for char in token):
            continue
        left.append(token)
    return left


# Markdown


def transliterate_markdown(text: str, convert: Callable[[str], str]) -> str:
    """Markdown (with Jinja placeholders) with `convert` applied to its prose only.

    Kept as written: Jinja ({{ }}, {% %}, {# #}), fenced code and code spans, link and image targets and
    reference labels (their text is prose), link definitions, footnote labels, HTML tags with their attributes,
    comments, scripts and styles (the text between tags is prose), autolinks, attribute lists ({#some-id}),
    admonition types (!!! note "Title": the title is prose), snippet lines, HTML entities, web and e-mail
    addresses, and front matter. Indented code blocks are prose: in lists, indentation is not code. Every
    character outside the prose is kept, so lines and whitespace stay as they were if `convert` keeps them.
    """
    return "".join(convert(part) if is_prose else part for part, is_prose in _markdown_parts(text))


def latin_left_in_markdown(text: str, convert: Callable[[str], str]) -> list[str]:
    """`latin_left` of the prose of a page of Markdown, as `transliterate_markdown` converts it."""
    return [word for part, is_prose in _markdown_parts(text) if is_prose for word in latin_left(convert(part))]


def _markdown_parts(text: str) -> Iterator[tuple[str, bool]]:
    """The text in order, each part with whether it is prose."""
    position = 0
    for start, end in prose.protected_spans(text):
        if start > position:
            yield text[position:start], True
        yield text[start:end], False
        position = end
    if position < len(text):
        yield text[position:], True


TRANSLITERATIONS: Final[dict[str, Callable[[str], str]]] = {"uz-Latn-to-Cyrl": uzbek_latin_to_cyrillic}
"""Transliterations a language in oila.yaml can name to be derived from another."""
