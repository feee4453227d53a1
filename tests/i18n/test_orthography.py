"""Uzbek Latin orthography: each fault of CONTENT.md §4.1 found where it is, repaired where the repair is sure,
and the project's own Uzbek free of faults."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from generator.i18n.orthography import (
    RULE_CYRILLIC_LETTER,
    RULE_CYRILLIC_WORD,
    RULE_FOREIGN_LETTER,
    RULE_KH,
    RULE_LOOKALIKE,
    RULE_OKINA,
    RULE_OKINA_TUTUQ,
    RULE_TUTUQ,
    RULE_YETTILIK,
    Fault,
    fix_uzbek,
    uzbek_faults,
)
from tests.conftest import REPO

CORRECT = [
    "Oʻzbekiston",
    "OʻZBEKISTON RESPUBLIKASI",
    "maʼlumot",
    "«Inson» markazi",
    "shoʻba",
    "qoʻshimcha",
    "yoʻl",
    "toʻgʻrisida",
    "togʻ va bogʻ",
    "Isʼhoq",
    "moʻʼjiza, moʻʼtabar, moʻʼtadil",
    "F-01",
    "{{ forms_list }}",
    "`code`",
    "nusxadagi `index.html` faylini oching",
    "`log`ni oching",
    "‘Inson’ markazi",
    "'Inson' markazi",
    "‘Radio’ va 'Bog' loyihalari",
    "{% if o'z %}",
    "{# kh #}",
    "[lex.uz](https://lex.uz/docs/o'z?kh=1)",
    "www.khodim.uz",
    "```\no'z\n```",
]

REPAIRS = [
    ("o'qituvchi", "oʻqituvchi"),
    ("g‘isht", "gʻisht"),
    ("yo’l", "yoʻl"),
    ("yo`l", "yoʻl"),
    ("yoʼl", "yoʻl"),
    ("Oʼzbekiston", "Oʻzbekiston"),
    ("O'ZBEKISTON", "OʻZBEKISTON"),
    ("bog'", "bogʻ"),
    ("ma'lumot", "maʼlumot"),
    ("ta’lim", "taʼlim"),
    ("ma‘lumot", "maʼlumot"),
    ("ma`lumot", "maʼlumot"),
    ("maʻlumot", "maʼlumot"),
    ("ma''lumot", "maʼlumot"),
    ("mo'jiza", "moʻʼjiza"),
    ("mo''tabar", "moʻʼtabar"),
    ("moʻtadil", "moʻʼtadil"),
    ("mahаlla", "mahalla"),  # Cyrillic а
    ("xоdim", "xodim"),  # Cyrillic о
    ("bо'lim", "boʻlim"),  # Cyrillic о before the apostrophe
    ("Кomil", "Komil"),  # Cyrillic К
    ("ettiligi", "yettiligi"),
    ("Ettilik", "Yettilik"),
    ("ETTILIGI", "YETTILIGI"),
    ("öz", "oʻz"),
    ("o\u0308z", "oʻz"),  # o and a combining diaeresis
    ("Ózbekiston", "Oʻzbekiston"),
    ("ğisht", "gʻisht"),
    ("toǵri", "togʻri"),
    ("şahar", "shahar"),
    ("Şahar", "Shahar"),
    ("ŞAHAR", "SHAHAR"),
    ("çiroq", "chiroq"),
    ("ılm", "ilm"),
    ("Mahalla ettiligi a'zolari o‘z vazifasini bajaradi.", "Mahalla yettiligi aʼzolari oʻz vazifasini bajaradi."),
]

UNSURE = [
    ("Makhalla", [Fault(2, "kh", "x or h", RULE_KH)]),
    ("Khodim", [Fault(0, "Kh", "X or H", RULE_KH)]),
    (
        "Ижтимоий ёрдам",
        [Fault(0, "Ижтимоий", "Ijtimoiy", RULE_CYRILLIC_WORD), Fault(9, "ёрдам", "yordam", RULE_CYRILLIC_WORD)],
    ),
    (
        "«Инсон» маркази",
        [Fault(1, "Инсон", "Inson", RULE_CYRILLIC_WORD), Fault(8, "маркази", "markazi", RULE_CYRILLIC_WORD)],
    ),
    ("реинтеграция", [Fault(0, "реинтеграция", "reintegratsiya", RULE_CYRILLIC_WORD)]),
    ("mahaлla", [Fault(4, "л", "l", RULE_CYRILLIC_LETTER)]),
]


@pytest.mark.parametrize(
    ("text", "faults"),
    [
        ("o'qituvchi", [Fault(0, "o'", "oʻ", RULE_OKINA)]),
        ("Men o‘qiyman", [Fault(4, "o‘", "oʻ", RULE_OKINA)]),
        ("ma'lumot", [Fault(2, "'", "ʼ", RULE_TUTUQ)]),
        ("maʻlumot", [Fault(2, "ʻ", "ʼ", RULE_TUTUQ)]),
        ("Oʼzbekiston taʼlimi", [Fault(0, "Oʼ", "Oʻ", RULE_OKINA)]),
        ("O'zbekiston ta’limi", [Fault(0, "O'", "Oʻ", RULE_OKINA), Fault(14, "’", "ʼ", RULE_TUTUQ)]),
        ("ikki mo'jiza", [Fault(6, "o'", "oʻʼ", RULE_OKINA_TUTUQ)]),
        ("mahаlla", [Fault(3, "а", "a", RULE_LOOKALIKE)]),
        ("mahalla ettiligi", [Fault(8, "ettiligi", "yettiligi", RULE_YETTILIK)]),
        ("öz şahri", [Fault(0, "ö", "oʻ", RULE_FOREIGN_LETTER), Fault(3, "ş", "sh", RULE_FOREIGN_LETTER)]),
        ("`code` o`qish", [Fault(7, "o`", "oʻ", RULE_OKINA)]),
        ("‘Radio’ va bog'", [Fault(13, "g'", "gʻ", RULE_OKINA)]),
    ],
)
def test_each_fault_is_found_where_it_is_with_what_to_write(text: str, faults: list[Fault]) -> None:
    assert uzbek_faults(text) == faults


def test_the_offset_of_a_fault_on_a_later_line_gives_that_line() -> None:
    """The check reports file:line from the offset, so a fault on line 3 of a page must count two line breaks."""
    page = "# Sarlavha\n\nUshbu bo'lim haqida.\n"
    [fault] = uzbek_faults(page)
    assert page[: fault.offset].count("\n") == 2
    assert page[fault.offset :].startswith("o'lim")


@pytest.mark.parametrize("text", CORRECT)
def test_correct_text_has_no_faults_and_is_left_byte_identical(text: str) -> None:
    assert uzbek_faults(text) == []
    assert fix_uzbek(text) == text


@pytest.mark.parametrize(("broken", "fixed"), REPAIRS)
def test_fix_repairs_every_fault_with_one_sure_correction(broken: str, fixed: str) -> None:
    assert fix_uzbek(broken) == fixed
    assert uzbek_faults(fixed) == []


@pytest.mark.parametrize(("text", "faults"), UNSURE)
def test_faults_without_one_sure_correction_are_reported_but_not_fixed(text: str, faults: list[Fault]) -> None:
    assert uzbek_faults(text) == faults
    assert fix_uzbek(text) == text


def test_fix_changes_the_sure_faults_and_leaves_the_unsure_ones_beside_them() -> None:
    assert fix_uzbek("Khodim o'qiydi, «Инсон» ma'lumot beradi") == "Khodim oʻqiydi, «Инсон» maʼlumot beradi"


@pytest.mark.parametrize("quoted", ["‘Inson’ markazi", "'Inson' markazi", "«‘Mehribonlik’ uyi»", "‘Radio’"])
def test_quotation_marks_around_words_are_not_turned_into_letters(quoted: str) -> None:
    assert fix_uzbek(quoted) == quoted
    assert fix_uzbek(f"{quoted} bo'limi") == f"{quoted} boʻlimi"


@pytest.mark.parametrize(
    "ignored", ["{{ o'z }}", "{% set kh = 1 %}", "`o'qish`", "``ma'lumot``", "https://example.uz/o'z", "```\nkh\n```"]
)
def test_placeholders_code_and_addresses_are_not_uzbek_text(ignored: str) -> None:
    text = f"Bu {ignored} va o'z"
    assert uzbek_faults(text) == [Fault(len(text) - 3, "o'", "oʻ", RULE_OKINA)]
    assert fix_uzbek(text) == f"Bu {ignored} va oʻz"


@pytest.mark.parametrize("text", [broken for broken, _ in REPAIRS] + [text for text, _ in UNSURE] + CORRECT)
def test_fixing_twice_is_fixing_once(text: str) -> None:
    once = fix_uzbek(text)
    assert fix_uzbek(once) == once


@pytest.mark.parametrize("text", [broken for broken, _ in REPAIRS] + [text for text, _ in UNSURE])
def test_each_fault_names_the_characters_at_its_offset(text: str) -> None:
    faults = uzbek_faults(text)
    assert faults
    assert [text[fault.offset : fault.offset + len(fault.found)] for fault in faults] == [f.found for f in faults]


def _uzbek_values(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("uz"), str):
            yield node["uz"]
        for value in node.values():
            yield from _uzbek_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _uzbek_values(value)


def _project_uzbek() -> Iterator[tuple[str, str]]:
    """Every `uz` text of the YAML sources, and every line of the Uzbek pages, with where it is."""
    sources = [REPO / "labels.yaml", REPO / "header.yaml"]
    sources += [path for folder in ("choices", "forms", "sop") for path in sorted((REPO / folder).glob("*.yaml"))]
    for path in sources:
        for text in _uzbek_values(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path.relative_to(REPO).as_posix(), text
    for path in sorted([*(REPO / "sop" / "uz").glob("*.md"), *(REPO / "docs" / "uz").glob("*.md")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            yield f"{path.relative_to(REPO).as_posix()}:{number}", line


def test_the_projects_uzbek_sources_have_no_faults() -> None:
    texts = list(_project_uzbek())
    assert len(texts) > 1000, "the walk found too few Uzbek texts; did the sources move?"
    faults = [
        f"{where}: '{fault.found}' → '{fault.expected}' ({fault.rule})"
        for where, text in texts
        for fault in uzbek_faults(text)
    ]
    assert faults == []
