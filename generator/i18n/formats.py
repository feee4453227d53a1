"""The files translators exchange with Oila: XLIFF 1.2, gettext PO and an XLSX sheet, written and read back.

`oila i18n export` writes one of them for a language; `oila i18n import FILE` reads it back. All three
carry the same thing, a `TranslationFile`: for each English string its stable id, the English text, the
current translation, a state and the places that use it.

- XLIFF 1.2, the version every CAT tool opens (OmegaT, memoQ, Trados, Poedit, Weblate): one `<file>`,
  one `<trans-unit>` per string, the state on `<target state=...>`, the places in `<note from="oila">`.
  Read back as tools return it: `<seg-source>`, `<mrk>` and other inline markup, `<alt-trans>`, groups
  and extra attributes are all allowed; the translation is the text content of `<target>`.
- PO: `msgctxt` is the id, `msgid` the English, `msgstr` the translation, `#, fuzzy` marks a stale one
  and `#.` comments list the places, one a line. `X-Source-Language` records the English, and is taken
  as `en` when a tool dropped it.
- XLSX: one sheet, `translations`, with the columns id | english (en) | translation (ru) | state | places.
  The languages travel in the header cells, so they stay with the rows if the sheet is copied into
  another workbook. A translator who fills in a translation need not touch the state; one who
  confirms a stale translation writes `translated` over `stale` (or clears the cell).

In every format a translation that is empty or only whitespace reads as missing, and a translation a tool
has not confirmed (fuzzy, needs review, or new text it still marks as needing translation) reads as
stale: kept, and shown for review rather than lost or published. The English copied into a target still
marked as needing translation, as tools pre-fill targets, reads as missing.

Files from outside are untrusted: XML is parsed with DTDs, entities and the network switched off and a
DOCTYPE is refused; a workbook's zip is checked before it is unpacked. Anything wrong raises
`BadTranslationFile`, naming the file and, where known, the line (or row) and the unit.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import openpyxl
import polib
from lxml import etree

from generator.collect.xlsx import workbook
from generator.errors import BuildError, OilaError
from generator.i18n.format_names import FORMATS
from generator.i18n.state import UnitState
from generator.model.references import references_in
from generator.package import BadPackage, check_parts, open_package


@dataclass(frozen=True)
class Unit:
    id: str
    """The stable id of one English string (a fingerprint); unique in a file."""
    source: str
    """The English text, perhaps several lines of Markdown."""
    target: str
    """The current translation; empty exactly when the state is `MISSING`."""
    state: UnitState
    places: tuple[str, ...]
    """Where the string is used, as `forms/child-needs-assessment.yaml: sections.identity.label`."""


@dataclass(frozen=True)
class TranslationFile:
    source_language: str
    """The language of the sources: `en`."""
    target_language: str
    """The language translated into: `ru`, `uz`, `uz-Cyrl` ..."""
    units: tuple[Unit, ...]


MAX_FILE_BYTES: Final = 50 * 1024 * 1024
"""Far more than the SOP and every form in three scripts; a larger file is not a translation file."""
_MAX_UNPACKED_BYTES: Final = 200 * 1024 * 1024
_EXCEL_CELL_CHARS: Final = 32_767
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Control characters XML 1.0 cannot hold (and so no XLIFF file, nor the cells of an XLSX)."""


class BadTranslationFile(OilaError):
    """A translation file that cannot be read; the message says where, what is wrong and how to fix it."""

    def __init__(self, file: Path | str, problem: str, *, line: int = 0, row: int = 0, unit: str = "") -> None:
        self.file = str(file)
        self.line = line
        """The line in a PO or XLIFF file, counting from 1; 0 if not known."""
        self.row = row
        """The row of the XLSX sheet, counting from 1 (the header); 0 if not known."""
        self.unit = unit
        """The id of the unit concerned; empty if not known."""
        self.problem = problem
        where = f"{self.file}:{line}" if line else self.file
        if row:
            where += f": row {row}"
        if unit:
            where += f": unit '{unit}'"
        super().__init__(f"{where}: {problem}")


def write_translations(translations: TranslationFile, file_format: str) -> bytes:
    """The file in `file_format` (one of `FORMATS`): the same bytes for the same translations."""
    writer = _WRITERS.get(file_format)
    if writer is None:
        raise ValueError(f"unknown translation file format '{file_format}'; formats: {', '.join(FORMATS)}")
    _check_writable(translations, file_format)
    return writer(translations)


def read_translations(path: Path) -> TranslationFile:
    """The translations in `path`, an .xlf/.xliff, .po or .xlsx file as a translator or a tool returned it."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise BadTranslationFile(
            path,
            f"Oila reads translation files ending in .xlf, .xliff, .po or .xlsx, not '{path.suffix or path.name}'; "
            "keep the name the file was exported with",
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadTranslationFile(
                path,
                f"the file is {size // 2**20} MB, far larger than any translation file of Oila; is it the right file?",
            )
        data = path.read_bytes()
    except OSError as error:
        raise BadTranslationFile(path, f"cannot be read: {error.strerror}") from None
    return reader(path, data)


def _check_writable(translations: TranslationFile, file_format: str) -> None:
    seen: set[str] = set()
    for unit in translations.units:
        if not unit.id or unit.id in seen:
            raise ValueError(f"unit ids must be unique and not empty; '{unit.id}' is not")
        seen.add(unit.id)
        for name, text in (("English text", unit.source), ("translation", unit.target)):
            found = _NOT_IN_XML.search(text)
            if found is not None:
                raise BuildError(
                    f"unit '{unit.id}': the {name} holds the control character U+{ord(found.group()):04X}, which "
                    "translation files cannot carry; remove it from the sources"
                )
            if file_format == "xlsx" and len(text) > _EXCEL_CELL_CHARS:
                raise BuildError(
                    f"unit '{unit.id}': the {name} is {len(text)} characters long, more than the "
                    f"{_EXCEL_CELL_CHARS} an Excel cell holds; export this language as XLIFF or PO instead"
                )


# XLIFF 1.2

_XLIFF: Final = "urn:oasis:names:tc:xliff:document:1.2"
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
_WRITTEN_STATES: Final = {
    UnitState.TRANSLATED: "translated",
    UnitState.STALE: "needs-review-translation",
    UnitState.MISSING: "needs-translation",
}
_READ_STATES: Final = {
    "final": UnitState.TRANSLATED,
    "signed-off": UnitState.TRANSLATED,
    "translated": UnitState.TRANSLATED,
    "needs-review-translation": UnitState.STALE,
    "needs-review-adaptation": UnitState.STALE,
    "needs-review-l10n": UnitState.STALE,
    "needs-adaptation": UnitState.STALE,
    "needs-l10n": UnitState.STALE,
    "needs-translation": UnitState.STALE,
    "new": UnitState.STALE,
}
"""XLIFF 1.2's states, for a target that holds text: a tool that leaves text marked as still needing
translation has not confirmed it. Custom states (`x-...`) read as stale too."""
_UNCONFIRMED_QUALIFIERS: Final = frozenset({"fuzzy-match", "mt-suggestion"})
_NOT_STARTED: Final = frozenset({"new", "needs-translation"})
"""States in which a target that is the English copied over (as tools pre-fill it) is no translation."""
_XML_POSITION = re.compile(r", line \d+, column \d+$")
"""The position libxml2 appends to its messages; the error's own line says it already."""


def _xliff(tag: str) -> str:
    return f"{{{_XLIFF}}}{tag}"


def _write_xliff(translations: TranslationFile) -> bytes:
    root = etree.Element(_xliff("xliff"), nsmap={None: _XLIFF})
    root.set("version", "1.2")
    file = etree.SubElement(root, _xliff("file"))
    file.set("original", "oila")
    file.set("source-language", translations.source_language)
    file.set("target-language", translations.target_language)
    file.set("datatype", "plaintext")
    body = etree.SubElement(file, _xliff("body"))
    texts: list[tuple[etree._Element, etree._Element, Unit]] = []
    for unit in translations.units:
        element = etree.SubElement(body, _xliff("trans-unit"))
        element.set("id", unit.id)
        element.set(_XML_SPACE, "preserve")
        if unit.state is UnitState.TRANSLATED:
            element.set("approved", "yes")  # what tools built on translate-toolkit (Weblate) take as not fuzzy
        source = etree.SubElement(element, _xliff("source"))
        target = etree.SubElement(element, _xliff("target"))
        target.set("state", _WRITTEN_STATES[unit.state])
        texts.append((source, target, unit))
        if unit.places:
            note = etree.SubElement(element, _xliff("note"))
            note.set("from", "oila")
            note.text = "\n".join(unit.places)
    etree.indent(root, space="  ")
    for source, target, unit in texts:  # after indenting, which would change the spaces between placeholders
        _inline(source, unit.source, unit.source)
        _inline(target, unit.target, unit.source)
    content: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return content + b"\n"


def _inline(element: etree._Element, text: str, source: str) -> None:
    """`text` into `element`, each reference a `<ph>` that CAT tools show as a tag the translator cannot edit.

    A reference has the id of the same reference in `source`, so that tools pair them up."""
    ids: dict[str, list[str]] = {}
    for number, reference in enumerate(references_in(source), start=1):
        ids.setdefault(reference.written, []).append(str(number))
    element.text = ""
    previous: etree._Element | None = None
    position = 0
    for reference in references_in(text):
        chunk = text[position : reference.start]
        if previous is None:
            element.text = chunk
        else:
            previous.tail = chunk
        previous = etree.SubElement(element, _xliff("ph"))
        free = ids.get(reference.written)
        previous.set("id", free.pop(0) if free else f"x{reference.start}")
        previous.set("ctype", "x-oila-reference")
        previous.text = reference.written
        position = reference.end
    if previous is None:
        element.text = text
    else:
        previous.tail = text[position:]


def _read_xliff(path: Path, data: bytes) -> TranslationFile:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise BadTranslationFile(
            path,
            f"not well-formed XML ({_XML_POSITION.sub('', error.msg)}); "
            "export the file again from the translation tool as XLIFF 1.2",
            line=error.lineno or 0,
        ) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise BadTranslationFile(
            path,
            "the file declares a DOCTYPE; XLIFF needs none, and Oila reads no DTDs or entities from files that "
            "come from outside. Export the file again from the translation tool",
        )
    name = etree.QName(root)
    if name.localname != "xliff":
        raise BadTranslationFile(path, f"not an XLIFF file: its root element is <{name.localname}>, not <xliff>")
    if name.namespace != _XLIFF or root.get("version") != "1.2":
        namespace = f"the namespace {name.namespace}" if name.namespace else "no namespace"
        raise BadTranslationFile(
            path,
            f"this is XLIFF version '{root.get('version', '')}' in {namespace}; Oila reads XLIFF 1.2, in the "
            f"namespace {_XLIFF}: save or export the file as XLIFF 1.2",
        )
    files = root.findall(_xliff("file"))
    if not files:
        raise BadTranslationFile(path, "the XLIFF file holds no <file> element; export the file again")
    languages = {_xliff_languages(path, file) for file in files}
    if len(languages) > 1:
        found = ", ".join(sorted(f"{source} to {target}" for source, target in languages))
        raise BadTranslationFile(path, f"the <file> elements name different languages ({found}); keep one language")
    ((source_language, target_language),) = languages
    seen: dict[str, int] = {}
    units = [_xliff_unit(path, element, seen) for file in files for element in file.iter(_xliff("trans-unit"))]
    return TranslationFile(source_language, target_language, tuple(units))


def _xliff_languages(path: Path, file: etree._Element) -> tuple[str, str]:
    languages = []
    for attribute, example in (("source-language", "en"), ("target-language", "ru")):
        language = (file.get(attribute) or "").strip()
        if not language:
            raise BadTranslationFile(
                path,
                f'the <file> element has no {attribute}; add the language code it holds, as {attribute}="{example}"',
                line=file.sourceline or 0,
            )
        languages.append(language)
    return languages[0], languages[1]


def _xliff_unit(path: Path, element: etree._Element, seen: dict[str, int]) -> Unit:
    line = element.sourceline or 0
    unit_id = element.get("id") or ""
    if not unit_id:
        raise BadTranslationFile(path, "a <trans-unit> has no id; put back the id it was exported with", line=line)
    if unit_id in seen:
        raise BadTranslationFile(
            path,
            f"the unit appears twice (first on line {seen[unit_id]}); keep one of them",
            line=line,
            unit=unit_id,
        )
    seen[unit_id] = line
    source = element.find(_xliff("source"))
    if source is None:
        raise BadTranslationFile(path, "the <trans-unit> has no <source>", line=line, unit=unit_id)
    target = element.find(_xliff("target"))  # a child of the unit, so never one inside <alt-trans>
    text = _text(target) if target is not None else ""
    places = tuple(
        place
        for note in element.findall(_xliff("note"))
        if note.get("from") == "oila"
        for place in _text(note).split("\n")
        if place
    )
    english = _text(source)
    if target is None or not text.strip() or (target.get("state") in _NOT_STARTED and text == english):
        return Unit(unit_id, english, "", UnitState.MISSING, places)
    return Unit(unit_id, english, text, _xliff_state(path, element, target, unit_id), places)


def _xliff_state(path: Path, element: etree._Element, target: etree._Element, unit_id: str) -> UnitState:
    state = target.get("state")
    if target.get("state-qualifier") in _UNCONFIRMED_QUALIFIERS:
        return UnitState.STALE
    if state is None:
        return UnitState.STALE if element.get("approved") == "no" else UnitState.TRANSLATED
    if state in _READ_STATES:
        return _READ_STATES[state]
    if state.startswith("x-"):
        return UnitState.STALE
    raise BadTranslationFile(
        path,
        f"'{state}' is not an XLIFF 1.2 target state; use one of {', '.join(_READ_STATES)}",
        line=target.sourceline or 0,
        unit=unit_id,
    )


def _text(element: etree._Element) -> str:
    """The text inside `element`, through any inline markup a tool added (`<mrk>`, `<g>`, `<ph>`)."""
    return "".join(element.itertext())


# PO

_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")


def _write_po(translations: TranslationFile) -> bytes:
    catalog = polib.POFile(wrapwidth=0)  # unwrapped, so that no place is split over two comment lines
    catalog.header = (
        f"Oila translations from '{translations.source_language}' into '{translations.target_language}'.\n"
        "Write the translation in msgstr; leave msgctxt, the id, as it is."
    )
    catalog.metadata = {
        "Project-Id-Version": "Oila",
        "Language": translations.target_language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": translations.source_language,
    }
    for unit in translations.units:
        references = sorted({reference.written for reference in references_in(unit.source)})
        flags = ["fuzzy"] if unit.state is UnitState.STALE else []
        if references:  # Weblate shows these as placeholders and checks that the translation keeps them
            flags.append("placeholders:" + ":".join(f'"{written}"' for written in references))
        entry = polib.POEntry(
            msgctxt=unit.id,
            msgid=unit.source,
            msgstr=_gettext_ends(unit.source, unit.target),
            comment="\n".join(unit.places),
            flags=flags,
        )
        catalog.append(entry)
    return str(catalog).encode("utf-8")


def _gettext_ends(source: str, target: str) -> str:
    """`target` beginning and ending with a line break exactly where `source` does: gettext refuses a file
    where they differ, and Markdown does not see the difference."""
    if not target.strip():
        return target
    target = target.lstrip("\n")
    if source.startswith("\n"):
        target = "\n" + target
    target = target.rstrip("\n")
    if source.endswith("\n"):
        target += "\n"
    return target


def _read_po(path: Path, data: bytes) -> TranslationFile:
    _check_utf8(path, data)
    try:
        catalog = polib.pofile(str(path), encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as error:
        found = _SYNTAX_LINE.search(str(error))
        detail = str(error).rpartition("): ")[2] if "): " in str(error) else "syntax error"
        raise BadTranslationFile(
            path,
            f"not a valid PO file ({detail}); open it in a PO editor such as Poedit and save it again",
            line=int(found.group(1)) if found else 0,
        ) from None
    target_language = catalog.metadata.get("Language", "").strip()
    if not target_language:
        raise BadTranslationFile(
            path, 'the header has no Language; add the language code the file holds, as "Language: ru\\n"'
        )
    source_language = catalog.metadata.get("X-Source-Language", "").strip() or "en"
    seen: dict[str, int] = {}
    units = [_po_unit(path, entry, seen) for entry in catalog if not entry.obsolete]
    return TranslationFile(source_language, target_language, tuple(units))


def _po_unit(path: Path, entry: polib.POEntry, seen: dict[str, int]) -> Unit:
    line: int = entry.linenum or 0
    unit_id: str = entry.msgctxt or ""
    if not unit_id:
        raise BadTranslationFile(
            path,
            "the entry has no msgctxt, the id Oila knows the string by; put back the msgctxt it was exported with",
            line=line,
        )
    if unit_id in seen:
        raise BadTranslationFile(
            path, f"the unit appears twice (first on line {seen[unit_id]}); keep one of them", line=line, unit=unit_id
        )
    seen[unit_id] = line
    if entry.msgid_plural:
        raise BadTranslationFile(
            path,
            "the entry has plural forms, which Oila's strings never have; remove msgid_plural",
            line=line,
            unit=unit_id,
        )
    places = tuple(place for place in (entry.comment or "").split("\n") if place)
    target: str = entry.msgstr
    if not target.strip():
        return Unit(unit_id, entry.msgid, "", UnitState.MISSING, places)
    state = UnitState.STALE if "fuzzy" in entry.flags else UnitState.TRANSLATED
    return Unit(unit_id, entry.msgid, target, state, places)


def _check_utf8(path: Path, data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadTranslationFile(
            path,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file with UTF-8 encoding",
            line=data.count(b"\n", 0, error.start) + 1,
        ) from None


# XLSX

_SHEET: Final = "translations"
_HEADER: Final = ("id", "english ({})", "translation ({})", "state", "places")
_LANGUAGE_CELL = re.compile(r"(english|translation)\s*\(\s*([^()\s]+)\s*\)", re.IGNORECASE)
_STATE_CELLS: Final = ("translated", "stale", "missing")
_COLUMNS: Final = ("id", "english", "translation", "state", "places")


def _write_xlsx(translations: TranslationFile) -> bytes:
    header = [
        _HEADER[0],
        _HEADER[1].format(translations.source_language),
        _HEADER[2].format(translations.target_language),
        *_HEADER[3:],
    ]
    rows = [[unit.id, unit.source, unit.target, str(unit.state), "\n".join(unit.places)] for unit in translations.units]
    return workbook({_SHEET: [header, *rows]})


def _read_xlsx(path: Path, data: bytes) -> TranslationFile:
    rows = _sheet_rows(path, data)
    source_language, target_language = _xlsx_languages(path, rows[0] if rows else ())
    seen: dict[str, int] = {}
    units: list[Unit] = []
    for number, row in enumerate(rows[1:], start=2):
        values = (*row, None, None, None, None, None)[:5]
        cells = [_cell_text(path, number, column, value) for column, value in zip(_COLUMNS, values, strict=True)]
        if not any(cell.strip() for cell in cells):
            continue
        unit_id, source, target, state_cell, places = cells
        unit_id = unit_id.strip()
        if not unit_id:
            raise BadTranslationFile(
                path,
                "the id is empty; copy the row's id back from the exported file, or delete the row",
                row=number,
            )
        if unit_id in seen:
            raise BadTranslationFile(
                path,
                f"the unit appears twice (first in row {seen[unit_id]}); keep one of them",
                row=number,
                unit=unit_id,
            )
        seen[unit_id] = number
        written = state_cell.strip().lower()
        if written and written not in _STATE_CELLS:
            raise BadTranslationFile(
                path,
                f"the state '{state_cell.strip()}' is unknown; write one of {', '.join(_STATE_CELLS)}",
                row=number,
                unit=unit_id,
            )
        place_list = tuple(place for place in places.split("\n") if place)
        if not target.strip():
            units.append(Unit(unit_id, source, "", UnitState.MISSING, place_list))
        else:
            state = UnitState.STALE if written == "stale" else UnitState.TRANSLATED
            units.append(Unit(unit_id, source, target, state, place_list))
    return TranslationFile(source_language, target_language, tuple(units))


def _sheet_rows(path: Path, data: bytes) -> list[tuple[object, ...]]:
    _check_zip(path, data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips; none hold text
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                names: list[str] = list(book.sheetnames)
                rows = [tuple(row) for row in book[_SHEET].iter_rows(values_only=True)] if _SHEET in names else None
            finally:
                book.close()
        except Exception as error:  # openpyxl raises a dozen kinds of error for a damaged workbook
            raise BadTranslationFile(
                path,
                f"not a workbook that can be read ({type(error).__name__}); open it in Excel or LibreOffice Calc "
                "and save it again as an Excel workbook (.xlsx)",
            ) from None
    if rows is None:
        raise BadTranslationFile(
            path,
            f"the workbook has no sheet named '{_SHEET}' (its sheets: {', '.join(names)}); "
            "rename the sheet that holds the translations back to 'translations'",
        )
    return rows


def _check_zip(path: Path, data: bytes) -> None:
    """A workbook's package unpacked within bounds before openpyxl reads it: its headers are not trusted."""
    try:
        with open_package(io.BytesIO(data), "an Excel workbook (.xlsx)") as archive:
            check_parts(archive, _MAX_UNPACKED_BYTES)
    except BadPackage as reason:
        raise BadTranslationFile(path, f"{reason}; save it again as an Excel workbook (.xlsx)") from None


def _xlsx_languages(path: Path, header: Sequence[object]) -> tuple[str, str]:
    cells = [str(value).strip() if value is not None else "" for value in (*header, "", "", "", "", "")[:5]]
    source = _LANGUAGE_CELL.fullmatch(cells[1])
    target = _LANGUAGE_CELL.fullmatch(cells[2])
    if (
        [cells[0].lower(), *(cell.lower() for cell in cells[3:])] != ["id", "state", "places"]
        or source is None
        or source.group(1).lower() != "english"
        or target is None
        or target.group(1).lower() != "translation"
    ):
        expected = " | ".join(_HEADER).format("en", "<language>")
        found = f"but {' | '.join(cells)}" if any(cells) else "but empty"
        raise BadTranslationFile(
            path,
            f"the first row is not the header Oila writes ({expected}) {found}; put the header back as it was exported",
            row=1,
        )
    return source.group(2), target.group(2)


def _cell_text(path: Path, row: int, column: str, value: object) -> str:
    """A cell's text; a number a spreadsheet made of typed digits counts as those digits."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    kind = "date" if isinstance(value, dt.date | dt.time) else type(value).__name__
    raise BadTranslationFile(
        path,
        f"the {column} cell holds a {kind}, not text; format the cell as Text and type the text again",
        row=row,
    )


_WRITERS: Final[dict[str, Callable[[TranslationFile], bytes]]] = {
    "xliff": _write_xliff,
    "po": _write_po,
    "xlsx": _write_xlsx,
}
_READERS: Final[dict[str, Callable[[Path, bytes], TranslationFile]]] = {
    ".xlf": _read_xliff,
    ".xliff": _read_xliff,
    ".po": _read_po,
    ".xlsx": _read_xlsx,
}
