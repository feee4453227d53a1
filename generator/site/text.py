"""Text from the sources on the site: escaped, so a label such as `<script>` shows as text and runs nothing."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")


def md(text: str) -> str:
    """`text` for a Markdown page: HTML escaped, and Markdown's own marks taken literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def esc(text: str) -> str:
    """`text` inside raw HTML."""
    return html.escape(text, quote=True)


def prose(markdown: str) -> str:
    """Prose written as Markdown: its formatting kept, any HTML tag made harmless."""
    return markdown.replace("<", "&lt;")
