"""`oila build`: load once, render every language, then write; a failure leaves the last good build alone.

Everything is rendered in memory before the first byte is written, so a build that fails part way
writes nothing. The new build is then put in place in one step (`generator.write.publish`): a build killed
at any moment leaves the old build or the new one, each matching its `manifest.json`. Files that an earlier
build made and this one no longer makes are removed; the temporary folders and staging folder a killed build
left are removed by the next.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.build_result import BuildResult
from generator.cache import Cache, cache_folder
from generator.errors import OilaError
from generator.i18n.state import translation_state
from generator.last_build import LastBuild, fingerprint, nothing_to_do, remember
from generator.load.files import read_sources
from generator.load.project import project_from
from generator.manifest import MANIFEST, Entry, manifest_bytes, read_manifest
from generator.model.project import Project
from generator.model.view import ProjectView
from generator.pdf import LibreOfficeRun, PdfMaker, PdfUnavailable, converter_version, pdf_name
from generator.render import OUTPUTS, PDF, RENDERERS, SITE, XLSFORM, Artifact, Drawings, PlannedFile, planner
from generator.render.diagrams import sop_diagrams
from generator.render.xlsform import xlsform_documents
from generator.render_cache import made_or_kept
from generator.scratch import sweep_scratch
from generator.site.build_site import SiteFiles, render_site
from generator.site.bundle import field_bundle
from generator.site.links import site_linker
from generator.site.page_cache import PAGES
from generator.site.root import LanguageChoice, language_choice_page
from generator.stopwatch import Stopwatch
from generator.workers import warm_up, worker_count, worker_pool
from generator.write import Published, publish

BUNDLES = "bundles"
WORD_OUTPUTS = ("forms", "sop", "training")
"""The outputs that get a PDF beside each file (Word documents, and the trainer's slide decks); a fillable form is
for filling on a computer, not printing."""
SITE_DOWNLOADS = (*WORD_OUTPUTS, "fillable", XLSFORM)


def build(
    root: Path,
    out: Path,
    languages: Sequence[str] | None = None,
    only: Sequence[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
    preview: bool = False,
) -> BuildResult:
    """Everything chosen, in memory, then written in one step. The Word documents are rendered in worker processes,
    the printed ones first (the SOP first of those); LibreOffice starts while the sources load and converts each
    printed document the moment it is rendered, and the sites are built meanwhile (they need only the names of the
    files they offer). A site offers the PDFs wherever LibreOffice can make them,
    so building it makes them. A `preview` (what `oila serve` shows first, to be looked at within seconds) makes the
    site's pages alone: its downloads are the files the last build left, and it has no field bundles."""
    clock = Stopwatch()
    current = nothing_to_do(root, out, languages, only, progress, preview)
    if current is not None:
        return current
    key = fingerprint(root, languages, only, preview)
    sweep_scratch()
    caches = {kind: Cache(cache_folder(out), kind) for kind in ("render", "drawing", PDF, SITE, PAGES)}
    warnings: list[str] = []
    chosen_kinds = _choose("output", only, OUTPUTS)
    with_pdfs = PDF in chosen_kinds or SITE in chosen_kinds
    with (
        worker_pool(1 if preview else worker_count()) as pool,
        contextlib.ExitStack() as early,  # closed once `beside` has ended, so that nothing is started after
        ThreadPoolExecutor(2) as beside,
    ):
        beside.submit(warm_up, pool)  # while the sources load, as is LibreOffice
        libreoffice = beside.submit(_converter, early, not preview) if with_pdfs else None
        with clock.span("sources"):
            sources = read_sources(root)
            project = project_from(sources)
            codes = project.settings.codes
            chosen_languages = _choose("language", languages, codes)
            translations = translation_state(sources)
            views = {code: project.localize(code, translations.outdated(code)) for code in chosen_languages}
            drawings = {code: sop_diagrams(view.sop, view.labels, caches["drawing"]) for code, view in views.items()}
            planned = _plan(views, drawings, chosen_kinds)
            if XLSFORM in chosen_kinds or SITE in chosen_kinds:  # one file a form, in every language
                every = [views.get(code) or project.localize(code, translations.outdated(code)) for code in codes]
                planned += [(XLSFORM, "", file) for file in xlsform_documents(tuple(every))]
            converter, why_not = libreoffice.result() if libreoffice else (_Converter(None, []), None)
            warnings += [why_not] if why_not else []
        printed = [item for item in planned if item[0] in WORD_OUTPUTS and item[2].printed and converter.version]
        pdf_paths = {pdf_name(document.path): document.path for _, _, document in printed}
        offered = [document.path for _, _, document in planned] + list(pdf_paths)
        sites = (
            beside.submit(clock.timed("site", _site), project, views, drawings, offered, progress, caches[SITE])
            if SITE in chosen_kinds
            else None
        )
        if preview:
            rendered = _last_built(out, planned, pdf_paths)
        else:
            rendered = _rendered(planned, printed, converter, pool, beside, progress, caches, clock)
        site = sites.result() if sites else None
    made = {path: item for path, item in rendered.items() if item[0] in chosen_kinds}
    if site is not None:
        with clock.span("bundles"):
            downloads = {path: item.content for path, (_, _, item) in rendered.items()}
            made.update(site.files(project, views, downloads, bundles=not preview))
    with clock.span("writing"):
        rebuilt = {(kind, language) for kind in chosen_kinds for language in (*chosen_languages, "")}
        published, names = _publish(out, project.settings.name, made, rebuilt, progress)
        for cache in caches.values():
            cache.prune()
        if fingerprint(root, languages, only, preview) == key:  # no source changed while this build read them
            remember(out, key, names, LastBuild(len(made), tuple(warnings)))
    return BuildResult(published.written, published.unchanged, len(made), tuple(warnings), clock.spans)


Rendered = dict[str, tuple[str, str, Artifact]]
"""`{path: (kind, language, artifact)}` of everything rendered in memory."""


def _publish(
    out: Path, name: str, made: Rendered, rebuilt: set[tuple[str, str]], progress: Callable[[str], None]
) -> tuple[Published, list[str]]:
    """`made` put in `out` in one step, with what the last build made of the kinds and languages not `rebuilt`; what
    was published, and the names of every file `out` then holds."""
    entries = {path: Entry.describe(path, kind, language, item) for path, (kind, language, item) in made.items()}
    previous = read_manifest(out)
    kept = {p: e for p, e in previous.items() if (e.kind, e.language) not in rebuilt and (out / p).is_file()}
    files = {path: item.content for path, (_, _, item) in made.items()}
    manifest = manifest_bytes(name, {**kept, **entries})
    dropped = frozenset(set(previous) - set(entries) - set(kept))
    return publish(out, files, dropped, (MANIFEST, manifest), progress), [*kept, *entries, MANIFEST]


Planned = list[tuple[str, str, PlannedFile]]
"""`[(kind, language, file)]` of every Word file a build makes."""


def _plan(views: dict[str, ProjectView], drawings: dict[str, Drawings], kinds: tuple[str, ...]) -> Planned:
    """Every chosen output, and the Word files the PDFs and the sites need even when only those were asked for."""
    needed = [
        kind
        for kind in RENDERERS
        if kind in kinds or (PDF in kinds and kind in WORD_OUTPUTS) or (SITE in kinds and kind in SITE_DOWNLOADS)
    ]
    return [
        (kind, code, file)
        for code, view in views.items()
        for kind in needed
        for file in planner(kind)(view, drawings[code])
    ]


def _rendered(
    planned: Planned,
    printed: Planned,
    converter: _Converter,
    pool: Executor | None,
    beside: Executor,
    progress: Callable[[str], None],
    caches: dict[str, Cache],
    clock: Stopwatch,
) -> Rendered:
    """Every planned file, and the PDFs of the `printed` ones: those are rendered first, and converted `beside`,
    each the moment it is rendered, while the others render."""
    from_printed = _made_from(printed, planned)
    others = [item for item in planned if item not in printed and item not in from_printed]
    printed = sorted(printed, key=lambda item: item[0] != "sop")  # the slowest to render and to convert first
    asked = threading.Event()

    def printed_with_pdfs() -> Rendered:
        try:
            return _printed_with_pdfs(printed, from_printed, pool, converter, progress, caches, clock, asked)
        finally:
            asked.set()  # also when nothing was asked of the workers, or asking failed

    with_pdfs = beside.submit(printed_with_pdfs)
    asked.wait()
    with clock.span("Word"):
        rendered = _render(others, pool, progress, caches["render"], "Word documents")
    rendered.update(with_pdfs.result())
    return rendered


def _made_from(printed: Planned, planned: Planned) -> Planned:
    """The files made from a printed one, such as a form's review edition: rendered with it, in its process."""
    paths = {document.path for _, _, document in printed}
    return [item for item in planned if item[2].base is not None and item[2].base.path in paths]


def _render(
    planned: Planned,
    pool: Executor | None,
    progress: Callable[[str], None],
    cache: Cache,
    stage: str,
    ready: Callable[[PlannedFile, bytes], None] = lambda document, content: None,
    making: Callable[[list[PlannedFile]], None] = lambda missing: None,
) -> Rendered:
    documents = [document for _, _, document in planned]
    made = made_or_kept(documents, cache, pool, progress, stage, ready, making)
    return {document.path: (kind, language, made[document.path]) for kind, language, document in planned}


def _printed_with_pdfs(
    printed: Planned,
    from_printed: Planned,
    pool: Executor | None,
    converter: _Converter,
    progress: Callable[[str], None],
    caches: dict[str, Cache],
    clock: Stopwatch,
    asked: threading.Event,
) -> Rendered:
    """The Word files that get a PDF, the files made from them (`from_printed`), and the PDFs by the `converter`.
    LibreOffice converts each printed file the moment it is rendered, while the next render; `asked` is
    set once the printed files are asked of the workers, so that they are rendered before any other."""
    if not printed or converter.version is None:
        return {}
    paths = {document.path for _, _, document in printed}
    maker = PdfMaker(converter.version, progress, caches[PDF], worker_count(), converter.started)
    with contextlib.closing(maker) as pdfs:

        def ready(document: PlannedFile, content: bytes) -> None:
            if document.path in paths:
                pdfs.add(document.path, content, f"{document.version_date:%Y%m%d}")

        def making(missing: list[PlannedFile]) -> None:
            pdfs.expect(sum(1 for document in missing if document.path in paths))
            asked.set()

        with clock.span("printed Word"):
            stage = "printed Word documents"
            rendered = _render(printed + from_printed, pool, progress, caches["render"], stage, ready, making)
        with clock.span("PDF"):
            made = pdfs.result()
    for path, (_, language, item) in list(rendered.items()):
        if path in paths:
            pdf = pdf_name(path)
            rendered[pdf] = (PDF, language, Artifact(made[pdf], item.source, item.version, item.version_date))
    return rendered


def _last_built(out: Path, planned: Planned, pdf_paths: dict[str, str]) -> Rendered:
    """The Word files and PDFs the last build into `out` left, empty where it left none: a preview's downloads."""
    files = [(kind, language, file.path, file) for kind, language, file in planned]
    by_word = {file.path: (language, file) for _, language, file in planned}
    files += [(PDF, by_word[word][0], pdf, by_word[word][1]) for pdf, word in pdf_paths.items()]
    found: Rendered = {}
    for kind, language, path, file in files:
        content = (out / path).read_bytes() if (out / path).is_file() else b""
        found[path] = (kind, language, Artifact(content, file.source, file.version, file.version_date))
    return found


@dataclass(frozen=True)
class _Converter:
    """The LibreOffice that makes this build's PDFs (no `version` when none can), and the runs of it started."""

    version: str | None
    started: list[LibreOfficeRun]


def _converter(early: contextlib.ExitStack, start: bool) -> tuple[_Converter, str | None]:
    """The LibreOffice that would make this build's PDFs, and the warning that says why there is none; with, if
    `start`, a run of it started in `early`, before the build knows which documents it will convert: it takes a
    second or two to start, and can do so while the sources load."""
    try:
        version = converter_version()
    except PdfUnavailable as unavailable:
        return _Converter(None, []), f"no PDFs were made: {unavailable}"
    return _Converter(version, [early.enter_context(contextlib.closing(LibreOfficeRun()))] if start else []), None


@dataclass(frozen=True)
class _Sites:
    """Each language's site, its downloads still empty."""

    languages: dict[str, SiteFiles]

    def files(
        self, project: Project, views: dict[str, ProjectView], downloads: dict[str, bytes], bundles: bool
    ) -> Rendered:
        """Each language's site with this build's files as its downloads, its field bundle if `bundles`, and the
        root page."""
        metadata = project.sop.metadata

        def artifact(content: bytes) -> Artifact:
            return Artifact(content, SITE, metadata.version, metadata.version_date)

        made: Rendered = {}
        zipped = {}
        with ThreadPoolExecutor(worker_count()) as zipping:  # zlib works outside Python's lock
            for language, site in self.languages.items():
                pages = {**site.pages, **{name: downloads[path] for name, path in site.downloads.items()}}
                for path, content in pages.items():
                    made[f"{SITE}/{language}/{path}"] = (SITE, language, artifact(content))
                if bundles:
                    bundle_files = {f"{language}/{path}": content for path, content in pages.items()}
                    choice = LanguageChoice.of(views[language])
                    zipped[language] = zipping.submit(field_bundle, project.settings.name, choice, bundle_files)
        for language, bundle in zipped.items():
            made[f"{BUNDLES}/oila-{language}.zip"] = (SITE, language, artifact(bundle.result()))
        choices = [LanguageChoice.of(view) for view in views.values()]
        made[f"{SITE}/index.html"] = (SITE, "", artifact(language_choice_page(project.settings.name, choices)))
        return made


def _site(
    project: Project,
    views: dict[str, ProjectView],
    drawings: dict[str, Drawings],
    files: list[str],
    progress: Callable[[str], None],
    cache: Cache,
) -> _Sites:
    """Each language's site, offering `files` (build paths) as its downloads."""
    linker = site_linker(project)

    def site(language: str) -> SiteFiles:
        linked = project.localize(language, views[language].outdated, linker)
        made = render_site(project, linked, files, drawings[language], cache)
        progress(f"site in {language}: {'unchanged, kept from the cache' if made.kept else 'built by MkDocs'}")
        return made

    with ThreadPoolExecutor(worker_count()) as building:  # MkDocs runs in a process of its own
        return _Sites(dict(zip(views, building.map(site, views), strict=True)))


def _choose(what: str, asked: Sequence[str] | None, known: tuple[str, ...]) -> tuple[str, ...]:
    if not asked:
        return known
    unknown = [name for name in asked if name not in known]
    if unknown:
        raise OilaError(f"unknown {what} '{unknown[0]}'; choose from {', '.join(known)}")
    return tuple(name for name in known if name in asked)
