"""Text from the sources on the site: escaped, so a label such as `<script>` shows as text and runs nothing.

A text localized for the site holds its references as marks (`generator.model.references`); here each
becomes a link where links can stand, and its plain words where they cannot (titles, attributes).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from generator.model.references import MARK, unmarked

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")


def _escaped(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def md(text: str) -> str:
    """`text` for a Markdown page: HTML escaped, Markdown's own marks taken literally, references as links."""
    parts = []
    position = 0
    for match in MARK.finditer(text):
        parts += [_escaped(text[position : match.start()]), _markdown_link(match.group("words"), match.group("link"))]
        position = match.end()
    return "".join(parts) + _escaped(text[position:])


def md_plain(text: str) -> str:
    """`text` for a Markdown page where a link cannot stand, such as the text of another link or a heading."""
    return _escaped(unmarked(text))


def esc(text: str) -> str:
    """`text` inside raw HTML where a link cannot stand (an attribute, a title), references as their words."""
    return html.escape(unmarked(text), quote=True)


def html_text(text: str, base: str) -> str:
    """`text` as the content of an HTML element, references as links; `base` leads from the page to the docs root
    (`../` from `sop/`)."""
    parts = []
    position = 0
    for match in MARK.finditer(text):
        page, _, anchor = match.group("link").partition("#")
        href = base + page.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")
        parts += [html.escape(text[position : match.start()]), f'<a href="{esc(href)}">{esc(match.group("words"))}</a>']
        position = match.end()
    return "".join(parts) + html.escape(text[position:])


def prose(markdown: str) -> str:
    """Prose written as Markdown: its formatting kept, any HTML tag made harmless, references as links."""
    parts = []
    position = 0
    for match in MARK.finditer(markdown):
        parts += [
            markdown[position : match.start()].replace("<", "&lt;"),
            _markdown_link(*match.group("words", "link")),
        ]
        position = match.end()
    return "".join(parts) + markdown[position:].replace("<", "&lt;")


def _markdown_link(words: str, link: str) -> str:
    """A link from the docs root, which MkDocs turns into a link relative to the page and checks."""
    return f"[{_escaped(words)}](/{link})"


def html_table(head: Iterable[str], rows: Iterable[tuple[str, Iterable[str]]], kind: str = "") -> str:
    """A ruled table that scrolls sideways inside its own box on a narrow screen, rather than the whole page.

    `head` and each row's cells arrive as HTML, whole cells (`<td lang="ru">…</td>`); each row comes with its
    `<tr>` attributes (`id="…"`) or "". A `kind` of table (`glossary`) may have a layout of its own. Every cell
    stands on a line of its own: the search index joins the words of neighbouring cells unless something stands
    between them.
    """
    classes = f"oila-table oila-{kind}" if kind else "oila-table"
    body = "".join(
        f"<tr{' ' if attributes else ''}{attributes}>\n" + "\n".join(cells) + "\n</tr>" for attributes, cells in rows
    )
    head_row = "\n".join(head)
    return (
        f'<div class="oila-scroll" tabindex="0">\n<table class="{classes}">\n<thead><tr>\n{head_row}\n</tr></thead>\n'
        f"<tbody>{body}</tbody>\n</table>\n</div>"
    )
