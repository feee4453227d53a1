"""The documentation site: one plain MkDocs build per language, joined by a language switcher.

Oila writes every page a site needs (generated from the model, or hand-written in `docs/<lang>/`) into
a staging folder, then runs MkDocs with Material once per language; the multilingual logic stays here,
not in plugins, so the site engine can be swapped.
"""
