"""References: a text names a thing another document owns instead of typing it.

`{kind:target}` or `{kind:target|style}` inside any localised text or page of prose, such as
`{step:closure}`, `{form:referral|code}`, `{question:child-needs-assessment/risk_level}`,
`{timeframe:referral_feedback|within}` or `{term:case_conference}`. Each is rendered in the text's
language when the project is localized: the step's number and name, the form's code and title, the
question's computed number, the timeframe's value and unit in words. So a step that moves, a form that is
renumbered or a timeframe that changes is edited once and every document follows, in every language.

The braces keep a reference whole through YAML, Markdown, Jinja, the transliteration and a translator's
tools (it is a protected placeholder in XLIFF), and Uzbek endings may follow it: `{step:closure|short}da`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

REFERENCE: Final = re.compile(r"\{(?P<kind>[a-z]+):(?P<target>[^{}|\n]+?)(?:\|(?P<style>[a-z_]+))?\}")
"""A reference as written. The kind and style are checked against `KINDS` when the sources are loaded."""

DEFAULT: Final = "default"


@dataclass(frozen=True)
class Kind:
    """What a kind of reference names, how its target is written, and the styles it can be rendered in."""

    names: str
    target: str
    styles: dict[str, str]
    """Style to what it renders; `default` is the style of a reference written without `|style`."""


KINDS: Final[dict[str, Kind]] = {
    "step": Kind(
        "a case-management step of sop/structure.yaml",
        "the step's id, such as closure",
        {
            DEFAULT: "the step's number and title: step 10 (Case closure)",
            "short": "the step's number: step 10",
            "number": "the number alone: 10",
            "title": "the title alone: Case closure",
        },
    ),
    "section": Kind(
        "a section of the SOP's prose",
        "the section's file name without its number and .md, such as safeguarding for 08-safeguarding.md",
        {
            DEFAULT: "the section's number and title: section 8 (Safeguarding)",
            "short": "the section's number: section 8",
            "number": "the number alone: 8",
            "title": "the title alone",
        },
    ),
    "form": Kind(
        "a form",
        "the form's id, such as referral",
        {DEFAULT: "the form's code and title: F-07 (Referral)", "code": "the code alone: F-07", "title": "the title"},
    ),
    "question": Kind(
        "a question or section of a form",
        "the form's id, '/' and the question's or section's id, such as referral/urgency",
        {
            DEFAULT: "the computed number with its word: question 2.3, or section 2",
            "number": "the number alone: 2.3",
            "label": "the question's label or the section's title",
        },
    ),
    "role": Kind(
        "a role of sop/structure.yaml",
        "the role's id, such as district_sector",
        {DEFAULT: "the role's short name", "name": "the role's full name"},
    ),
    "pathway": Kind(
        "a referral pathway of sop/structure.yaml",
        "the pathway's id, such as violence_disclosure",
        {DEFAULT: "the pathway's title"},
    ),
    "term": Kind(
        "a glossary term",
        "the term's id, such as case_conference",
        {DEFAULT: "the term, without the alternatives in brackets", "full": "the term as the glossary writes it"},
    ),
    "timeframe": Kind(
        "a shared timeframe of sop/timeframes.yaml",
        "the timeframe's id, such as referral_feedback",
        {
            DEFAULT: "the value and unit: 3 working days",
            "within": "a limit: within 3 working days",
            "every": "a frequency: every 3 months",
        },
    ),
    "sop": Kind(
        "the SOP itself",
        "abbreviation, title, short_title or code",
        {DEFAULT: "that part of sop/sop.yaml"},
    ),
    "project": Kind(
        "what the project holds, counted or listed from its sources",
        "form_count, first_form, last_form, language_count or languages",
        {DEFAULT: "the fact: 14 (form_count), F-01 (first_form), English, Русский, Oʻzbekcha, Ўзбекча (languages)"},
    ),
    "code": Kind(
        "a word kept as written in every script, such as an organisation's Latin acronym",
        "the word itself, such as CPWG",
        {DEFAULT: "the word as written"},
    ),
}
"""Every kind of reference, for the checks and their messages."""

UNMATCHED_KINDS: Final = frozenset({"code"})
"""Kinds that a translation may use where its English does not (a mark for the transliteration, not a fact)."""


@dataclass(frozen=True)
class Reference:
    """One reference found in a text."""

    kind: str
    target: str
    style: str
    start: int
    end: int

    @property
    def written(self) -> str:
        suffix = "" if self.style == DEFAULT else f"|{self.style}"
        return f"{{{self.kind}:{self.target}{suffix}}}"

    @property
    def key(self) -> tuple[str, str]:
        """What it names, whatever the style: the same thing in every language of a text."""
        return self.kind, self.target


def references_in(text: str) -> Iterator[Reference]:
    for match in REFERENCE.finditer(text):
        style = match.group("style") or DEFAULT
        yield Reference(match.group("kind"), match.group("target"), style, match.start(), match.end())


def without_references(text: str) -> str:
    """`text` with each reference blanked out (same length), for checks that read only what is typed."""
    return REFERENCE.sub(lambda match: " " * len(match.group()), text)


# Marks: how a localized text tells the site where a reference was, so that it can become a link.

MARK_START: Final = "\ue000"
MARK_MIDDLE: Final = "\ue001"
MARK_END: Final = "\ue002"
MARK: Final = re.compile(f"{MARK_START}(?P<link>[^{MARK_MIDDLE}]*){MARK_MIDDLE}(?P<words>[^{MARK_END}]*){MARK_END}")
"""A rendered reference in a view made for the site: the link target, then the words shown."""


def marked(link: str, words: str) -> str:
    return f"{MARK_START}{link}{MARK_MIDDLE}{words}{MARK_END}"


def unmarked(text: str) -> str:
    """`text` with every mark replaced by its words."""
    return MARK.sub(lambda match: match.group("words"), text) if MARK_START in text else text
