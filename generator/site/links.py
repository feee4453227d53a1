"""Where the site shows what a reference names, so that every reference on the site is a link.

A link is a page path under the docs folder with an anchor (`sop/06-case-management.md#step-closure`):
Markdown links take it from the docs root (MkDocs makes them relative and checks them); HTML links take it
relative to the page they are on.
"""

from __future__ import annotations

from generator.model.project import Project
from generator.model.referents import section_name
from generator.model.resolve import Linker

GLOSSARY_PAGE = "glossary.md"
SOP_INDEX = "sop/index.md"


def form_page_path(code: str, form_id: str) -> str:
    return f"forms/{code}-{form_id}.md"


def sop_page_path(slug: str) -> str:
    return f"sop/{slug}.md"


def anchor(kind: str, target: str) -> str:
    """The id a page gives the row, heading or item that shows a referent: `step-closure`, `q-urgency`."""
    return f"{kind}-{target}".replace("_", "-")


def site_linker(project: Project) -> Linker:
    """The link of each reference the site can show."""
    sections = project.sop.sections
    holding = {name: sop_page_path(section.slug) for section in sections for name in section.placeholders}
    """The page of each generated part: the steps table, the roles table ..."""
    tables = {
        "step": holding.get("steps_table"),
        "role": holding.get("roles_table"),
        "pathway": holding.get("pathways_table"),
        "timeframe": holding.get("timeframes_table"),
    }
    forms = {form.id: form_page_path(form.code, form.id) for form in project.forms}
    slugs = {section_name(section.slug): section.slug for section in sections}

    def link(kind: str, target: str) -> str | None:
        if kind in tables:
            page = tables[kind]
            return f"{page}#{anchor(kind, target)}" if page else None
        if kind == "term":
            return f"{GLOSSARY_PAGE}#{anchor(kind, target)}"
        if kind == "form":
            return forms.get(target)
        if kind == "question":
            form_id, _, question_id = target.partition("/")
            page = forms.get(form_id)
            return f"{page}#{anchor('q', question_id)}" if page else None
        if kind == "section":
            return sop_page_path(slugs[target]) if target in slugs else None
        if kind == "sop":
            return SOP_INDEX
        return None

    return link
