"""`build/site/<lang>/`: each language's site, built by MkDocs from pages Oila stages in a temporary folder.

Generated pages never land in a folder people edit. The hand-written pages of `docs/<lang>/` sit
beside them; a page not yet translated is shown in English under a notice in the reader's language.
Downloads (the forms and the SOP, Word and PDF) are copied in, so the site works from a USB stick.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import sys
from pathlib import Path

import material

from generator.errors import BuildError
from generator.external import run_tool
from generator.load.files import DOCS_DIR
from generator.model.labels import LabelId
from generator.model.project import Project
from generator.model.view import ProjectView
from generator.render.diagrams import sop_diagrams
from generator.scratch import scratch_folder
from generator.site.links import sop_page_path
from generator.site.pages import DOWNLOADS, Download, form_page, generated_pages
from generator.site.text import esc, md, prose
from generator.write import dated_environment

OVERRIDES = Path(__file__).with_name("overrides")
IFRAME_WORKER = Path(__file__).with_name("assets") / "iframe-worker.js"
"""The shim that lets search run from file://; Material would otherwise fetch it from a CDN."""
IFRAME_WORKER_PATH = "assets/javascripts/iframe-worker.js"
STYLESHEET = Path(__file__).with_name("assets") / "oila.css"
STYLESHEET_PATH = "assets/stylesheets/oila.css"
HAND_WRITTEN = ("index.md", "using-the-forms.md", "for-trainers.md")
"""The hand-written pages, in navigation order; each language has its own copy in `docs/<lang>/`."""
SEARCH_SEPARATOR = r"[\s\-ʻʼ‘’'`]+"
"""Words split at spaces, hyphens and every way people type oʻ and the tutuq belgisi, so that
`o'quv`, `o‘quv`, `o’quv` and `oʻquv` find the same pages."""
STEMMED_LANGUAGES = ("en", "ru")
"""Languages the search engine can stem; others are searched word for word."""
MKDOCS_TIMEOUT_SECONDS = 600
NOT_FOUND = "404.html"
_ROOT_LINK = re.compile(r'\b(href|src)="/(?!/)')


def render_site(project: Project, view: ProjectView, files: dict[str, bytes]) -> dict[str, bytes]:
    """`{path under site/<lang>/: bytes}` of the site in `view`'s language; `files` are this build's outputs,
    by their build path."""
    language = view.language.code
    with scratch_folder(f"site-{language}") as stage:
        docs = stage / DOCS_DIR
        downloads = _copy_downloads(view, files, docs)
        pages = _hand_written(view, project.settings.source_language)
        diagrams = sop_diagrams(view.sop, view.labels)
        pages.update(generated_pages(project, view, downloads, diagrams))
        for path, text in pages.items():
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for asset, path in ((IFRAME_WORKER, IFRAME_WORKER_PATH), (STYLESHEET, STYLESHEET_PATH)):
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_bytes(asset.read_bytes())
        for diagram in itertools.chain.from_iterable(diagrams.values()):
            (docs / "sop" / diagram.png_name).write_bytes(diagram.png)
        config = mkdocs_config(project, view, pages)
        (stage / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
        _run_mkdocs(stage, view.sop.version_date)
        built = stage / "site"
        files = {str(path.relative_to(built)): path.read_bytes() for path in sorted(built.rglob("*")) if path.is_file()}
        files[NOT_FOUND] = anchor_not_found_page(files[NOT_FOUND].decode("utf-8"), language).encode("utf-8")
        return files


def anchor_not_found_page(page: str, language: str) -> str:
    """MkDocs links the 404 page from the server's root (`/assets/...`); each language's site lives in
    `/<lang>/`, so its 404 page must link there."""
    anchored = _ROOT_LINK.sub(lambda match: f'{match.group(1)}="/{language}/', page)
    return anchored.replace(f'="/{language}/../', '="/')


def root_page(project: Project) -> bytes:
    """`site/index.html`: straight on to the source language, with a link to every language."""
    source = project.settings.source_language
    links = "".join(
        f'<li><a href="{language.code}/index.html" lang="{language.code}">{esc(language.name)}</a></li>'
        for language in project.settings.languages
    )
    page = (
        f'<!doctype html>\n<html lang="{source}"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={source}/index.html">'
        f"<title>{esc(project.settings.name)}</title></head>"
        f"<body><ul>{links}</ul></body></html>\n"
    )
    return page.encode("utf-8")


def _copy_downloads(view: ProjectView, files: dict[str, bytes], docs: Path) -> dict[str, list[Download]]:
    """The forms' and the SOP's Word and PDF files into `downloads/`, and what each page offers. Each name carries
    the language (`F-08-case-closure-ru.docx`), so that files downloaded in two languages never overwrite each
    other."""
    language = view.language.code
    offered: dict[str, list[Download]] = {}
    sources = [
        (form.id, f"forms/{language}/{form.code}-{form.id}", LabelId.PRINTABLE_WORD, LabelId.PRINTABLE_PDF)
        for form in view.forms
    ]
    sources.append(
        ("sop", f"sop/{language}/{view.sop.code}-v{view.sop.version}", LabelId.DOCUMENT_WORD, LabelId.DOCUMENT_PDF)
    )
    for source_id, stem, word, pdf in sources:
        variants = [(".docx", word), (".pdf", pdf)]
        if source_id != "sop":
            variants.append((".fillable.docx", LabelId.FILLABLE_WORD))
        for suffix, label in variants:
            content = files.get(stem + suffix)
            if content is None:
                continue
            name = f"{DOWNLOADS}/{stem.rsplit('/', 1)[-1]}-{language}{suffix}"
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_bytes(content)
            offered.setdefault(source_id, []).append(Download(name, label))
    return offered


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


def theme_language(code: str) -> str:
    """The theme's own translation for `code`, or for its language without the script (`uz` for `uz-Cyrl`),
    which is the nearest the theme has."""
    translations = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return code if (translations / f"{code}.html").is_file() else code.partition("-")[0]


def mkdocs_config(project: Project, view: ProjectView, pages: dict[str, str]) -> dict[str, object]:
    labels, language = view.labels, view.language.code
    forms = ["forms/index.md", *(form_page(form) for form in view.forms)]
    sop = ["sop/index.md", *(sop_page_path(section.slug) for section in view.sop.sections)]
    nav = [
        {esc(labels[LabelId.HOME]): "index.md"},
        {esc(labels[LabelId.USING_THE_FORMS]): "using-the-forms.md"},
        {esc(labels[LabelId.FOR_TRAINERS]): "for-trainers.md"},
        {esc(labels[LabelId.FORMS]): forms},
        {esc(labels[LabelId.SOP]): sop},
        {esc(labels[LabelId.GLOSSARY]): "glossary.md"},
        {esc(labels[LabelId.TRANSLATION_STATUS]): "status.md"},
    ]
    missing = [path for path in [*forms, *sop] if path not in pages]
    if missing:
        raise BuildError(f"the site's navigation names pages that were not made: {', '.join(missing)}")
    search: dict[str, object] = {"separator": SEARCH_SEPARATOR}
    if language in STEMMED_LANGUAGES:
        search["lang"] = [language]
    else:
        search.update({"lang": ["en"], "pipeline": []})
    return {
        "site_name": esc(project.settings.name),
        "docs_dir": DOCS_DIR,
        "site_dir": "site",
        "use_directory_urls": False,
        "strict": True,
        "validation": {"links": {"absolute_links": "relative_to_docs", "anchors": "warn"}},
        "theme": {
            "name": "material",
            "language": theme_language(language),
            "font": False,
            "custom_dir": str(OVERRIDES),
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
            # Each language's home page, not its folder: Material's own script sends any click on a link
            # under an alternate folder to that folder's home; Oila's switcher links to the same page.
            "alternate": [
                {"name": esc(other.name), "lang": other.code, "link": f"../{other.code}/index.html"}
                for other in project.settings.languages
            ],
            "generator": False,
            "polyfills": [IFRAME_WORKER_PATH],
        },
        "extra_css": [STYLESHEET_PATH],
        "nav": nav,
    }


def _run_mkdocs(stage: Path, version_date: dt.date) -> None:
    """MkDocs on the staged pages; dated by the version, so the sitemap is the same on every build."""
    environment = dated_environment(version_date)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "--config-file",
        str(stage / "mkdocs.yml"),
    ]
    failure = "MkDocs could not build the site"
    result = run_tool(command, failure, MKDOCS_TIMEOUT_SECONDS, check=False, cwd=stage, env=environment)
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip() or result.stdout.decode("utf-8", "replace").strip()
        raise BuildError(f"MkDocs could not build the site: {detail or 'no reason given'}")
