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

Left alone:
* words with a letter Uzbek Latin does not have: c (but in ch), w, Cyrillic or accented letters;
* the letters of codes with digits (F-01, A4, COVID-19), but not an ending after a number (2024-yil, 5ta,
  F-01-dan) nor a part with a mark or in `UZBEK_CAPITALS` (OʻRQ-139-son: ЎРҚ-139-сон, PQ-60: ПҚ-60);
* placeholders ({page}, {{ name }}), web and e-mail addresses, file and domain names (lex.uz, index.md) and
  identifiers (case_id);
* acronyms: words in capitals of two to five letters (a digraph is one) with fewer than two vowels or with
  three consonants together (NASP, SOP, ID, PDF, UNFPA), unless they are written with a mark, sh, ch or y and
  a vowel (YOʻQ, CHOY, YOSH), or are in `UZBEK_CAPITALS` (BMT: БМТ). An Uzbek ending is still converted
  (SOPning: SOPнинг). So other short Uzbek words in capitals stay Latin unless listed, and acronyms with two
  vowels are converted (NATO: НАТО).

What the Latin spelling has lost does not come back: the ь and ъ of Russian loans (kompyuter: компютер, not
компьютер; obyekt: обект, not объект), the ц that Latin writes s (konsert: консерт, not концерт) and the ъ
after ў (shoʻba: шўба, not шўъба). Such words are edited in the sources or accepted as they come out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from generator.i18n import prose
from generator.model.references import REFERENCE

UZBEK_CAPITALS: Final = frozenset(
    {"BMT", "BHK", "MFY", "XTV", "SSV", "OTM", "PQ", "PF", "VM", "QR", "AJ", "KK", "YYYY"}
    | {"VA", "HA", "HAM", "BU", "HAR", "BIR", "UY", "YIL", "KUN", "BOR"}
)
"""Words in capitals that read like acronyms but are Uzbek: abbreviations that Cyrillic texts write in Cyrillic
(BMT, Birlashgan Millatlar Tashkiloti: БМТ), the date placeholders of the forms (KK.OO.YYYY: КК.ОО.ЙЙЙЙ) and
short words of headings in capitals. Add a word here when a source uses a new one."""

_MARKS = "ʻʼ'‘’`"
_MARK_SET = frozenset(_MARKS)
_UZBEK_MARKS = "ʻʼ"
_LETTERS = dict(zip("abdfghijklmnopqrstuvxyz", "абдфгҳижклмнопқрстувхйз", strict=True))
_DIGRAPHS = {"sh": "ш", "ch": "ч", "yo": "ё", "yu": "ю", "ya": "я", "ye": "е"}
_VOWELS = frozenset("аэеиоуўёюя")
_THREE_CONSONANTS = re.compile(r"[^аэеиоуўёюя]{3}")
_UZBEK_DIGRAPH = re.compile(r"SH|CH|Y[AEOU]")
"""Letters that English acronyms hardly have: a word in capitals with them is Uzbek."""
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
_FOREIGN = re.compile(r"c(?!h)|w", re.IGNORECASE)


def uzbek_latin_to_cyrillic(text: str) -> str:
    """Uzbek Latin text as Uzbek Cyrillic."""

    def convert(match: re.Match[str]) -> str:
        token = match.group()
        if match.group("kept"):
            return token
        closes = token[-1] in "'’" and prose.closes_quote(text, match.end() - 1)
        return _token(token, closes)

    return _TOKEN.sub(convert, text)


def _token(token: str, closes_quote: bool) -> str:
    """One word of the text, its parts joined by hyphens, dots or slashes; `closes_quote` when a mark at its
    end closes a quotation."""
    if "_" in token or _FILE_OR_DOMAIN.fullmatch(token):
        return token
    parts = _JOINER.split(token)
    code = any(char.isdigit() for char in token)
    for index in range(0, len(parts), 2):
        part = parts[index]
        after_number = index > 0 and parts[index - 2].isdigit()
        if not code or after_number or _is_uzbek_in_code(part):
            parts[index] = _word(part, "", closes_quote)
        elif ending := _NUMBER_ENDING.fullmatch(part):
            parts[index] = ending.group(1) + _word(ending.group(2), ending.group(1)[-1], closes_quote)
    return "".join(parts)


def _is_uzbek_in_code(part: str) -> bool:
    """Whether letters before a number are Uzbek: OʻRQ-139, PQ-60, but not F-01."""
    return any(char in _MARK_SET for char in part) or part in UZBEK_CAPITALS


def _word(word: str, previous: str, closes_quote: bool) -> str:
    capitals = _CAPITALS_AND_ENDING.fullmatch(word)
    if capitals and _is_acronym_and_ending(capitals.group(1), capitals.group(2)):
        ending = capitals.group(2)
        return capitals.group(1) + (ending if _is_foreign(ending) else _letters(ending, "т", closes_quote))
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


def _is_acronym_and_ending(capitals: str, ending: str) -> bool:
    """Whether a word is an acronym kept in Latin letters (or a foreign word in capitals) with an Uzbek ending."""
    if (capitals[-1] + ending[:1]).lower() in _DIGRAPHS:
        return False  # FHDYo: the o belongs to YO
    return _is_foreign(capitals) or _is_acronym(capitals)


def _is_acronym(capitals: str) -> bool:
    """Whether a word in capitals is kept in Latin letters: see the module's description."""
    if capitals in UZBEK_CAPITALS:
        return False
    cyrillic = _letters(capitals.lower(), "", closes_quote=False)
    if not 2 <= len(cyrillic) <= 5 or _UZBEK_DIGRAPH.search(capitals):
        return False
    return sum(char in _VOWELS for char in cyrillic) < 2 or bool(_THREE_CONSONANTS.search(cyrillic))


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
    parts: list[str] = []
    position = 0
    for start, end in prose.protected_spans(text):
        parts += [convert(text[position:start]) if start > position else "", text[start:end]]
        position = end
    parts.append(convert(text[position:]) if position < len(text) else "")
    return "".join(parts)


TRANSLITERATIONS: Final[dict[str, Callable[[str], str]]] = {"uz-Latn-to-Cyrl": uzbek_latin_to_cyrillic}
"""Transliterations a language in oila.yaml can name to be derived from another."""
