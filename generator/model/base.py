"""What every source model shares: frozen, no unknown keys, and the id formats."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class SourceModel(BaseModel):
    """A part of a source file: immutable once loaded, and strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False, str_strip_whitespace=False)


Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
"""The id of a section, question or column: lower-case letters, digits and `_`, starting with a letter."""

ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
"""The id of an answer in a choice list, such as `yes`, `high` or `1`."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
"""The id of a file-level source (a form, a choice list): lower-case words joined by `-`."""
