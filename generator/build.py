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
from generator.model.project import Project
from generator.pdf import PdfUnavailable, convert_to_pdf
from generator.render import RENDERERS, Artifact, renderer
from generator.site.build_site import render_site, root_page
from generator.site.bundle import field_bundle
from generator.write import write_atomic

PDF = "pdf"
"""The PDF beside every Word output: an output kind of its own, made from the Word files of this build."""
SITE = "site"
BUNDLES = "bundles"
"""The documentation site, one MkDocs build per language, with this build's files as its downloads."""
WORD_OUTPUTS = ("forms", "sop")
"""The Word outputs that get a PDF beside them; a fillable form is for filling on a computer, not printing."""
SITE_DOWNLOADS = (*WORD_OUTPUTS, "fillable")


@dataclass(frozen=True)
class BuildResult:
    written: int
    unchanged: int
    total: int
    warnings: tuple[str, ...] = ()
    """What could not be made, and how to make it possible, such as PDFs without LibreOffice."""


def outputs() -> tuple[str, ...]:
    """Every kind of output `--only` can choose."""
    return (*RENDERERS, PDF, SITE)


def build(
    root: Path,
    out: Path,
    languages: Sequence[str] | None = None,
    only: Sequence[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> BuildResult:
    project = load_project(root)
    chosen_languages = _choose("language", languages, project.settings.codes)
    chosen_kinds = _choose("output", only, outputs())
    rendered = _render(project, chosen_languages, chosen_kinds, progress)
    artifacts = {path: item for path, (kind, _, item) in rendered.items() if kind in chosen_kinds}
    entries = {path: Entry.describe(path, kind, language, item) for path, (kind, language, item) in rendered.items()}
    entries = {path: entry for path, entry in entries.items() if path in artifacts}
    warnings: list[str] = []
    if PDF in chosen_kinds:
        try:
            for path, (language, item) in _pdfs(rendered, progress).items():
                artifacts[path] = item
                entries[path] = Entry.describe(path, PDF, language, item)
        except PdfUnavailable as unavailable:
            warnings.append(f"no PDFs were made: {unavailable}")
    if SITE in chosen_kinds:
        files = {path: item.content for path, (_, _, item) in rendered.items()}
        files.update({path: item.content for path, item in artifacts.items() if path.endswith(".pdf")})
        for language in chosen_languages:
            progress(f"building the site in {language}")
            for path, content in render_site(root, project, language, files).items():
                site_path = f"{SITE}/{language}/{path}"
                artifacts[site_path] = Artifact(
                    content, SITE, project.sop.metadata.version, project.sop.metadata.version_date
                )
                entries[site_path] = Entry.describe(site_path, SITE, language, artifacts[site_path])
        for language in chosen_languages:
            bundle_path = f"{BUNDLES}/oila-{language}.zip"
            site_files = {
                p.removeprefix(f"{SITE}/"): a.content
                for p, a in artifacts.items()
                if p.startswith(f"{SITE}/{language}/")
            }
            content = field_bundle(language, site_files)
            artifacts[bundle_path] = Artifact(
                content, SITE, project.sop.metadata.version, project.sop.metadata.version_date
            )
            entries[bundle_path] = Entry.describe(bundle_path, SITE, language, artifacts[bundle_path])
        root_page_path = f"{SITE}/index.html"
        artifacts[root_page_path] = Artifact(
            root_page(project), SITE, project.sop.metadata.version, project.sop.metadata.version_date
        )
        entries[root_page_path] = Entry.describe(root_page_path, SITE, "", artifacts[root_page_path])
    previous = read_manifest(out)
    rebuilt = {(kind, language) for kind in chosen_kinds for language in chosen_languages}
    kept = {p: e for p, e in previous.items() if (e.kind, e.language) not in rebuilt and (out / p).is_file()}
    written = 0
    for index, path in enumerate(sorted(artifacts), start=1):
        changed = write_atomic(out / path, artifacts[path].content)
        written += changed
        progress(f"[{index}/{len(artifacts)}] {path}{'' if changed else ' (unchanged)'}")
    for path in sorted(set(previous) - set(entries) - set(kept)):
        (out / path).unlink(missing_ok=True)
        progress(f"removed {path}: this build does not make it")
    write_manifest(out, project.settings.name, {**kept, **entries})
    return BuildResult(written, len(artifacts) - written, len(artifacts), tuple(warnings))


Rendered = dict[str, tuple[str, str, Artifact]]
"""`{path: (kind, language, artifact)}` of everything rendered in memory."""


def _render(
    project: Project, languages: tuple[str, ...], kinds: tuple[str, ...], progress: Callable[[str], None]
) -> Rendered:
    """Every chosen output, and the Word files the PDFs need even when only PDFs were asked for."""
    needed = [
        kind
        for kind in RENDERERS
        if kind in kinds or (PDF in kinds and kind in WORD_OUTPUTS) or (SITE in kinds and kind in SITE_DOWNLOADS)
    ]
    rendered: Rendered = {}
    for language in languages:
        view = project.localize(language)
        for kind in needed:
            progress(f"rendering {kind} in {language}")
            for path, artifact in renderer(kind)(view).items():
                rendered[path] = (kind, language, artifact)
    return rendered


def _pdfs(rendered: Rendered, progress: Callable[[str], None]) -> dict[str, tuple[str, Artifact]]:
    """`{path.pdf: (language, artifact)}` for every Word file rendered, in one LibreOffice run."""
    documents = {path: item for path, (kind, _, item) in rendered.items() if kind in WORD_OUTPUTS}
    stamps = {path: f"{item.version_date:%Y%m%d}" for path, item in documents.items()}
    pdfs = convert_to_pdf({path: item.content for path, item in documents.items()}, stamps, progress)
    made = {}
    for path, item in documents.items():
        pdf = path.removesuffix(".docx") + ".pdf"
        language = rendered[path][1]
        made[pdf] = (language, Artifact(pdfs[pdf], item.source, item.version, item.version_date))
    return made


def _choose(what: str, asked: Sequence[str] | None, known: tuple[str, ...]) -> tuple[str, ...]:
    if not asked:
        return known
    unknown = [name for name in asked if name not in known]
    if unknown:
        raise OilaError(f"unknown {what} '{unknown[0]}'; choose from {', '.join(known)}")
    return tuple(name for name in known if name in asked)
