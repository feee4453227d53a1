"""Reading content controls out of a filled .docx that came from anywhere: bounded, and never trusting it.

A filled form is untrusted input holding a child's personal data. Only a regular file is opened; its parts
are unpacked within bounds by `generator.package`, which counts the bytes they really produce; XML is parsed
with entities, DTDs and the network switched off; controls are found wherever Word or LibreOffice put them.
A rejection says what was wrong with the file, never what it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from generator.package import BadPackage, open_package, read_part, regular_file_size

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
DC = "http://purl.org/dc/elements/1.1/"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PART_BYTES = 30 * 1024 * 1024
"""The most a part may unpack to: a filled form's document.xml is well under a megabyte."""
MAX_VALUE_CHARS = 100_000

_TEXT = f"{{{W}}}t"

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, remove_pis=True
)


class Rejected(Exception):
    """The file cannot be read as a filled form; the message says why, without any of its content."""


@dataclass(frozen=True)
class Control:
    tag: str | None
    """None when the saving program dropped it (LibreOffice 7.4 does)."""
    kind: str
    """`text`, `date`, `choice` or `check`."""
    value: str
    """The answer as the form holds it: text, an ISO date, a choice's value, `1`/`0`; empty if unanswered."""


@dataclass(frozen=True)
class FilledDocument:
    identifier: str
    """The document's `identifier` property: `<form id>@<version>` in every fillable form Oila makes."""
    controls: tuple[Control, ...]
    legacy_fields: bool
    """The file holds legacy form fields (Word 97-2003), which are not content controls."""


def read_filled(path: Path) -> FilledDocument:
    try:
        size = regular_file_size(path)
        if size > MAX_FILE_BYTES:
            raise Rejected(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, far more than any filled form")
        with open_package(path, "a Word document (.docx)") as archive:
            document = _parse(read_part(archive, "word/document.xml", MAX_PART_BYTES), "word/document.xml")
            core = _parse(read_part(archive, "docProps/core.xml", MAX_PART_BYTES), "docProps/core.xml")
    except BadPackage as reason:
        raise Rejected(str(reason)) from None
    if document is None:
        raise Rejected("not a Word document: it has no word/document.xml")
    identifier = ""
    if core is not None:
        found = core.find(f"{{{DC}}}identifier")
        identifier = (found.text or "").strip() if found is not None else ""
    legacy = document.find(f".//{{{W}}}ffData") is not None
    return FilledDocument(identifier, _controls(document), legacy)


def _parse(raw: bytes | None, name: str) -> etree._Element | None:
    if raw is None:
        return None
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:65536]:
        raise Rejected(f"{name} declares a DTD or entities, which no Word document needs")
    try:
        return etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError:
        raise Rejected(f"{name} is not well-formed XML (the file is damaged)") from None


_SDT, _TAG, _VAL = f"{{{W}}}sdt", f"{{{W}}}tag", f"{{{W}}}val"
_PLACEHOLDER, _DATE, _FULL_DATE = f"{{{W}}}showingPlcHdr", f"{{{W}}}date", f"{{{W}}}fullDate"
_LISTS, _SHOWN, _VALUE = (f"{{{W}}}dropDownList", f"{{{W}}}comboBox"), f"{{{W}}}displayText", f"{{{W}}}value"
_CHECKBOX, _CHECKED, _W14_VAL = f"{{{W14}}}checkbox", f"{{{W14}}}checked", f"{{{W14}}}val"
_WANTED = (_SDT, _TAG, _PLACEHOLDER, _DATE, _CHECKBOX, _CHECKED, *_LISTS, _TEXT)
"""The only elements a control's answer depends on; lxml walks past all others without Python seeing them."""
_TICKS = ("☒", "☑", "✓", "✔")


def _controls(document: etree._Element) -> tuple[Control, ...]:
    """The innermost content controls, in document order, each from one walk over the elements that
    matter; a control with another inside it is skipped (LibreOffice wraps each checkbox in one of no type)."""
    found: list[Control] = []
    for sdt in document.iter(_SDT):
        tag: str | None = None
        placeholder = False
        kind: etree._Element | None = None
        checked: str | None = None
        texts: list[str] = []
        elements = sdt.iter(_WANTED)
        next(elements)  # the control itself
        for item in elements:
            name = item.tag
            if name == _TEXT:
                texts.append(item.text or "")
            elif name == _TAG:
                tag = item.get(_VAL)
            elif name == _PLACEHOLDER:
                placeholder = True
            elif name == _CHECKED:
                checked = item.get(_W14_VAL)
            elif name == _SDT:
                break
            else:
                kind = item
        else:
            found.append(_control(tag, kind, placeholder, checked, "".join(texts)))
    return tuple(found)


def _control(
    tag: str | None, kind: etree._Element | None, placeholder: bool, checked: str | None, text: str
) -> Control:
    """The control's answer as the form holds it, from what its properties say and the text it shows."""
    if len(text) > MAX_VALUE_CHARS:
        raise Rejected("holds an answer too long to be real")
    if kind is None:
        return Control(tag, "text", "" if placeholder else text)
    if kind.tag == _CHECKBOX:
        ticked = checked in ("1", "true") if checked is not None else text.strip() in _TICKS
        return Control(tag, "check", "1" if ticked else "0")
    if kind.tag == _DATE:
        full = kind.get(_FULL_DATE) or ""
        return Control(tag, "date", "" if placeholder else (full[:10] if full else text.strip()))
    if placeholder:
        return Control(tag, "choice", "")
    value = next((item.get(_VALUE) for item in kind if item.get(_SHOWN) == text), text)
    return Control(tag, "choice", value or "")
