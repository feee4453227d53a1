"""`build/site/<lang>/`: each language's site, built by MkDocs from pages Oila stages in a temporary folder.

Generated pages never land in a folder people edit. The hand-written pages of `docs/<lang>/` sit
beside them; a page not yet translated is shown in English under a notice in the reader's language.
Downloads (the forms and the SOP, Word and PDF) are part of the site, so the site works from a USB stick. MkDocs
is given empty files in their place, and the caller puts each file's bytes in after: MkDocs copies them as they
are, so the site's pages never wait for, or change with, the PDFs.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import sys
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import material
import mkdocs
from material import __version__ as material_version

from generator.cache import Cache, key_of, packed, unpacked
from generator.errors import BuildError
from generator.external import last_words, run_tool
from generator.load.files import DOCS_DIR
from generator.model.labels import LabelId
from generator.model.project import Project
from generator.model.view import ProjectView
from generator.render import SITE
from generator.render.diagrams import Diagram
from generator.render.xlsform import xlsform_path
from generator.scratch import scratch_folder
from generator.site.links import sop_page_path
from generator.site.mkdocs_hooks import PAGE_CACHE_VARIABLE, TEMPLATE_CACHE_VARIABLE
from generator.site.not_found import not_found_page
from generator.site.pages import DOWNLOADS, Download, form_page, generated_pages
from generator.site.search import offline_search_index, search_index, word_rules
from generator.site.text import esc, md, prose
from generator.site.theme import THEME_LANGUAGE, stage_overrides
from generator.site.training_downloads import Variants, training_downloads
from generator.site.training_pages import TRAINING_INDEX, module_page_path
from generator.write import dated_environment

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")
"""Copied into each stage: keeps the theme's compiled templates for the next build."""
IFRAME_WORKER = Path(__file__).with_name("assets") / "iframe-worker.js"
"""The shim that lets search run from file://; Material would otherwise fetch it from a CDN."""
IFRAME_WORKER_PATH = "assets/javascripts/iframe-worker.js"
SEARCH_WORKER = Path(__file__).with_name("assets") / "oila-search.js"
SEARCH_WORKER_PATH = "assets/javascripts/oila-search.js"
SEARCH_INDEX = "search/search_index.json"
OFFLINE_SEARCH_INDEX = "search/search_index.js"
THEME_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
STYLESHEET = Path(__file__).with_name("assets") / "oila.css"
STYLESHEET_PATH = "assets/stylesheets/oila.css"
HAND_WRITTEN = ("index.md", "using-the-forms.md", "for-trainers.md")
"""The hand-written pages, in navigation order; each language has its own copy in `docs/<lang>/`."""
SEARCH_SEPARATOR = r"[\s\-]+"
"""Where the theme splits the words it highlights on a page opened from a search result: an apostrophe is part
of a word (oʻquv), so the word found is highlighted whole."""
UNUSED_OUTPUT = re.compile(r"(.*\.map|assets/javascripts/lunr/.*|assets/javascripts/workers/.*|sitemap\.xml(\.gz)?)")
"""What MkDocs and the theme write that the site never loads: source maps, the theme's own search engine and its
language files (Oila's worker replaces them), and sitemaps, which a site on a USB stick has no use for."""
MKDOCS_TIMEOUT_SECONDS = 600
MKDOCS_PROBLEMS = ("WARNING", "ERROR")
"""How MkDocs starts a line about a problem. Not run `--quiet`, which would keep the warnings of a strict build
from counting."""
NOT_FOUND = "404.html"


@dataclass(frozen=True)
class SiteFiles:
    pages: dict[str, bytes]
    """`{path under site/<lang>/: bytes}`, a download empty."""
    downloads: dict[str, str]
    """`{path under site/<lang>/: build path}` of each download, whose bytes the caller puts in `pages`."""
    kept: bool
    """What MkDocs made of the pages was taken from the cache."""


def render_site(
    project: Project,
    view: ProjectView,
    files: Collection[str],
    diagrams: dict[str, tuple[Diagram, ...]],
    cache: Cache | None = None,
) -> SiteFiles:
    """The site in `view`'s language; `files` are the build paths of this build's outputs; `diagrams` are the
    SOP's, drawn from words without links. MkDocs runs only when what it is given differs from every build
    `cache` remembers."""
    language = view.language.code
    with scratch_folder(f"site-{language}") as stage:
        docs = stage / DOCS_DIR
        downloads, offered = _stage_downloads(view, files, docs)
        pages = _hand_written(view, project.settings.source_language)
        pages.update(generated_pages(project, view, offered, diagrams))
        for path, text in pages.items():
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for asset, path in ((IFRAME_WORKER, IFRAME_WORKER_PATH), (STYLESHEET, STYLESHEET_PATH)):
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_bytes(asset.read_bytes())
        for diagram in itertools.chain.from_iterable(diagrams.values()):
            (docs / "sop" / diagram.png_name).write_bytes(diagram.png)
        overrides = stage_overrides(stage, language, view.labels)
        (stage / HOOKS.name).write_bytes(HOOKS.read_bytes())
        config = mkdocs_config(project, view, pages, overrides)
        (stage / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
        built, kept = _mkdocs_output(stage, view.sop.version_date, cache)
        files = {name: content for name, content in built.items() if not UNUSED_OUTPUT.fullmatch(name)}
        rules = word_rules(project.settings.language(language))
        files[SEARCH_INDEX] = search_index(files[SEARCH_INDEX], rules, f"{SITE}/{language}/{SEARCH_INDEX}")
        files[OFFLINE_SEARCH_INDEX] = offline_search_index(files[SEARCH_INDEX])
        files[SEARCH_WORKER_PATH] = SEARCH_WORKER.read_bytes()
        page = not_found_page(files[NOT_FOUND].decode("utf-8"), language, f"{SITE}/{language}/{NOT_FOUND}")
        files[NOT_FOUND] = page.encode("utf-8")
        return SiteFiles(files, downloads, kept)


def _stage_downloads(
    view: ProjectView, files: Collection[str], docs: Path
) -> tuple[dict[str, str], dict[str, list[Download]]]:
    """An empty file in `downloads/` for each Word file, slide deck and PDF of the forms, the SOP and the trainer's
    kit; `{site path: build path}` of each, and what each page offers (by form id, `sop`, the course and each
    module). Each name carries the language (`F-08-case-closure-ru.docx`), so that files downloaded in two languages
    never overwrite each other."""
    language = view.language.code
    staged: dict[str, str] = {}
    offered: dict[str, list[Download]] = {}
    printed_form = [(".docx", LabelId.PRINTABLE_WORD), (".pdf", LabelId.PRINTABLE_PDF)]
    sources: list[tuple[str, str, Variants]] = []
    for form in view.forms:
        word = [*printed_form, (".fillable.docx", LabelId.FILLABLE_WORD)]
        sources.append((form.id, f"forms/{language}/{form.code}-{form.id}", word))
        sources.append((form.id, xlsform_path(form).removesuffix(".xlsx"), [(".xlsx", LabelId.TABLET_FORM)]))
    sop = f"sop/{language}/{view.sop.code}-v{view.sop.version}"
    sources.append(("sop", sop, [(".docx", LabelId.DOCUMENT_WORD), (".pdf", LabelId.DOCUMENT_PDF)]))
    if view.training is not None:
        sources.extend(training_downloads(language, view.training))
    for source_id, stem, variants in sources:
        for suffix, label in variants:
            if stem + suffix not in files:
                continue
            name = f"{DOWNLOADS}/{_download_name(stem, language)}{suffix}"
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_bytes(b"")
            staged[name] = stem + suffix
            offered.setdefault(source_id, []).append(Download(name, label))
    return staged, offered


def _hand_written(view: ProjectView, source: str) -> dict[str, str]:
    """The hand-written pages; a page not yet translated is shown in the source language under a notice."""
    written = {page.name: page for page in view.pages}
    pages = {}
    for name in HAND_WRITTEN:
        page = written.get(name)
        if page is None:
            raise BuildError(f"{DOCS_DIR}/{source}/{name} is missing: the site's {name} page has no text")
        if page.translated:
            pages[name] = prose(page.markdown)
        else:
            title, _, body = prose(page.markdown).partition("\n")
            notice = f'!!! warning ""\n    {md(view.labels[LabelId.NOT_TRANSLATED])}\n'
            pages[name] = f"{title}\n\n{notice}\n{body}"
    return pages


def mkdocs_config(project: Project, view: ProjectView, pages: dict[str, str], overrides: Path) -> dict[str, object]:
    labels = view.labels
    forms = ["forms/index.md", *(form_page(form) for form in view.forms)]
    sop = ["sop/index.md", *(sop_page_path(section.slug) for section in view.sop.sections)]
    training = (
        [TRAINING_INDEX, *(module_page_path(module) for module in view.training.modules)] if view.training else []
    )
    nav = [
        {esc(labels[LabelId.HOME]): "index.md"},
        {esc(labels[LabelId.USING_THE_FORMS]): "using-the-forms.md"},
        {esc(labels[LabelId.FOR_TRAINERS]): "for-trainers.md"},
        {esc(labels[LabelId.FORMS]): forms},
        {esc(labels[LabelId.SOP]): sop},
        *([{esc(labels[LabelId.TRAINING]): training}] if training else []),
        {esc(labels[LabelId.GLOSSARY]): "glossary.md"},
        {esc(labels[LabelId.TRANSLATION_STATUS]): "status.md"},
    ]
    missing = [path for path in [*forms, *sop, *training] if path not in pages]
    if missing:
        raise BuildError(f"the site's navigation names pages that were not made: {', '.join(missing)}")
    search = {"separator": SEARCH_SEPARATOR, "lang": ["en"]}  # the theme's engine and its languages are unused
    return {
        "site_name": esc(project.settings.name),
        "docs_dir": DOCS_DIR,
        "site_dir": "site",
        "use_directory_urls": False,
        "strict": True,
        "validation": {"links": {"absolute_links": "relative_to_docs", "anchors": "warn"}},
        "theme": {
            "name": "material",
            "language": THEME_LANGUAGE,
            "font": False,
            "custom_dir": str(overrides),
            "features": ["navigation.sections", "navigation.top", "search.highlight"],
        },
        "plugins": [{"search": search}, "offline"],
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            "def_list",
            {"toc": {"permalink": False}},
        ],
        "extra": {
            # The theme shows the language switcher when `alternate` is set, and for a list would also name each
            # language in the page's head, which makes its script fetch every language's sitemap on every page.
            # Oila's switcher (overrides/partials/alternate.html) reads `languages` and leads to the same page.
            "alternate": True,
            "languages": [{"name": esc(other.name), "lang": other.code} for other in project.settings.languages],
            "generator": False,
            "theme_search_worker": _theme_search_worker(),
            "search_worker": SEARCH_WORKER_PATH,
            "polyfills": [IFRAME_WORKER_PATH],
        },
        "extra_css": [STYLESHEET_PATH],
        "hooks": [HOOKS.name],
        "nav": nav,
    }


def _download_name(stem: str, language: str) -> str:
    """A download's name without its ending: `forms/ru/F-08-case-closure` as `F-08-case-closure-ru`; a file
    that holds every language (`xlsform/F-08-case-closure`) keeps its own name."""
    _, _, rest = stem.partition("/")
    if not rest.startswith(f"{language}/"):
        return rest.replace("/", "-")
    return f"{rest.removeprefix(f'{language}/').replace('/', '-')}-{language}"


def _theme_search_worker() -> str:
    """The theme's search worker, as its pages name it: Oila's pages name Oila's worker instead."""
    found = sorted(THEME_WORKERS.glob("search.*.min.js"))
    if len(found) != 1:
        raise BuildError(f"the theme's search worker is not where Oila expects it ({THEME_WORKERS})")
    return f"assets/javascripts/workers/{found[0].name}"


def _mkdocs_output(stage: Path, version_date: dt.date, cache: Cache | None) -> tuple[dict[str, bytes], bool]:
    """What MkDocs makes of the staged site, `{path: bytes}`: from `cache` when it has seen exactly this stage
    (every file, the settings, the date, the versions of Python, MkDocs and the theme), else from MkDocs; and
    whether it came from the cache."""
    inputs = [f"{version_date}", sys.version, mkdocs.__version__, material_version]
    for path in sorted(stage.rglob("*")):
        if path.is_file():
            content = path.read_bytes().replace(str(stage).encode("utf-8"), b"<stage>")
            inputs += [path.relative_to(stage).as_posix(), content]
    key = key_of(*inputs)
    kept = cache.get(key) if cache else None
    output = unpacked(kept) if kept is not None else None
    if output is not None:
        return output, True
    _run_mkdocs(stage, version_date, cache.folder.parent.resolve() if cache else None)  # MkDocs runs in `stage`
    built = stage / "site"
    output = {
        path.relative_to(built).as_posix(): path.read_bytes() for path in sorted(built.rglob("*")) if path.is_file()
    }
    if cache is not None:
        cache.put(key, packed(output))
    return output, False


def _run_mkdocs(stage: Path, version_date: dt.date, cache: Path | None) -> None:
    """MkDocs on the staged pages; dated by the version, so the sitemap is the same on every build; the theme's
    templates compiled once, and each page's Markdown rendered once, and kept in the `cache` folder."""
    environment = dated_environment(version_date)
    if cache is not None:
        environment[TEMPLATE_CACHE_VARIABLE] = str(cache / "templates")
        environment[PAGE_CACHE_VARIABLE] = str(cache)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(stage / "mkdocs.yml")]
    failure = "MkDocs could not build the site"
    result = run_tool(command, failure, MKDOCS_TIMEOUT_SECONDS, check=False, cwd=stage, env=environment)
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").splitlines()
        problems = [line.strip() for line in said if line.startswith(MKDOCS_PROBLEMS)] or [last_words(result)]
        raise BuildError(f"{failure}: {'; '.join(problems)}")
