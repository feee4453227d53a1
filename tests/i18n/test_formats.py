"""Translation files: each format round-trips, opens in the tools translators use, reads back as those tools
return it, and a damaged or hostile file is refused with a message that names it."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from translate.storage import factory, po, xliff

from generator.collect.xlsx import workbook
from generator.errors import BuildError
from generator.i18n.format_names import FORMATS, SUFFIXES
from generator.i18n.formats import (
    BadTranslationFile,
    TranslationFile,
    Unit,
    UnitState,
    read_translations,
    write_translations,
)

MARKDOWN = (
    "## Home visit\n"
    "\n"
    'Ask the *child* & the family: "Where do you sleep?"\n'
    "- compare <before> and <after>\n"
    "- score\t0 to 5"
)
UNITS = (
    Unit(
        "3f2a9c0d1e4b",
        MARKDOWN,
        "## Посещение на дому\n\nСпросите *ребёнка* и семью: «Где ты спишь?»\n- сравните <до> & <после>\n- балл\t0–5",
        UnitState.TRANSLATED,
        ("sop/en/04-home-visit.md: 12", "forms/child-needs-assessment.yaml: sections.home.intro"),
    ),
    Unit(
        "0b9e44d1c7a2",
        "Child's full name",
        "Bolaning toʻliq ismi (oʻgʻil yoki qiz) — maʼlumot",
        UnitState.STALE,
        ("forms/child-needs-assessment.yaml: sections.identity.questions.full_name.label",),
    ),
    Unit("7c1d2e3f4a5b", "Date of birth", "", UnitState.MISSING, ()),
    Unit("91aa03b2c4d5", "  Leading & trailing spaces  ", "  Пробелы <с краёв>  ", UnitState.TRANSLATED, ()),
)
UZBEK = TranslationFile("en", "uz", UNITS)


def saved(tmp_path: Path, translations: TranslationFile, file_format: str, name: str = "translations") -> Path:
    path = tmp_path / f"{name}{SUFFIXES[file_format]}"
    path.write_bytes(write_translations(translations, file_format))
    return path


def rejected(path: Path) -> str:
    """The message of the error reading `path` raises, which must name the file."""
    with pytest.raises(BadTranslationFile) as caught:
        read_translations(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    return message


# Round trips


@pytest.mark.parametrize("file_format", FORMATS)
def test_every_unit_comes_back_as_it_was_written(tmp_path: Path, file_format: str) -> None:
    assert read_translations(saved(tmp_path, UZBEK, file_format)) == UZBEK


@pytest.mark.parametrize("file_format", FORMATS)
def test_two_exports_are_byte_identical(file_format: str) -> None:
    assert write_translations(UZBEK, file_format) == write_translations(UZBEK, file_format)


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_language_is_read_from_the_file(tmp_path: Path, file_format: str) -> None:
    cyrillic = TranslationFile("en", "uz-Cyrl", (Unit("1", "Name", "Исм", UnitState.TRANSLATED, ()),))
    assert read_translations(saved(tmp_path, cyrillic, file_format)).target_language == "uz-Cyrl"


def test_an_unknown_format_lists_the_formats() -> None:
    with pytest.raises(ValueError, match="unknown translation file format 'csv'; formats: xliff, po, xlsx"):
        write_translations(UZBEK, "csv")


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_control_character_is_refused_rather_than_dropped(file_format: str) -> None:
    broken = TranslationFile("en", "ru", (Unit("1", "Bell\x07", "", UnitState.MISSING, ()),))
    with pytest.raises(BuildError, match=r"unit '1': the English text holds the control character U\+0007"):
        write_translations(broken, file_format)


def test_a_text_too_long_for_an_excel_cell_is_refused_and_other_formats_suggested() -> None:
    long = TranslationFile("en", "ru", (Unit("1", "x" * 40_000, "", UnitState.MISSING, ()),))
    with pytest.raises(
        BuildError, match="more than the 32767 an Excel cell holds; export this language as XLIFF or PO"
    ):
        write_translations(long, "xlsx")
    assert len(write_translations(long, "xliff")) > 40_000


# What translators' tools see


def test_translate_toolkit_reads_the_xliff_as_a_cat_tool_would(tmp_path: Path) -> None:
    store = factory.getobject(str(saved(tmp_path, UZBEK, "xliff")))
    assert isinstance(store, xliff.xlifffile)
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "uz")
    seen = {unit.getid().rpartition("\x04")[2]: unit for unit in store.units}
    assert list(seen) == [unit.id for unit in UNITS]
    for unit in UNITS:
        assert (seen[unit.id].source, seen[unit.id].target) == (unit.source, unit.target)
        assert seen[unit.id].isfuzzy() == (unit.state is UnitState.STALE)
    assert seen["3f2a9c0d1e4b"].getnotes() == "\n".join(UNITS[0].places)


def test_translate_toolkit_reads_the_po_as_a_po_editor_would(tmp_path: Path) -> None:
    store = factory.getobject(str(saved(tmp_path, UZBEK, "po")))
    assert isinstance(store, po.pofile)
    assert store.gettargetlanguage() == "uz"
    seen = {unit.getcontext(): unit for unit in store.units if not unit.isheader()}
    assert list(seen) == [unit.id for unit in UNITS]
    for unit in UNITS:
        assert (seen[unit.id].source, seen[unit.id].target) == (unit.source, unit.target)
        assert seen[unit.id].isfuzzy() == (unit.state is UnitState.STALE)
    assert seen["0b9e44d1c7a2"].getnotes() == UNITS[1].places[0]


@pytest.mark.skipif(not Path("/usr/bin/msgfmt").exists(), reason="gettext's msgfmt is not installed")
def test_the_po_passes_msgfmt_check_format(tmp_path: Path) -> None:
    # a translation without the trailing line break of its English is the usual slip msgfmt refuses
    slipped = Unit("5", "Line one\nline two\n", "Строка один\nстрока два", UnitState.TRANSLATED, ())
    path = saved(tmp_path, TranslationFile("en", "ru", (*UNITS, slipped)), "po")
    result = subprocess.run(
        ["/usr/bin/msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert read_translations(path).units[-1].target == "Строка один\nстрока два\n"


def test_the_xliff_carries_each_state_and_the_places_where_cat_tools_look_for_them() -> None:
    root = etree.fromstring(write_translations(UZBEK, "xliff"))
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    (file,) = root.xpath("/x:xliff[@version='1.2']/x:file", namespaces=ns)
    assert dict(file.attrib) == {
        "original": "oila",
        "source-language": "en",
        "target-language": "uz",
        "datatype": "plaintext",
    }
    units = file.xpath("x:body/x:trans-unit", namespaces=ns)
    assert [unit.get("{http://www.w3.org/XML/1998/namespace}space") for unit in units] == ["preserve"] * len(UNITS)
    assert [unit.xpath("string(x:target/@state)", namespaces=ns) for unit in units] == [
        "translated",
        "needs-review-translation",
        "needs-translation",
        "translated",
    ]
    assert units[0].xpath("x:note[@from='oila']/text()", namespaces=ns) == ["\n".join(UNITS[0].places)]


def test_the_xlsx_header_names_the_languages(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(saved(tmp_path, UZBEK, "xlsx"), read_only=True)
    rows = list(book["translations"].iter_rows(values_only=True))
    book.close()
    assert rows[0] == ("id", "english (en)", "translation (uz)", "state", "places")
    assert rows[2] == (
        "0b9e44d1c7a2",
        "Child's full name",
        "Bolaning toʻliq ismi (oʻgʻil yoki qiz) — maʼlumot",
        "stale",
        "forms/child-needs-assessment.yaml: sections.identity.questions.full_name.label",
    )


# Files as translators and their tools return them

CAT_TOOL_XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:okp="okapi-framework:xliff-extensions"
       version="1.2">
  <file original="oila" source-language="en" target-language="ru" datatype="plaintext" tool-id="omegat">
    <header><tool tool-id="omegat" tool-name="OmegaT"/></header>
    <body>
      <group id="g1">
        <trans-unit id="a1" xml:space="preserve" approved="yes" okp:engine="x">
          <source>First sentence. Second sentence.</source>
          <seg-source><mrk mid="0" mtype="seg">First sentence.</mrk> <mrk
            mid="1" mtype="seg">Second sentence.</mrk></seg-source>
          <target xml:lang="ru" state="final"><mrk mid="0" mtype="seg">Первое.</mrk> <mrk
            mid="1" mtype="seg">Второе <g id="1">&amp; последнее</g>.</mrk></target>
          <note from="translator">checked against the glossary</note>
          <note from="oila">sop/en/01-scope.md: 3</note>
          <alt-trans match-quality="75%" origin="tm">
            <source>First sentence.</source><target>Старый перевод</target>
          </alt-trans>
        </trans-unit>
      </group>
      <trans-unit id="a2"><source>Name</source><target state="needs-review-translation">Имя</target></trans-unit>
      <trans-unit id="a3"><source>Age</source>
        <alt-trans origin="mt"><target>Возраст (машинный перевод)</target></alt-trans></trans-unit>
      <trans-unit id="a4"><source>Date</source><target state="translated">  </target></trans-unit>
      <trans-unit id="a5"><source>Sex</source><target state="signed-off">Пол</target></trans-unit>
      <trans-unit id="a6"><source>Place</source>
        <target state="translated" state-qualifier="fuzzy-match">Место</target></trans-unit>
      <trans-unit id="a7"><source>Town</source><target>Город</target></trans-unit>
      <trans-unit id="a8"><source>Street</source><target state="x-lawyer-review">Улица</target></trans-unit>
      <trans-unit id="a9"><source>House</source><target state="needs-translation">Дом</target></trans-unit>
      <trans-unit id="a10"><source>Room</source><target state="new">Room</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_an_xliff_returned_by_a_cat_tool_reads_its_targets_and_states(tmp_path: Path) -> None:
    path = tmp_path / "ru.xliff"
    path.write_text(CAT_TOOL_XLIFF, encoding="utf-8")
    returned = read_translations(path)
    assert (returned.source_language, returned.target_language) == ("en", "ru")
    assert returned.units[0] == Unit(
        "a1", "First sentence. Second sentence.", "Первое. Второе & последнее.", UnitState.TRANSLATED,
        ("sop/en/01-scope.md: 3",),
    )  # fmt: skip
    assert [(unit.id, unit.target, unit.state) for unit in returned.units[1:]] == [
        ("a2", "Имя", UnitState.STALE),
        ("a3", "", UnitState.MISSING),
        ("a4", "", UnitState.MISSING),
        ("a5", "Пол", UnitState.TRANSLATED),
        ("a6", "Место", UnitState.STALE),
        ("a7", "Город", UnitState.TRANSLATED),
        ("a8", "Улица", UnitState.STALE),
        ("a9", "Дом", UnitState.STALE),
        ("a10", "", UnitState.MISSING),
    ]


def test_an_xliff_translated_in_translate_toolkit_reads_back_translated(tmp_path: Path) -> None:
    store = xliff.xlifffile.parsestring(write_translations(UZBEK, "xliff"))
    for unit in store.units:
        if not unit.target:
            unit.target = "Tugʻilgan sana"
        unit.markfuzzy(False)
    path = tmp_path / "uz.xlf"
    path.write_bytes(bytes(store))
    returned = read_translations(path)
    assert [unit.state for unit in returned.units] == [UnitState.TRANSLATED] * len(UNITS)
    assert returned.units[2].target == "Tugʻilgan sana"
    assert returned.units[1].target == UNITS[1].target


def test_a_po_translated_in_translate_toolkit_reads_back_translated(tmp_path: Path) -> None:
    store = po.pofile.parsestring(write_translations(UZBEK, "po"))
    for unit in store.units:
        if unit.isheader():
            continue
        if not unit.target:
            unit.target = "Tugʻilgan sana"
        unit.markfuzzy(False)
    path = tmp_path / "uz.po"
    path.write_bytes(bytes(store))
    returned = read_translations(path)
    assert [unit.state for unit in returned.units] == [UnitState.TRANSLATED] * len(UNITS)
    assert [unit.target for unit in returned.units] == [
        UNITS[0].target,
        UNITS[1].target,
        "Tugʻilgan sana",
        UNITS[3].target,
    ]
    assert returned.units[0].places == UNITS[0].places


def test_a_po_saved_by_an_editor_with_its_own_headers_and_wrapping_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_text(
        '# Translator: Dilnoza\nmsgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"PO-Revision-Date: 2026-03-01 10:00+0500\\n"\n"X-Generator: Poedit 3.4\\n"\n\n'
        '# checked\n#. forms/a.yaml: x\n#, fuzzy\n#| msgid "Old name"\nmsgctxt "a1"\nmsgid ""\n"Child\'s "\n"name"\n'
        'msgstr "Имя ребёнка"\n\n#~ msgctxt "gone"\n#~ msgid "Removed"\n#~ msgstr "Удалено"\n',
        encoding="utf-8",
    )
    assert read_translations(path) == TranslationFile(
        "en", "ru", (Unit("a1", "Child's name", "Имя ребёнка", UnitState.STALE, ("forms/a.yaml: x",)),)
    )


def test_an_xlsx_saved_by_a_spreadsheet_program_reads_the_translators_changes(tmp_path: Path) -> None:
    path = saved(tmp_path, UZBEK, "xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["translations"]
    sheet["D3"] = "translated"  # the translator confirms the stale translation
    sheet["C4"] = "Tugʻilgan sana"  # and fills in the missing one, leaving its state as it was
    sheet["F1"] = "translator's comments"  # and adds a column of their own
    sheet["F2"] = "ok"
    sheet.append([])
    book.save(path)
    book.close()
    returned = read_translations(path)
    assert [(unit.target, unit.state) for unit in returned.units[1:3]] == [
        (UNITS[1].target, UnitState.TRANSLATED),
        ("Tugʻilgan sana", UnitState.TRANSLATED),
    ]
    assert returned.units[0] == UNITS[0]


def test_a_number_typed_into_an_xlsx_cell_reads_as_its_digits(tmp_path: Path) -> None:
    path = saved(tmp_path, TranslationFile("en", "ru", (Unit("1", "2026", "", UnitState.MISSING, ()),)), "xlsx")
    book = openpyxl.load_workbook(path)
    book["translations"]["C2"] = 2026
    book.save(path)
    book.close()
    assert read_translations(path).units[0].target == "2026"


# Damaged and hostile files


def test_an_unknown_kind_of_file_names_the_kinds_oila_reads(tmp_path: Path) -> None:
    path = tmp_path / "ru.csv"
    path.write_text("id,english\n", encoding="utf-8")
    assert rejected(path) == (
        f"{path}: Oila reads translation files ending in .xlf, .xliff, .po or .xlsx, not '.csv'; "
        "keep the name the file was exported with"
    )


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert rejected(tmp_path / "ru.po") == f"{tmp_path / 'ru.po'}: cannot be read: No such file or directory"


XLIFF_UNIT = '<trans-unit id="a1"><source>Name</source><target>Имя</target></trans-unit>'


def xliff_file(units: str = XLIFF_UNIT, file_attributes: str = 'source-language="en" target-language="ru"') -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
        f'<file original="oila" {file_attributes} datatype="plaintext">\n'
        f"<body>\n{units}\n</body>\n</file>\n</xliff>\n"
    )


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY lol "lol">\n'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
    + xliff_file(XLIFF_UNIT.replace("Имя", "&lol3;")).split("\n", 1)[1]
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    + xliff_file(XLIFF_UNIT.replace("Имя", "&secret;")).split("\n", 1)[1]
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param("", "not well-formed XML", id="empty"),
        pytest.param("id,english\nabc,Name\n", ":1: not well-formed XML", id="not-xml"),
        pytest.param(
            xliff_file().replace("</body>", ""),
            ":7: not well-formed XML (Opening and ending tag mismatch: body line 4 and file); export the file again",
            id="broken-xml",
        ),
        pytest.param(
            "<html><body/></html>", "not an XLIFF file: its root element is <html>, not <xliff>", id="not-xliff"
        ),
        pytest.param(
            xliff_file().replace("document:1.2", "document:2.0").replace('version="1.2"', 'version="2.0"'),
            "this is XLIFF version '2.0' in the namespace urn:oasis:names:tc:xliff:document:2.0; Oila reads XLIFF 1.2",
            id="xliff-2.0",
        ),
        pytest.param(
            xliff_file().replace(' xmlns="urn:oasis:names:tc:xliff:document:1.2"', ""),
            "this is XLIFF version '1.2' in no namespace; Oila reads XLIFF 1.2",
            id="no-namespace",
        ),
        pytest.param(
            xliff_file().replace('version="1.2"', 'version="1.1"'), "this is XLIFF version '1.1'", id="version-1.1"
        ),
        pytest.param(
            xliff_file(file_attributes='source-language="en"'),
            ':3: the <file> element has no target-language; add the language code it holds, as target-language="ru"',
            id="no-target-language",
        ),
        pytest.param(
            xliff_file(f"{XLIFF_UNIT}\n{XLIFF_UNIT}"),
            ":6: unit 'a1': the unit appears twice (first on line 5); keep one of them",
            id="duplicate-id",
        ),
        pytest.param(
            xliff_file(XLIFF_UNIT.replace("<target>", '<target state="done">')),
            ":5: unit 'a1': 'done' is not an XLIFF 1.2 target state; use one of final, signed-off, translated",
            id="unknown-state",
        ),
        pytest.param(
            xliff_file("<trans-unit><source>Name</source></trans-unit>"),
            ":5: a <trans-unit> has no id; put back the id it was exported with",
            id="no-id",
        ),
        pytest.param(BILLION_LAUGHS, "the file declares a DOCTYPE", id="billion-laughs"),
        pytest.param(EXTERNAL_ENTITY, "the file declares a DOCTYPE", id="external-entity"),
    ],
)
def test_a_damaged_or_hostile_xliff_is_refused_by_name(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "ru.xlf"
    path.write_text(content, encoding="utf-8")
    message = rejected(path)
    assert expected in message
    assert "root:" not in message  # nothing of /etc/passwd


def test_a_refused_xliff_message_says_where_what_and_how_to_fix(tmp_path: Path) -> None:
    path = tmp_path / "ru.xlf"
    path.write_text(xliff_file(f"{XLIFF_UNIT}\n{XLIFF_UNIT}"), encoding="utf-8")
    assert rejected(path) == f"{path}:6: unit 'a1': the unit appears twice (first on line 5); keep one of them"


PO_HEADER = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            PO_HEADER + 'msgctxt "a1"\nmsgid "Say "hi""\nmsgstr ""\n',
            ":7: not a valid PO file (unescaped double quote found)",
            id="syntax",
        ),
        pytest.param("this is not a PO file\n", ":1: not a valid PO file", id="not-po"),
        pytest.param(
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgctxt "a1"\nmsgid "Name"\nmsgstr ""\n',
            'the header has no Language; add the language code the file holds, as "Language: ru\\n"',
            id="no-language",
        ),
        pytest.param(
            PO_HEADER + 'msgid "Name"\nmsgstr "Имя"\n',
            ":6: the entry has no msgctxt, the id Oila knows the string by",
            id="no-msgctxt",
        ),
        pytest.param(
            PO_HEADER + 'msgctxt "a1"\nmsgid "Name"\nmsgstr ""\n\nmsgctxt "a1"\nmsgid "Age"\nmsgstr ""\n',
            ":10: unit 'a1': the unit appears twice (first on line 6); keep one of them",
            id="duplicate-id",
        ),
        pytest.param(
            PO_HEADER + 'msgctxt "a1"\nmsgid "child"\nmsgid_plural "children"\nmsgstr[0] ""\n',
            ":6: unit 'a1': the entry has plural forms",
            id="plural",
        ),
    ],
)
def test_a_damaged_po_is_refused_by_name_and_line(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "ru.po"
    path.write_text(content, encoding="utf-8")
    assert expected in rejected(path)


def test_a_po_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(PO_HEADER.encode() + 'msgctxt "a1"\nmsgid "Name"\nmsgstr "Имя"\n'.encode("cp1251"))
    assert rejected(path) == f"{path}:8: not UTF-8 text (byte 0xc8); save the file with UTF-8 encoding"


XLSX_HEADER = ["id", "english (en)", "translation (ru)", "state", "places"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [],
            ": row 1: the first row is not the header Oila writes (id | english (en) | translation (<language>) "
            "| state | places) but empty; put the header back as it was exported",
            id="empty-sheet",
        ),
        pytest.param(
            [["id", "english", "translation", "state", "places"]],
            ": row 1: the first row is not the header Oila writes (id | english (en) | translation (<language>) "
            "| state | places) but id | english | translation | state | places",
            id="header-without-languages",
        ),
        pytest.param(
            [XLSX_HEADER, ["a1", "Name", "Имя", "translated", ""], ["", "Age", "Возраст", "translated", ""]],
            ": row 3: the id is empty; copy the row's id back from the exported file, or delete the row",
            id="empty-id",
        ),
        pytest.param(
            [XLSX_HEADER, ["a1", "Name", "Имя", "", ""], ["a1", "Age", "", "", ""]],
            ": row 3: unit 'a1': the unit appears twice (first in row 2); keep one of them",
            id="duplicate-id",
        ),
        pytest.param(
            [XLSX_HEADER, ["a1", "Name", "Имя", "done", ""]],
            ": row 2: unit 'a1': the state 'done' is unknown; write one of translated, stale, missing",
            id="unknown-state",
        ),
    ],
)
def test_a_damaged_xlsx_is_refused_by_name_and_row(tmp_path: Path, rows: list[list[str]], expected: str) -> None:
    path = tmp_path / "ru.xlsx"
    path.write_bytes(workbook({"translations": rows}))
    assert expected in rejected(path)


def test_an_xlsx_without_the_translations_sheet_names_the_sheets_it_has(tmp_path: Path) -> None:
    path = tmp_path / "ru.xlsx"
    path.write_bytes(workbook({"Sheet1": [XLSX_HEADER]}))
    assert rejected(path) == (
        f"{path}: the workbook has no sheet named 'translations' (its sheets: Sheet1); "
        "rename the sheet that holds the translations back to 'translations'"
    )


def test_a_date_in_an_xlsx_cell_is_refused_with_its_row(tmp_path: Path) -> None:
    path = saved(tmp_path, UZBEK, "xlsx")
    book = openpyxl.load_workbook(path)
    book["translations"]["C4"] = dt.datetime(2026, 3, 1)
    book.save(path)
    book.close()
    assert rejected(path) == (
        f"{path}: row 4: the translation cell holds a date, not text; format the cell as Text and type the text again"
    )


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ru.xlsx"
    path.write_text("id,english,translation\n", encoding="utf-8")
    assert "not an Excel workbook (.xlsx): the file is not a zip package" in rejected(path)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("readme.txt", "hello")
    path.write_bytes(archive.getvalue())
    assert "not a workbook that can be read" in rejected(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    path = tmp_path / "ru.xlsx"
    path.write_bytes(archive.getvalue())
    assert "(a zip bomb)" in rejected(path)


# References


REFERENCED = TranslationFile(
    "en",
    "ru",
    (
        Unit(
            "5a1d2c3b4e6f",
            "Send {form:referral|code} {timeframe:referral_urgent|within}, see {step:closure}.",
            "См. {step:closure}: отправьте {form:referral|code} {timeframe:referral_urgent|within}.",
            UnitState.TRANSLATED,
            ("forms/referral.yaml#timing",),
        ),
    ),
)


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_text_with_references_comes_back_as_it_was_written(tmp_path: Path, file_format: str) -> None:
    assert read_translations(saved(tmp_path, REFERENCED, file_format)) == REFERENCED


def test_in_xliff_each_reference_is_a_placeholder_paired_with_its_english_one() -> None:
    root = etree.fromstring(write_translations(REFERENCED, "xliff"))
    namespace = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    source = [(ph.get("id"), ph.text) for ph in root.iterfind(".//x:source/x:ph", namespace)]
    target = [(ph.get("id"), ph.text) for ph in root.iterfind(".//x:target/x:ph", namespace)]
    assert source == [
        ("1", "{form:referral|code}"),
        ("2", "{timeframe:referral_urgent|within}"),
        ("3", "{step:closure}"),
    ]
    assert target == [source[2], source[0], source[1]]
    assert {ph.get("ctype") for ph in root.iterfind(".//x:ph", namespace)} == {"x-oila-reference"}


def test_translate_toolkit_sees_the_references_as_tags_apart_from_the_text(tmp_path: Path) -> None:
    store = factory.getobject(str(saved(tmp_path, REFERENCED, "xliff")))
    (unit,) = store.units
    placeables = [str(item) for item in unit.rich_source[0].sub if type(item).__name__ == "UnknownXML"]
    assert placeables == ["{form:referral|code}", "{timeframe:referral_urgent|within}", "{step:closure}"]
    assert unit.source == REFERENCED.units[0].source


def test_the_po_names_the_references_as_placeholders_for_weblate() -> None:
    text = write_translations(REFERENCED, "po").decode("utf-8")
    assert '#, placeholders:"{form:referral|code}":"{step:closure}":"{timeframe:referral_urgent|within}"' in text
