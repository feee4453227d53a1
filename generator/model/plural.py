"""Numbers with their words: `3 рабочих дня`, `5 рабочих дней`, `1 рабочий день`.

A text that depends on a number is written as an ICU plural message, the form translators' tools know:
`{n, plural, one {# working day} other {# working days}}`, where `#` stands for the number and `=1 {...}`
names an exact value. A text without the `{n, plural, ...}` part is the same for every number. Which
category a number falls in is CLDR's rule for the language; a language without a rule here uses `other`
for every number, which suits the languages that do not inflect a noun after a numeral (Uzbek, Tajik).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final


def _russian(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


PLURAL_RULES: Final[dict[str, Callable[[int], str]]] = {
    "en": lambda n: "one" if n == 1 else "other",
    "ru": _russian,
    "uz": lambda n: "one" if n == 1 else "other",
}
"""CLDR's cardinal plural categories of whole numbers, by language (without its script: `uz` for `uz-Cyrl`)."""

CATEGORIES: Final = ("zero", "one", "two", "few", "many", "other")
PLURAL: Final = re.compile(r"\{\s*n\s*,\s*plural\s*,(?P<cases>(?:\s*(?:=\d+|[a-z]+)\s*\{[^{}]*\})+)\s*\}")
_CASE: Final = re.compile(r"(?P<selector>=\d+|[a-z]+)\s*\{(?P<message>[^{}]*)\}")


def category(language: str, number: int) -> str:
    rule = PLURAL_RULES.get(language.partition("-")[0])
    return rule(number) if rule else "other"


def plural_problem(pattern: str) -> str | None:
    """What is wrong with `pattern` as a plural message, or None."""
    if "#" not in pattern and "{" not in pattern:
        return "write # where the number goes, such as '# oy'"
    for match in PLURAL.finditer(pattern):
        selectors = [case.group("selector") for case in _CASE.finditer(match.group("cases"))]
        unknown = [item for item in selectors if not item.startswith("=") and item not in CATEGORIES]
        if unknown:
            return f"'{unknown[0]}' is not a plural category; use {', '.join(CATEGORIES)} or =N"
        if "other" not in selectors:
            return "a plural message needs an 'other {...}' case"
    if "{" in PLURAL.sub("", pattern):
        return "write the plural part as {n, plural, one {# ...} other {# ...}}"
    return None


def with_number(pattern: str, language: str, number: int, shown: str) -> str:
    """`pattern` for `number`, which is written as `shown` (such as `6–12` for a range up to 12)."""

    def choose(match: re.Match[str]) -> str:
        cases = {case.group("selector"): case.group("message") for case in _CASE.finditer(match.group("cases"))}
        exact = cases.get(f"={number}")
        return exact if exact is not None else cases.get(category(language, number), cases["other"])

    return PLURAL.sub(choose, pattern).replace("#", shown)
