"""The site's search: how it reads words in each language, and the index Oila's search worker loads.

MkDocs' search plugin collects the pages' text into `search/search_index.json`; Oila rewrites that file for its
own worker (`assets/oila-search.js`), which runs in the reader's browser behind Material's search box. The worker
reads every word and every query the same way:

- folded: lower case, `ё` as `е`, and every way people type oʻ, gʻ and the tutuq belgisi (ʻ ʼ ' ` ‘ ’, or
  nothing) as nothing, so that `oʻquv`, `o'quv` and `oquv` are one word;
- stemmed: the inflections of the language taken off its end, so that `реинтеграция` finds `реинтеграции` and
  `reintegratsiyasi` finds `reintegratsiya`; a query word finds every word that begins with its stem.

The rules are data, here, and travel in the index; the worker applies them to the pages and to the query alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.errors import BuildError
from generator.i18n.transliterate import TRANSLITERATIONS
from generator.model.language import Language

APOSTROPHES = "ʻʼ‘’'`"
"""Every way people type the oʻ and gʻ mark and the tutuq belgisi; search reads them all as nothing."""
FOLDS: dict[str, str] = {"ё": "е", **dict.fromkeys(APOSTROPHES, "")}
"""Letters read as another (or as nothing) in every language, in the pages and in the query."""
CYRILLIC_UZBEK_FOLDS: dict[str, str] = {"ъ": ""}
"""The Cyrillic tutuq belgisi (маъно) is often left out when typing, like its Latin ʼ."""

_RUSSIAN_ENDINGS = (
    # nouns
    "иями", "ями", "ами", "ией", "иям", "ием", "иях", "ья", "ье", "ьи", "ью", "ия", "ию", "ии",
    "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью", "ьми", "ми",
    # adjectives and participles
    "ого", "его", "ому", "ему", "ыми", "ими", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ую", "юю",
    # verbs
    "ться", "тся", "ать", "ять", "ить", "еть", "ует", "уют", "ает", "ают", "ит", "ят", "ет", "ют", "ла", "ли",
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь",
)  # fmt: skip
_UZBEK_ENDINGS = (
    # plural, possessive, case and the -gi/-dagi of place, which Uzbek strings one after another
    "lar", "imiz", "ingiz", "im", "ing", "si", "i", "ning", "ni", "ga", "ka", "qa", "da", "dan", "dagi", "gi",
    "gacha", "dek", "day", "mi",
)  # fmt: skip
_ENGLISH_ENDINGS = ("ies", "es", "s", "ing", "ed")


@dataclass(frozen=True)
class WordRules:
    """How search reads the words of one language."""

    folds: dict[str, str]
    endings: tuple[str, ...]
    """Inflections taken off a word's end, the longest first."""
    shortest_stem: int
    """No ending is taken off if less than this would be left."""
    repeat: bool
    """Whether endings come off one after another (Uzbek strings them: reintegratsiya-si-ning)."""

    def config(self) -> dict[str, object]:
        """The rules as the worker reads them from the index."""
        return {
            "folds": self.folds,
            "endings": list(self.endings),
            "shortestStem": self.shortest_stem,
            "repeat": self.repeat,
        }


def _longest_first(endings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(endings), key=lambda ending: (-len(ending), ending)))


_RULES: dict[str, WordRules] = {
    "en": WordRules(FOLDS, _longest_first(_ENGLISH_ENDINGS), 4, False),
    "ru": WordRules(FOLDS, _longest_first(_RUSSIAN_ENDINGS), 3, False),
    "uz": WordRules(FOLDS, _longest_first(_UZBEK_ENDINGS), 4, True),
}


def word_rules(language: Language) -> WordRules:
    """The rules for `language`; a language made from another by transliteration (Uzbek in Cyrillic) reads its
    words by that language's rules, its endings transliterated too. A language without rules is read word by word,
    folded."""
    if language.code in _RULES:
        return _RULES[language.code]
    if language.derived_from in _RULES and language.transliteration is not None:
        base, convert = _RULES[language.derived_from], TRANSLITERATIONS[language.transliteration]
        endings = _longest_first(tuple(convert(ending) for ending in base.endings))
        return WordRules({**base.folds, **CYRILLIC_UZBEK_FOLDS}, endings, base.shortest_stem, base.repeat)
    return WordRules(FOLDS, (), 1, False)


def search_index(material_index: bytes, rules: WordRules, where: str) -> bytes:
    """The index MkDocs wrote, rewritten for Oila's worker: the pages' text as it was, the rules added, written as
    UTF-8 rather than `\\uXXXX` escapes (half the size in Cyrillic)."""
    try:
        index = json.loads(material_index)
        docs = [{"location": doc["location"], "title": doc["title"], "text": doc["text"]} for doc in index["docs"]]
    except (ValueError, KeyError, TypeError) as error:
        raise BuildError(f"{where}: MkDocs wrote a search index Oila cannot read ({error})") from error
    config = {"separator": index["config"]["separator"], "words": rules.config()}
    rewritten = {"config": config, "docs": docs}
    return json.dumps(rewritten, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def offline_search_index(index: bytes) -> bytes:
    """The index as a script, for a site opened from files, where a page cannot fetch it."""
    return b"var __index = " + index
