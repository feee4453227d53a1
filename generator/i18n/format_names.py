"""The translation formats by name and file ending: what the command line offers, known without loading the
libraries that read and write them (`generator.i18n.formats`)."""

from __future__ import annotations

from typing import Final

FORMATS: Final = ("xliff", "po", "xlsx")
"""The formats `write_translations` writes, as the command line offers them."""
SUFFIXES: Final = {"xliff": ".xlf", "po": ".po", "xlsx": ".xlsx"}
"""The file name ending for each format: `read_translations` knows a file's format by it."""
