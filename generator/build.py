"""`oila build`: load once, render every language, then write; a failure leaves the last good build alone.

Everything is rendered in memory before the first byte is written, so a build that fails part way
writes nothing. The new build is then put in place in one step (`generator.write.publish`): a build killed
at any moment leaves the old build or the new one, each matching its `manifest.json`. Files that an earlier
build made and this one no longer makes are removed; the temporary folders and staging folder a killed build
left are removed by the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.cache import Cache, cache_folder
from generator.errors import OilaError
from generator.i18n.state import translation_state
from generator.load.files import read_sources
from generator.load.project import project_from
from generator.manifest import MANIFEST, Entry, manifest_bytes, read_manifest
from generator.model.project import Project
from generator.model.view import ProjectView
from generator.pdf import PdfUnavailable, convert_to_pdf
from generator.render import OUTPUTS, PDF, RENDERERS, SITE, Artifact
from generator.render.diagrams import sop_diagrams
from generator.render_cache import render_or_keep
from generator.scratch import sweep_scratch
from generator.site.build_site import render_site
from generator.site.bundle import field_bundle
from generator.site.links import site_linker
from generator.site.root import LanguageChoice, language_choice_page
from generator.write import publish

BUNDLES = "bundles"
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


def build(
    root: Path,
    out: Path,
    languages: Sequence[str] | None = None,
    only: Sequence[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> BuildResult:
    sweep_scratch()
    sources = read_sources(root)
    project = project_from(sources)
    chosen_languages = _choose("language", languages, project.settings.codes)
    chosen_kinds = _choose("output", only, OUTPUTS)
    translations = translation_state(sources)
    views = {language: project.localize(language, translations.outdated(language)) for language in chosen_languages}
    caches = {kind: Cache(cache_folder(out), kind) for kind in ("render", PDF, SITE)}
    rendered = _render(views, chosen_kinds, progress, caches["render"])
    made = {path: item for path, item in rendered.items() if item[0] in chosen_kinds}
    warnings: list[str] = []
    if PDF in chosen_kinds:
        try:
            made.update(_pdfs(rendered, progress, caches[PDF]))
        except PdfUnavailable as unavailable:
            warnings.append(f"no PDFs were made: {unavailable}")
    if SITE in chosen_kinds:
        made.update(_site(project, views, {**rendered, **made}, progress, caches[SITE]))
    entries = {path: Entry.describe(path, kind, language, item) for path, (kind, language, item) in made.items()}
    previous = read_manifest(out)
    rebuilt = {(kind, language) for kind in chosen_kinds for language in chosen_languages}
    kept = {p: e for p, e in previous.items() if (e.kind, e.language) not in rebuilt and (out / p).is_file()}
    files = {path: item.content for path, (_, _, item) in made.items()}
    manifest = manifest_bytes(project.settings.name, {**kept, **entries})
    dropped = frozenset(set(previous) - set(entries) - set(kept))
    published = publish(out, files, dropped, (MANIFEST, manifest), progress)
    for cache in caches.values():
        cache.prune()
    return BuildResult(published.written, published.unchanged, len(made), tuple(warnings))


Rendered = dict[str, tuple[str, str, Artifact]]
"""`{path: (kind, language, artifact)}` of everything rendered in memory."""


def _render(
    views: dict[str, ProjectView], kinds: tuple[str, ...], progress: Callable[[str], None], cache: Cache
) -> Rendered:
    """Every chosen output, and the Word files the PDFs need even when only PDFs were asked for."""
    needed = [
        kind
        for kind in RENDERERS
        if kind in kinds or (PDF in kinds and kind in WORD_OUTPUTS) or (SITE in kinds and kind in SITE_DOWNLOADS)
    ]
    rendered: Rendered = {}
    for language, view in views.items():
        for kind in needed:
            artifacts, kept = render_or_keep(kind, view, cache)
            progress(f"{kind} in {language}: {'unchanged, kept from the cache' if kept else 'rendered'}")
            for path, artifact in artifacts.items():
                rendered[path] = (kind, language, artifact)
    return rendered


def _pdfs(rendered: Rendered, progress: Callable[[str], None], cache: Cache) -> Rendered:
    """A PDF for every Word file rendered, made in one LibreOffice run."""
    documents = {path: item for path, (kind, _, item) in rendered.items() if kind in WORD_OUTPUTS}
    stamps = {path: f"{item.version_date:%Y%m%d}" for path, item in documents.items()}
    pdfs = convert_to_pdf({path: item.content for path, item in documents.items()}, stamps, progress, cache)
    made: Rendered = {}
    for path, item in documents.items():
        pdf = path.removesuffix(".docx") + ".pdf"
        made[pdf] = (PDF, rendered[path][1], Artifact(pdfs[pdf], item.source, item.version, item.version_date))
    return made


def _site(
    project: Project, views: dict[str, ProjectView], files: Rendered, progress: Callable[[str], None], cache: Cache
) -> Rendered:
    """Each language's site with this build's files as its downloads, its field bundle, and the root page."""
    metadata = project.sop.metadata

    def artifact(content: bytes) -> Artifact:
        return Artifact(content, SITE, metadata.version, metadata.version_date)

    downloads = {path: item.content for path, (_, _, item) in files.items()}
    made: Rendered = {}
    linker = site_linker(project)
    for language, view in views.items():
        progress(f"building the site in {language}")
        diagrams = sop_diagrams(view.sop, view.labels)
        pages = render_site(project, project.localize(language, view.outdated, linker), downloads, diagrams, cache)
        for path, content in pages.items():
            made[f"{SITE}/{language}/{path}"] = (SITE, language, artifact(content))
        bundle_files = {f"{language}/{path}": content for path, content in pages.items()}
        bundle = field_bundle(project.settings.name, LanguageChoice.of(view), bundle_files)
        made[f"{BUNDLES}/oila-{language}.zip"] = (SITE, language, artifact(bundle))
    choices = [LanguageChoice.of(view) for view in views.values()]
    made[f"{SITE}/index.html"] = (SITE, "", artifact(language_choice_page(project.settings.name, choices)))
    return made


def _choose(what: str, asked: Sequence[str] | None, known: tuple[str, ...]) -> tuple[str, ...]:
    if not asked:
        return known
    unknown = [name for name in asked if name not in known]
    if unknown:
        raise OilaError(f"unknown {what} '{unknown[0]}'; choose from {', '.join(known)}")
    return tuple(name for name in known if name in asked)
