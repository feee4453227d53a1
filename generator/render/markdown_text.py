"""Text from the sources inside generated Markdown."""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def literal(text: str) -> str:
    """`text` as Markdown that means just the text: every ASCII punctuation mark backslash-escaped, so that
    `8. Safeguarding` stays a sentence, not a numbered list, and brackets stay brackets."""
    return _PUNCTUATION.sub(r"\\\1", text)
