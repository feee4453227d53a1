"""The first page of the site (`site/index.html`) and of each field bundle: the languages to choose from.

The site's first page offers every language, each named in itself with a line in that language, and remembers the
reader's choice in the browser, so that the next visit goes straight on to it. A bundle holds one language: its
first page goes on to it at once, and says where it leads in case the browser does not follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.labels import LabelId
from generator.model.view import ProjectView
from generator.site.text import esc

STORAGE_KEY = "oila.language"
_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1.5rem;line-height:1.4}"
    "ul{list-style:none;padding:0}li{margin:0 0 1rem}a{display:block;padding:0.75rem 1rem;border:1px solid #b0b0b0;"
    "border-radius:0.25rem;color:#1a3d6d}a strong{font-size:1.25rem}"
)
_REMEMBER = (
    "<script>(function () {{"
    ' var key = "{key}", links = document.querySelectorAll("a[hreflang]"), chosen = null;'
    " try {{ chosen = localStorage.getItem(key); }} catch (error) {{}}"
    " for (var i = 0; i < links.length; i++) {{"
    ' if (links[i].getAttribute("hreflang") === chosen) {{ location.replace(links[i].href); return; }}'
    ' links[i].addEventListener("click", function () {{'
    ' try {{ localStorage.setItem(key, this.getAttribute("hreflang")); }} catch (error) {{}} }});'
    " }}"
    " }})();</script>"
)


@dataclass(frozen=True)
class LanguageChoice:
    """One language as the first page offers it: its code, its name, and what the site holds, said in it."""

    code: str
    name: str
    title: str
    prompt: str

    @classmethod
    def of(cls, view: ProjectView) -> LanguageChoice:
        return cls(view.language.code, view.language.name, view.sop.title, view.labels[LabelId.SITE_SELECT_LANGUAGE])

    def link(self) -> str:
        return (
            f'<li lang="{esc(self.code)}"><a href="{esc(self.code)}/index.html" hreflang="{esc(self.code)}">'
            f"<strong>{esc(self.name)}</strong><br>{esc(self.title)}</a></li>"
        )


def _page(name: str, choices: list[LanguageChoice], head: str, script: str) -> bytes:
    prompts = " · ".join(f'<span lang="{esc(choice.code)}">{esc(choice.prompt)}</span>' for choice in choices)
    offer = f"<p>{prompts}</p>" if len(choices) > 1 else ""
    page = (
        f'<!doctype html>\n<html lang="{esc(choices[0].code)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"{head}<title>{esc(name)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{esc(name)}</h1>{offer}<ul>{''.join(choice.link() for choice in choices)}</ul>"
        f"{script}</body></html>\n"
    )
    return page.encode("utf-8")


def language_choice_page(name: str, choices: list[LanguageChoice]) -> bytes:
    """The site's first page: every language, the reader's earlier choice followed."""
    return _page(name, choices, "", _REMEMBER.format(key=STORAGE_KEY))


def bundle_start_page(name: str, choice: LanguageChoice) -> bytes:
    """A bundle's first page: on to its one language at once."""
    return _page(name, [choice], f'<meta http-equiv="refresh" content="0; url={esc(choice.code)}/index.html">', "")
