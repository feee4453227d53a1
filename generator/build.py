"""`oila build`: load once, render every language, then write; a failure leaves the last good build alone.

Everything is rendered in memory before the first byte is written, so a build that fails part way
writes nothing. Files are written atomically and only when their bytes change; files that an earlier
build made and this one no longer makes are removed; `manifest.json` lists what the build folder holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import OilaError
from generator.load import load_project
from generator.manifest import Entry, read_manifest, write_manifest
from generator.render import RENDERERS, renderer
from generator.write import write_atomic


@dataclass(frozen=True)
class BuildResult:
    written: int
    unchanged: int
    total: int


def build(
    root: Path,
    out: Path,
    languages: Sequence[str] | None = None,
    only: Sequence[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> BuildResult:
    project = load_project(root)
    chosen_languages = _choose("language", languages, project.settings.codes)
    chosen_kinds = _choose("output", only, tuple(RENDERERS))
    entries: dict[str, Entry] = {}
    contents: dict[str, bytes] = {}
    for language in chosen_languages:
        view = project.localize(language)
        for kind in chosen_kinds:
            progress(f"rendering {kind} in {language}")
            for path, artifact in renderer(kind)(view).items():
                contents[path] = artifact.content
                entries[path] = Entry.describe(path, kind, language, artifact)
    previous = read_manifest(out)
    rebuilt = {(kind, language) for kind in chosen_kinds for language in chosen_languages}
    kept = {p: e for p, e in previous.items() if (e.kind, e.language) not in rebuilt and (out / p).is_file()}
    written = 0
    for index, path in enumerate(sorted(contents), start=1):
        changed = write_atomic(out / path, contents[path])
        written += changed
        progress(f"[{index}/{len(contents)}] {path}{'' if changed else ' (unchanged)'}")
    for path in sorted(set(previous) - set(entries) - set(kept)):
        (out / path).unlink(missing_ok=True)
        progress(f"removed {path}: no source makes it any more")
    write_manifest(out, project.settings.name, {**kept, **entries})
    return BuildResult(written=written, unchanged=len(contents) - written, total=len(contents))


def _choose(what: str, asked: Sequence[str] | None, known: tuple[str, ...]) -> tuple[str, ...]:
    if not asked:
        return known
    unknown = [name for name in asked if name not in known]
    if unknown:
        raise OilaError(f"unknown {what} '{unknown[0]}'; choose from {', '.join(known)}")
    return tuple(name for name in known if name in asked)
