"""The theme's own words (the search box, its results, the header and footer) in the reader's language.

Material's translations stop at the language: its Uzbek is in Latin script alone and types oʻ with an ASCII
apostrophe. Oila writes the theme a translation of its own for each site from `labels.yaml`, so the interface is
translated, reviewed and transliterated like every other label, and the page says which language and script it is
in (`lang="uz-Cyrl"`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.model.labels import PLACEHOLDERS, LabelId, Labels
from generator.site.text import esc

OVERRIDES = Path(__file__).with_name("overrides")
THEME_LANGUAGE = "oila"
"""The name the theme knows Oila's translation by (`partials/languages/oila.html`)."""
THEME_STRINGS: dict[str, LabelId] = {
    "action.skip": LabelId.SITE_SKIP_TO_CONTENT,
    "header": LabelId.SITE_HEADER,
    "nav": LabelId.SITE_NAVIGATION,
    "toc": LabelId.CONTENTS,
    "footer": LabelId.SITE_FOOTER,
    "footer.next": LabelId.SITE_NEXT,
    "footer.previous": LabelId.SITE_PREVIOUS,
    "top": LabelId.SITE_BACK_TO_TOP,
    "select.language": LabelId.SITE_SELECT_LANGUAGE,
    "search": LabelId.SITE_SEARCH,
    "search.placeholder": LabelId.SITE_SEARCH,
    "search.reset": LabelId.SITE_SEARCH_CLEAR,
    "search.result.initializer": LabelId.SITE_SEARCH_STARTING,
    "search.result.placeholder": LabelId.SITE_SEARCH_TYPE,
    "search.result.none": LabelId.SITE_SEARCH_NONE,
    "search.result.one": LabelId.SITE_SEARCH_ONE,
    "search.result.other": LabelId.SITE_SEARCH_MANY,
    "search.result.more.one": LabelId.SITE_SEARCH_MORE_ONE,
    "search.result.more.other": LabelId.SITE_SEARCH_MORE,
    "search.result.term.missing": LabelId.SITE_SEARCH_MISSING,
    "oila.not_found": LabelId.SITE_NOT_FOUND,
    "oila.not_found_help": LabelId.SITE_NOT_FOUND_HELP,
    "oila.home": LabelId.HOME,
}
"""The keys the site's templates show (the theme's own, and Oila's `oila.` keys of overrides/404.html), and the
label each is said with; the theme writes a count as `#`."""


def theme_translation(language: str, labels: Labels) -> str:
    """The theme's translation partial for `language` (a code such as `uz-Cyrl`, which the page's `lang` becomes)."""
    strings = {"language": language, "direction": "ltr"}
    for key, label in THEME_STRINGS.items():
        text = labels.format(label, count="#") if label in PLACEHOLDERS else labels[label]
        strings[key] = esc(text)
    table = json.dumps(strings, ensure_ascii=False, indent=2, sort_keys=True)
    heading = "{#- Written by Oila from labels.yaml (generator/site/theme.py). -#}"
    return f"{heading}\n{{% macro t(key) %}}{{{{ {table}[key] }}}}{{% endmacro %}}\n"


def stage_overrides(stage: Path, language: str, labels: Labels) -> Path:
    """Oila's templates for the theme, with the translation for `language`, in `stage`; returns their folder."""
    folder = stage / "overrides"
    shutil.copytree(OVERRIDES, folder)
    partial = folder / "partials" / "languages" / f"{THEME_LANGUAGE}.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text(theme_translation(language, labels), encoding="utf-8")
    return folder
