"""Uzbek Latin orthography (CONTENT.md §4.1): the faults in a text, and the text with the sure ones repaired.

* oʻ, gʻ take the turned comma ʻ (U+02BB); ', `, ‘, ’ or ʼ after o or g is a fault. The 1995 rules write
  three Arabic loans with oʻ and then the tutuq belgisi: moʻʼjiza, moʻʼtabar, moʻʼtadil. These are the only
  exceptions, and any oʻʼ is accepted; no word writes ʼ straight after o or g.
* The tutuq belgisi (maʼlumot, taʼlim) is the modifier apostrophe ʼ (U+02BC); ', `, ‘, ’ or ʻ between two
  letters elsewhere is a fault.
* Quotation marks are not apostrophes: ‘Inson’ and 'Inson' are left alone, and so is a ' or ’ after o or g
  that closes a quotation opened on the same line (‘Radio’). A backquote counts only inside a word (o`qish);
  elsewhere it is Markdown code.
* Turkish and Kazakh letters (ö ó ğ ǵ ş ç ı), and Cyrillic look-alikes inside a Latin word (mahаlla with
  Cyrillic а), are repaired. Other Cyrillic letters in a Latin word, and whole Cyrillic words, are reported
  with a transliteration but not repaired: a quoted Russian name may be meant.
* Russian-style spellings: "ettilik" is repaired to "yettilik"; "kh" is reported only, as it may stand for
  x (xodim) or h (mahalla).

Jinja placeholders, Markdown code, web addresses and what else is not prose (`prose.protected_spans`) are
skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from generator.i18n.prose import closes_quote, is_letter, protected_spans

RULE_OKINA = "oʻ and gʻ take the turned comma ʻ (U+02BB)"
RULE_OKINA_TUTUQ = "moʻʼjiza, moʻʼtabar and moʻʼtadil take oʻ and then the tutuq belgisi ʼ (U+02BC)"
RULE_TUTUQ = "the tutuq belgisi is the modifier letter apostrophe ʼ (U+02BC)"
RULE_FOREIGN_LETTER = "Uzbek Latin has no ö, ó, ğ, ǵ, ş, ç or ı; it writes oʻ, gʻ, sh, ch and i"
RULE_LOOKALIKE = "a Cyrillic letter that looks Latin, inside a Latin word: search and sorting miss the word"
RULE_CYRILLIC_LETTER = "a Cyrillic letter inside a Latin word; retype it in Latin"
RULE_CYRILLIC_WORD = "Cyrillic word in Uzbek Latin text"
RULE_KH = "Russian-style kh; write x for Russian х (xodim) or h for Russian ҳ (mahalla)"
RULE_YETTILIK = "seven is yetti: yettilik, not the Russian-style ettilik"

_UNSURE = frozenset({RULE_CYRILLIC_LETTER, RULE_CYRILLIC_WORD, RULE_KH})
"""Rules whose expected text is a suggestion: `fix_uzbek` leaves their faults for a person to decide."""


@dataclass(frozen=True)
class Fault:
    offset: int
    """Index in the text where the fault starts."""
    found: str
    """The characters found, e.g. "o'"."""
    expected: str
    """What should be written, e.g. "oʻ"."""
    rule: str
    """A short explanation in English, e.g. "oʻ and gʻ take the turned comma ʻ (U+02BB)"."""


def uzbek_faults(text: str) -> list[Fault]:
    """Every orthography fault in a piece of Uzbek Latin text, in the order of the text."""
    masked = _masked(text)
    faults = [
        *_mark_faults(text, masked),
        *_foreign_letter_faults(masked),
        *_cyrillic_faults(masked),
        *_transliteration_faults(masked),
    ]
    return sorted(faults, key=lambda fault: (fault.offset, -len(fault.found)))


def fix_uzbek(text: str) -> str:
    """`text` with every fault that has one certain correction corrected; nothing else changes."""
    while (fixed := _fix_once(text)) != text:
        text = fixed
    return text


def _fix_once(text: str) -> str:
    parts: list[str] = []
    position = 0
    for fault in uzbek_faults(text):
        if fault.rule in _UNSURE or fault.offset < position:
            continue
        parts += [text[position : fault.offset], fault.expected]
        position = fault.offset + len(fault.found)
    return "".join(parts) + text[position:]


# What is not Uzbek text


def _masked(text: str) -> str:
    """`text` with what is not prose (placeholders, code, web addresses...) blanked out; offsets and line
    breaks stay."""
    chars = list(text)
    for start, end in protected_spans(text):
        chars[start:end] = re.sub(r"[^\n]", " ", text[start:end])
    return "".join(chars)


# ʻ and ʼ

_MARKS = re.compile(r"[ʻʼ'`‘’]+")
_O_OR_G = frozenset("OoGgОо")
"""The letters that take ʻ, with the Cyrillic О and о that pass for o."""
_OKINA_TUTUQ_WORD = re.compile(r"(?<![^\W\d_])m([oо])([ʻʼ'`‘’]+)(?:jiz|tabar|tadil)", re.IGNORECASE)


def _mark_faults(text: str, masked: str) -> Iterator[Fault]:
    exceptions: set[int] = set()
    for match in _OKINA_TUTUQ_WORD.finditer(masked):
        exceptions.add(match.start(2))
        if match.group(2) != "ʻʼ":
            letter = match.group(1)
            yield Fault(match.start(1), text[match.start(1) : match.end(2)], _latin(letter) + "ʻʼ", RULE_OKINA_TUTUQ)
    for match in _MARKS.finditer(masked):
        start, end = match.span()
        if start in exceptions or not is_letter(masked, start - 1):
            continue
        letter, run = masked[start - 1], match.group()
        if letter in _O_OR_G:
            expected = _okina_run(masked, start, end)
            if expected is not None and run != expected:
                yield Fault(start - 1, text[start - 1 : end], _latin(letter) + expected, RULE_OKINA)
        elif is_letter(masked, end) and run != "ʼ":
            yield Fault(start, run, "ʼ", RULE_TUTUQ)


def _okina_run(masked: str, start: int, end: int) -> str | None:
    """What the marks after an o or g should be: ʻ, or ʻʼ where two marks stand (mo''jiza); None where
    they are no apostrophe but the end of a quotation or of Markdown code."""
    run = masked[start:end]
    if is_letter(masked, end):
        return "ʻ" if len(run) == 1 else "ʻʼ"
    if len(run) > 1 or run == "`" or (run in "'’" and closes_quote(masked, start)):
        return None
    return "ʻ"


# Letters of other alphabets

_TURKIC = {"ö": "oʻ", "ó": "oʻ", "ğ": "gʻ", "ǵ": "gʻ", "ş": "sh", "ç": "ch", "ı": "i"}
_TURKIC |= {letter.upper(): latin.capitalize() for letter, latin in _TURKIC.items() if letter != "ı"} | {"İ": "I"}
_TURKIC |= {unicodedata.normalize("NFD", letter): latin for letter, latin in _TURKIC.items()}
_TURKIC_LETTER = re.compile("|".join(sorted(_TURKIC, key=len, reverse=True)))
_LOOKALIKES = dict(zip("аеорсухіАВЕКМНОРСТУХІ", "aeopcyxiABEKMHOPCTYXI", strict=True))
_CYRILLIC = dict(zip("абвгдзийклмнопрстуфхыэіқҳ", "abvgdziyklmnoprstufxieiqh", strict=True))
_CYRILLIC |= {"ё": "yo", "ж": "j", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "ʼ", "ь": "", "ю": "yu", "я": "ya"}
_CYRILLIC |= {"ў": "oʻ", "ғ": "gʻ", "е": "e", "ц": "s"}
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяўі")
_WORD = re.compile(r"[^\W\d_]+")


def _foreign_letter_faults(masked: str) -> Iterator[Fault]:
    for match in _TURKIC_LETTER.finditer(masked):
        expected = _TURKIC[match.group()]
        following = masked[match.end() : match.end() + 1]
        neighbour = following if following.isalpha() else masked[match.start() - 1 : match.start()]
        if expected[-1].islower() and expected[0].isupper() and neighbour.isupper():
            expected = expected.upper()  # ŞAHAR: SHAHAR
        yield Fault(match.start(), match.group(), expected, RULE_FOREIGN_LETTER)


def _cyrillic_faults(masked: str) -> Iterator[Fault]:
    for match in _WORD.finditer(masked):
        word = match.group()
        cyrillic = [index for index, char in enumerate(word) if _is_cyrillic(char)]
        if not cyrillic:
            continue
        if not any(_is_latin(char) for char in word):
            yield Fault(match.start(), word, _transliterated(word), RULE_CYRILLIC_WORD)
            continue
        for index in cyrillic:
            char = word[index]
            if char in _LOOKALIKES:
                yield Fault(match.start() + index, char, _LOOKALIKES[char], RULE_LOOKALIKE)
            else:
                yield Fault(match.start() + index, char, _transliterated(char), RULE_CYRILLIC_LETTER)


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _latin(char: str) -> str:
    return _LOOKALIKES.get(char, char)


def _transliterated(word: str) -> str:
    """Uzbek Cyrillic in Latin letters: е is ye at the start of a word and after a vowel, ц is ts after a vowel."""
    letters = []
    for index, char in enumerate(word):
        lower, previous = char.lower(), word[index - 1].lower() if index else ""
        latin = _CYRILLIC.get(lower, lower)
        if lower == "е" and (not previous or previous in _CYRILLIC_VOWELS or previous in "ъь"):
            latin = "ye"
        elif lower == "ц" and previous in _CYRILLIC_VOWELS:
            latin = "ts"
        if char != lower:
            latin = latin.upper() if word.isupper() and len(word) > 1 else latin.capitalize()
        letters.append(latin)
    return "".join(letters)


# Russian-style spellings

_KH = re.compile("kh", re.IGNORECASE)
_ETTILIK = re.compile(r"(?<![^\W\d_])ettili[kg][^\W\d_]*", re.IGNORECASE)


def _transliteration_faults(masked: str) -> Iterator[Fault]:
    for match in _KH.finditer(masked):
        yield Fault(match.start(), match.group(), "X or H" if match.group()[0].isupper() else "x or h", RULE_KH)
    for match in _ETTILIK.finditer(masked):
        word = match.group()
        yield Fault(match.start(), word, _with_y(word), RULE_YETTILIK)


def _with_y(word: str) -> str:
    if word.isupper():
        return "Y" + word
    return "Y" + word[0].lower() + word[1:] if word[0].isupper() else "y" + word
