"""New translations gathered first and written together: each YAML file edited in place by
`yaml_edit`, each page of prose written whole. Every file is made in memory before any is written, so a
text that cannot be written leaves every source as it was."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.i18n.inventory import Entry
from generator.i18n.yaml_edit import Edit, apply_edits
from generator.load.source import decode_text
from generator.write import write_atomic


@dataclass
class SourceChanges:
    edits: dict[str, list[Edit]] = field(default_factory=lambda: defaultdict(list))
    pages: dict[str, str] = field(default_factory=dict)

    def set(self, entry: Entry, language: str, text: str) -> None:
        if entry.path:
            self.edits[entry.file].append(Edit(entry.path, language, text))
        else:
            self.pages[entry.file_in(language)] = text

    def write(self, root: Path) -> dict[str, int]:
        """Write every changed file; returns each file written and how many of its texts changed."""
        contents = {}
        for name, changes in sorted(self.edits.items()):
            text = decode_text((root / name).read_bytes(), name)
            contents[name] = (apply_edits(text, changes, name).encode("utf-8"), len(changes))
        contents.update({name: (text.encode("utf-8"), 1) for name, text in self.pages.items()})
        return {
            name: count for name, (content, count) in sorted(contents.items()) if write_atomic(root / name, content)
        }
