"""What in a text is prose, and how a quotation mark is told from an apostrophe: rules the Uzbek
orthography check and the transliteration share, so that both read a text the same way.

Not prose: Jinja, Markdown code, link targets, HTML tags, attribute lists, addresses and the other
constructs listed in `protected_spans`. A ' or ’ ends a quotation when one was opened earlier on its
line (‘Radio’); otherwise, after a letter, it is an apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_PROTECTED = re.compile(
    "|".join(
        (
            r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$",  # front matter: settings, not prose
            r"^[ \t]*(?P<fence>`{3,}(?=[^`\n]*$)|~{3,}).*?(?:^[ \t]*(?P=fence)[`~]*[ \t]*$|\Z)",  # fenced code
            r"\{\{.*?\}\}|\{%.*?%\}",  # Jinja
            r"\{:?[ \t]*[#.][\w-][^{}\n]*\}|\{:[^{}\n]*\}",  # attribute list: {#some-id}, {: .class}
            r"\{#.*?#\}",  # Jinja comment
            r"<!--.*?-->|<(?P<raw>script|style)\b.*?</(?P=raw)\s*>",  # HTML comment, script, style
            r"</?[A-Za-z][\w-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>",  # HTML tag
            r"<(?:[A-Za-z][\w+.-]*:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>",  # autolink
            r"\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\]\n]*\]",  # link target, reference label
            r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[^\n]*|\[\^[^\]\n]+\]",  # link definition, footnote label
            r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[^\s\"]+(?:[ \t]+[^\s\"]+)*",  # admonition type: !!! note "Title"
            r"^[ \t]*-+8<-+[^\n]*",  # snippet: --8<-- "file.md"
            r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",  # HTML entity
            r"(?:https?|ftp)://[^\s<>\"«»]+|www\.[^\s<>\"«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # address
        )
    ),
    re.MULTILINE | re.DOTALL,
)
"""What Markdown keeps as written, except code spans (see `_code_span`)."""
_BACKQUOTES = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def protected_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of `text` that are not prose, in order, none inside another."""
    position = 0
    while True:
        match = _PROTECTED.search(text, position)
        spans = [span for span in (match.span() if match else None, _code_span(text, position)) if span]
        if not spans:
            return
        start, end = min(spans, key=lambda span: span[0])
        yield start, end
        position = end


def _code_span(text: str, position: int) -> tuple[int, int] | None:
    """The first Markdown code span from `position`: a run of backquotes to the next run as long, within a
    paragraph. A single backquote between two letters (o`qish) is a mistyped letter, not code."""
    while run := _BACKQUOTES.search(text, position):
        start, end = run.span()
        position = end
        if end - start == 1 and is_letter(text, start - 1) and is_letter(text, end):
            continue
        blank = _BLANK_LINE.search(text, end)
        closer = re.compile(rf"(?<!`){run.group()}(?!`)").search(text, end, blank.start() if blank else len(text))
        if closer:
            return start, closer.end()
    return None


_QUOTES = re.compile(r"['‘’]")


def closes_quote(text: str, index: int) -> bool:
    """Whether the ' or ’ at `index` ends a quotation opened earlier on its line, as in ‘Radio’."""
    is_open = False
    for match in _QUOTES.finditer(text, text.rfind("\n", 0, index) + 1, index):
        before, after = is_letter(text, match.start() - 1), is_letter(text, match.end())
        if after and not before:
            is_open = True
        elif before and not after:
            is_open = False
    return is_open


def is_letter(text: str, index: int) -> bool:
    """Letters include ʻ and ʼ: they are modifier letters, part of the word."""
    return 0 <= index < len(text) and text[index].isalpha()
