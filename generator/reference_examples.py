"""The table of `sop/README.md` that shows what each kind of reference becomes, written from the sources.

The author writes a row's first cell, the reference; `oila schema` writes the rest of the row, the reference
rendered in each written language, so that a step moved or a timeframe changed changes the table too, and
`oila schema --check` fails while it is stale. Only the rows between the two markers are written.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import OilaError
from generator.load.project import load_project
from generator.model.references import references_in
from generator.model.resolve import Resolver, UnresolvedReference
from generator.write import write_atomic

README = "sop/README.md"
START = "<!-- reference examples: `oila schema` writes each row from its first cell -->"
END = "<!-- end of reference examples -->"
_ROW = re.compile(r"^\| `(\{.+?\})` \|.*$", re.MULTILINE)


def write_reference_examples(root: Path, check_only: bool) -> list[str]:
    """Rewrite the examples of `sop/README.md` from the sources; with `check_only`, write nothing. The file's name
    when it was stale, else nothing; nothing in a project whose README has no such table."""
    path = root / README
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if START not in text:
        return []
    before, rest = text.split(START, 1)
    if END not in rest:
        raise OilaError(f"{README}: the reference examples start with {START!r} but never end with {END!r}")
    table, after = rest.split(END, 1)
    project = load_project(root)
    resolvers = [Resolver(project.referents, language) for language in project.settings.written]

    def row(found: re.Match[str]) -> str:
        written = found.group(1)
        reference = next(iter(references_in(written.replace("\\|", "|"))), None)
        if reference is None:
            raise OilaError(f"{README}: '{written}' is not a reference")
        try:
            shown = [resolver.render(reference) for resolver in resolvers]
        except UnresolvedReference as error:
            raise OilaError(f"{README}: {written}: {error}") from None
        return "| " + " | ".join([f"`{written}`", *shown]) + " |"

    made = before + START + _ROW.sub(row, table) + END + after
    if made == text:
        return []
    if not check_only:
        write_atomic(path, made.encode("utf-8"))
    return [README]
