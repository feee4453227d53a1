"""`oila i18n status|export|import|confirm|fix` and the translation gate of `oila check`: the commands
translators and reviewers use. Like `generator.cli`, the only place here that prints. The modules that read and
write translators' files are loaded by the commands that use them, so that every other command starts without
them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator.errors import OilaError, SourceErrors
from generator.i18n.checks import fix_orthography, orthography_problems
from generator.i18n.format_names import FORMATS, SUFFIXES
from generator.i18n.state import TranslationState, UnitState, translation_state
from generator.load.check_terms import TermUse, renderings, term_uses
from generator.load.files import Sources, read_sources
from generator.load.project import glossary_of
from generator.write import write_atomic

_SHOWN_STRINGS = 20


def add_commands(commands: Any) -> None:
    i18n = commands.add_parser("i18n", help="translation status, exports and imports for translators")
    actions = i18n.add_subparsers(title="actions", required=True, metavar="ACTION")

    status = actions.add_parser("status", help="per document and language: translated, missing and stale strings")
    status.add_argument("--lang", action="append", metavar="L", help="only this language (repeatable)")
    status.add_argument("--strings", action="store_true", help="also list every missing or stale string")
    status.set_defaults(run=_status)

    export = actions.add_parser("export", help="write every string with its translation for a translator")
    export.add_argument("--lang", required=True, metavar="L", help="the language to translate into")
    export.add_argument("--format", required=True, choices=FORMATS, help="XLIFF 1.2, gettext PO or a spreadsheet")
    export.add_argument("--out", type=Path, metavar="FILE", help="the file to write; default: oila-<L>.<ext> here")
    export.set_defaults(run=_export)

    imported = actions.add_parser("import", help="write a translator's file back into the sources")
    imported.add_argument("file", type=Path, metavar="FILE", help="an .xlf, .po or .xlsx file made by export")
    imported.set_defaults(run=_import)

    confirm = actions.add_parser("confirm", help="record that a reviewer checked translations against the English")
    confirm.add_argument("--lang", required=True, metavar="L", help="the language reviewed")
    confirm.add_argument("strings", nargs="*", metavar="STRING", help="string keys or files (all of a file's strings)")
    confirm.add_argument("--all", action="store_true", help="every translated string of the language")
    confirm.set_defaults(run=_confirm)

    fix = actions.add_parser("fix", help="repair Uzbek apostrophes and look-alike letters in the sources")
    fix.set_defaults(run=_fix)

    terms = actions.add_parser("terms", help="every glossary term in every language, and where each is used")
    terms.add_argument("--places", action="store_true", help="also list every place that uses each term")
    terms.set_defaults(run=_terms)


def check_translations(sources: Sources, languages: list[str] | None, min_coverage: float | None) -> int:
    """The part of `oila check` about translations: orthography errors and coverage."""
    state = translation_state(sources)
    problems = orthography_problems(state)
    if problems:
        raise SourceErrors(problems)
    if min_coverage is None:
        return 0
    below = 0
    for language in languages or state.targets:
        coverage = state.coverage(language)
        if coverage < min_coverage:
            below += 1
            print(f"oila: {language}: {coverage:.2f}% of strings translated and up to date, below {min_coverage:g}%")
    return 1 if below else 0


def _state(root: Path) -> TranslationState:
    return translation_state(read_sources(root))


def _status(root: Path, arguments: argparse.Namespace) -> int:
    state = _state(root)
    languages = arguments.lang or list(state.targets)
    width = max(len(entry.document) for entry in state.entries)
    print(f"{'document':{width}}  lang  translated  missing  stale  review")
    for language in languages:
        for document, counts in state.counts(language).items():
            review = state.review.get(document, {}).get(language, "-")
            numbers = f"{counts.translated:10}  {counts.missing:7}  {counts.stale:5}"
            print(f"{document:{width}}  {language:4}  {numbers}  {review}")
    for language in languages:
        left = state.not_up_to_date(language)
        print(f"{language}: {state.coverage(language):.2f}% up to date; {len(left)} strings missing or stale")
        shown = left if arguments.strings else [item for item in left if item[1] is UnitState.STALE][:_SHOWN_STRINGS]
        for entry, found in shown:
            print(f"  {found.value}: {entry.key} ({entry.file_in(language)}:{entry.lines.get(language, entry.line)})")
    for inconsistency in state.inconsistencies():
        if languages and inconsistency.language not in languages:
            continue
        ways = len(inconsistency.translations)
        print(f"{inconsistency.language}: {inconsistency.source[:60]!r} is translated {ways} ways:")
        for text, keys in inconsistency.translations.items():
            print(f"  {text[:60]!r} in {', '.join(keys)}")
    return 0


def _export(root: Path, arguments: argparse.Namespace) -> int:
    from generator.i18n.exchange import export_units
    from generator.i18n.formats import write_translations

    translations = export_units(_state(root), arguments.lang)
    out = arguments.out or Path(f"oila-{arguments.lang}{SUFFIXES[arguments.format]}")
    write_atomic(out, write_translations(translations, arguments.format))
    counts = {found: sum(1 for unit in translations.units if unit.state is found) for found in UnitState}
    summary = ", ".join(f"{count} {found.value}" for found, count in counts.items())
    print(f"oila: wrote {len(translations.units)} strings ({summary}) to {out}")
    return 0


def _import(root: Path, arguments: argparse.Namespace) -> int:
    from generator.i18n.exchange import import_file, kept_parts

    if not arguments.file.is_file():
        raise OilaError(f"{arguments.file}: no such file")
    result = import_file(root, _state(root), arguments.file)
    language = result.language
    refused = [
        *(f"unit '{unit.id}': its id is not that of its English; export the file again" for unit in result.unknown),
        *(f"its English changed since the export: {unit.source[:70]!r}" for unit in result.changed_since_export),
        *(
            f"unit '{unit.id}': the translation must keep the references and placeholders of its English, as often "
            f"and as written: {', '.join(kept_parts(unit.source)) or 'none'}"
            for unit in result.broken_references
        ),
    ]
    for line in refused[:_SHOWN_STRINGS]:
        print(f"oila: {language}: not imported, {line}")
    if len(refused) > _SHOWN_STRINGS:
        print(f"oila: {language}: ... and {len(refused) - _SHOWN_STRINGS} more units not imported")
    files = ", ".join(result.written) or "no file changed"
    print(f"oila: {language}: {result.translated} translations recorded; {files}")
    return 1 if refused else 0


def _confirm(root: Path, arguments: argparse.Namespace) -> int:
    from generator.i18n.exchange import confirm

    if not arguments.all and not arguments.strings:
        raise OilaError("name the strings or files to confirm, or give --all")
    names = None if arguments.all else frozenset(arguments.strings)
    confirmed = confirm(root, _state(root), arguments.lang, names)
    print(f"oila: {arguments.lang}: {confirmed} translations confirmed against their English")
    return 0


def _fix(root: Path, arguments: argparse.Namespace) -> int:
    changed = fix_orthography(root, _state(root))
    for name, count in changed.items():
        print(f"oila: {name}: {count} texts repaired")
    print(f"oila: {sum(changed.values())} texts repaired in {len(changed)} files")
    return 0


def _terms(root: Path, arguments: argparse.Namespace) -> int:
    sources = read_sources(root)
    source = sources.settings.source_language
    glossary = glossary_of(sources)
    uses: dict[str, list[TermUse]] = {term.id: [] for term in glossary.terms}
    for use in term_uses(translation_state(sources).entries, glossary, source):
        uses[use.term.id].append(use)
    languages = sources.settings.written
    targets = languages[1:]
    print(
        "| term | "
        + " | ".join(languages)
        + " | used | "
        + " | ".join(f"not as said ({code})" for code in targets)
        + " |"
    )
    print("|---" * (len(languages) + len(targets) + 2) + "|")
    for term in glossary.terms:
        found = uses[term.id]
        words = " | ".join(" / ".join(renderings(term, language)) for language in languages)
        against = " | ".join(str(sum(language in use.missing for use in found)) for language in targets)
        print(f"| {term.id} | {words} | {len(found)} | {against} |")
    if arguments.places:
        for term in glossary.terms:
            for use in uses[term.id]:
                missing = f" (not in {', '.join(use.missing)})" if use.missing else ""
                print(f"{term.id}: {use.entry.key}: '{use.english}'{missing}")
    return 0
