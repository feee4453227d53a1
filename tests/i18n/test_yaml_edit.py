"""Writing translations back into hand-written YAML: only the edited texts change, byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.i18n import yaml_edit
from generator.i18n.yaml_edit import Edit, EditError, apply_edits

REPO = Path(__file__).resolve().parents[2]
FILE = "forms/child-needs-assessment.yaml"

FORM = """\
# yaml-language-server: $schema=../schema/form.schema.json
# F-01: the individual needs assessment of a child or young person in residential care
# (CPWG case management step 2; Reintegration Guidelines "assessment of the child").
id: child-needs-assessment
version: "1.0"
status: {en: draft, ru: draft, uz: draft}
title:
  en: Child (young person) individual needs assessment
  ru: Оценка потребностей ребенка (молодого человека)
  uz: Bola (oʻsmir) ehtiyojlarini individual baholash
purpose:
  en: >-
    To understand the needs, strengths, safety and wishes of a child in residential care, to choose the best
    care option and prepare the reintegration plan.
  ru: >-
    Понять потребности, сильные стороны, безопасность и желания ребенка в учреждении, чтобы выбрать
    наилучшую форму устройства и подготовить план реинтеграции.

instructions:
  en: |
    Meet the child at least twice, at least once alone.
    Rate items from 1 (no concern) to 4 (serious concern).
  ru: |
    Встретьтесь с ребенком не менее двух раз.
  # uz: to be translated
sections:
  # 1 Identity and legal status --------------------------------------------------------------------
  - id: identity
    title: {en: Identity and legal status, ru: Личные данные и правовой статус, uz: Shaxsiy maʼlumotlar}
    questions:
      - id: full_name
        type: text
        label: {en: Full name of the child, ru: "Фамилия, имя, отчество ребенка", uz: "Bolaning ismi"}
        hint: {en: As in the birth certificate, ru: Как в свидетельстве о рождении}  # uz pending
      - id: religion
        label:
          en: 'Religion and cultural practice'
          ru: "Вероисповедание, традиции"
          uz: Diniy eʼtiqodi # checked by NASP
"""

LABEL = ("sections", 0, "questions", 0, "label")
HINT = ("sections", 0, "questions", 0, "hint")
RELIGION = ("sections", 0, "questions", 1, "label")


def edit(path: tuple[str | int, ...], language: str, value: str, text: str = FORM) -> str:
    return apply_edits(text, [Edit(path, language, value)], FILE)


def changed(before: str, after: str) -> tuple[str, str]:
    """The lines that differ, old and new; every line before and after them is byte-identical."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return "".join(old[start : len(old) - end]), "".join(new[start : len(new) - end])


def value_at(text: str, path: tuple[str | int, ...]) -> Any:
    data: Any = yaml.safe_load(text)
    for part in path:
        data = data[part]
    return data


# Replacing a text in the style it was written in


def test_a_plain_text_in_a_flow_mapping_stays_plain() -> None:
    result = edit(("status",), "ru", "проект")
    assert changed(FORM, result) == (
        "status: {en: draft, ru: draft, uz: draft}\n",
        "status: {en: draft, ru: проект, uz: draft}\n",
    )


def test_a_double_quoted_text_stays_double_quoted() -> None:
    result = edit(LABEL, "ru", "ФИО ребенка")
    assert 'ru: "ФИО ребенка", uz: "Bolaning ismi"}' in changed(FORM, result)[1]


def test_quotes_and_backslashes_are_escaped_in_a_double_quoted_text() -> None:
    result = edit(LABEL, "ru", 'ФИО "ребенка" C:\\папка')
    assert 'ru: "ФИО \\"ребенка\\" C:\\\\папка", uz: "Bolaning ismi"}' in changed(FORM, result)[1]
    assert value_at(result, LABEL)["ru"] == 'ФИО "ребенка" C:\\папка'


def test_a_single_quoted_text_stays_single_quoted_with_its_quotes_doubled() -> None:
    result = edit(RELIGION, "en", "Child's religion")
    assert changed(FORM, result) == (
        "          en: 'Religion and cultural practice'\n",
        "          en: 'Child''s religion'\n",
    )
    assert value_at(result, RELIGION)["en"] == "Child's religion"


def test_a_plain_text_in_a_block_mapping_keeps_its_comment() -> None:
    result = edit(RELIGION, "uz", "Diniy eʼtiqodi va anʼanalari")
    assert changed(FORM, result) == (
        "          uz: Diniy eʼtiqodi # checked by NASP\n",
        "          uz: Diniy eʼtiqodi va anʼanalari # checked by NASP\n",
    )


def test_a_short_text_in_a_folded_block_stays_folded_at_the_same_indentation() -> None:
    result = edit(("purpose",), "ru", "Понять потребности ребенка.")
    assert changed(FORM, result) == (
        "    Понять потребности, сильные стороны, безопасность и желания ребенка в учреждении, чтобы выбрать\n"
        "    наилучшую форму устройства и подготовить план реинтеграции.\n",
        "    Понять потребности ребенка.\n",
    )


def test_a_long_text_in_a_folded_block_is_wrapped_at_single_spaces_and_reads_back_exactly() -> None:
    text = " ".join(["Понять потребности, сильные  стороны и желания ребенка,"] * 8) + " «конец»"
    result = edit(("purpose",), "ru", text)
    new = changed(FORM, result)[1]
    lines = new.splitlines()
    assert len(lines) > 3
    assert all(line.startswith("    ") and not line[4].isspace() and len(line) <= 110 for line in lines)
    assert value_at(result, ("purpose",))["ru"] == text
    assert "  ru: >-\n" + new in result


def test_a_literal_block_keeps_its_lines() -> None:
    result = edit(("instructions",), "ru", "Встретьтесь с ребенком.\nОцените пункты от 1 до 4.\n")
    assert changed(FORM, result) == (
        "    Встретьтесь с ребенком не менее двух раз.\n",
        "    Встретьтесь с ребенком.\n    Оцените пункты от 1 до 4.\n",
    )


def test_a_literal_block_without_a_final_line_break_is_stripped() -> None:
    result = edit(("instructions",), "ru", "Одна строка")
    assert changed(FORM, result) == (
        "  ru: |\n    Встретьтесь с ребенком не менее двух раз.\n",
        "  ru: |-\n    Одна строка\n",
    )
    assert value_at(result, ("instructions",))["ru"] == "Одна строка"


def test_several_lines_in_a_folded_block_become_a_literal_block() -> None:
    result = edit(("purpose",), "ru", "Первая строка\nвторая строка")
    assert changed(FORM, result)[1] == "  ru: |-\n    Первая строка\n    вторая строка\n"


def test_several_lines_replacing_a_plain_text_in_a_block_mapping_become_a_literal_block() -> None:
    result = edit(("title",), "uz", "Birinchi qator\nikkinchi qator\n")
    assert changed(FORM, result) == (
        "  uz: Bola (oʻsmir) ehtiyojlarini individual baholash\n",
        "  uz: |\n    Birinchi qator\n    ikkinchi qator\n",
    )


def test_several_lines_in_a_flow_mapping_stay_in_it_as_escapes() -> None:
    result = edit(("status",), "uz", "loyiha\nqoralama")
    assert changed(FORM, result)[1] == 'status: {en: draft, ru: draft, uz: "loyiha\\nqoralama"}\n'
    assert value_at(result, ("status",))["uz"] == "loyiha\nqoralama"


def test_an_empty_text_replacing_a_block_is_written_as_empty_quotes() -> None:
    result = edit(("purpose",), "ru", "")
    assert changed(FORM, result)[1] == '  ru: ""\n'
    assert value_at(result, ("purpose",))["ru"] == ""


# Texts that need quotes


@pytest.mark.parametrize(
    ("value", "flow", "block"),
    [
        ("Note: see the plan", '"Note: see the plan"', '"Note: see the plan"'),
        ("No#3", "No#3", "No#3"),
        ("Case #3", '"Case #3"', '"Case #3"'),
        ("#3", '"#3"', '"#3"'),
        ("- item", '"- item"', '"- item"'),
        ("-1", '"-1"', '"-1"'),
        ("yes", '"yes"', '"yes"'),
        ("no", '"no"', '"no"'),
        ("1.0", '"1.0"', '"1.0"'),
        ("1e5", '"1e5"', '"1e5"'),
        ("2026-11-22", '"2026-11-22"', '"2026-11-22"'),
        ("null", '"null"', '"null"'),
        ("~", '"~"', '"~"'),
        ("", '""', '""'),
        (" ", '" "', '" "'),
        (" leading space", '" leading space"', '" leading space"'),
        ("Decision (No., date)", '"Decision (No., date)"', "Decision (No., date)"),
        ("Any disability?", '"Any disability?"', "Any disability?"),
        ("[draft]", '"[draft]"', '"[draft]"'),
        ("{page} of {pages}", '"{page} of {pages}"', '"{page} of {pages}"'),
        ('say "hi" \\ now', 'say "hi" \\ now', 'say "hi" \\ now'),
        ('"Inson" \\ centre', '"\\"Inson\\" \\\\ centre"', '"\\"Inson\\" \\\\ centre"'),
        ("tab\there", '"tab\\there"', '"tab\\there"'),
        ("Пол «мужской»", "Пол «мужской»", "Пол «мужской»"),
        ("Oʻzbekiston, maʼlumot", '"Oʻzbekiston, maʼlumot"', "Oʻzbekiston, maʼlumot"),
        ("Bolaning tugʻilgan: sanasi", '"Bolaning tugʻilgan: sanasi"', '"Bolaning tugʻilgan: sanasi"'),
    ],
)
def test_a_plain_text_is_quoted_only_when_it_must_be(value: str, flow: str, block: str) -> None:
    in_flow = edit(("status",), "ru", value)
    assert changed(FORM, in_flow)[1] == f"status: {{en: draft, ru: {flow}, uz: draft}}\n"
    assert value_at(in_flow, ("status",))["ru"] == value
    in_block = edit(("title",), "ru", value)
    assert changed(FORM, in_block)[1] == f"  ru: {block}\n"
    assert value_at(in_block, ("title",))["ru"] == value


def test_control_characters_are_escaped_and_other_text_is_kept_as_it_is() -> None:
    value = "Bell\x07, line\u2028separator, «Инсон» ʻʼ"
    result = edit(RELIGION, "uz", value)
    assert changed(FORM, result)[1] == '          uz: "Bell\\x07, line\\u2028separator, «Инсон» ʻʼ" # checked by NASP\n'
    assert value_at(result, RELIGION)["uz"] == value


# Adding a missing language


def test_a_missing_language_is_added_at_the_end_of_a_flow_mapping() -> None:
    result = edit(HINT, "uz", "Tugʻilganlik guvohnomasidagidek")
    assert changed(FORM, result) == (
        "        hint: {en: As in the birth certificate, ru: Как в свидетельстве о рождении}  # uz pending\n",
        "        hint: {en: As in the birth certificate, ru: Как в свидетельстве о рождении, "
        "uz: Tugʻilganlik guvohnomasidagidek}  # uz pending\n",
    )


def test_a_missing_language_that_needs_quotes_is_quoted_in_a_flow_mapping() -> None:
    result = edit(HINT, "uz", "Guvohnoma: F-1, F-2")
    assert ', uz: "Guvohnoma: F-1, F-2"}  # uz pending\n' in changed(FORM, result)[1]


def test_languages_added_together_keep_the_order_they_were_given_in() -> None:
    text = "label: {en: Sex}\n"
    result = apply_edits(text, [Edit(("label",), "ru", "Пол"), Edit(("label",), "uz", "Jinsi")], FILE)
    assert result == "label: {en: Sex, ru: Пол, uz: Jinsi}\n"


def test_a_language_is_added_to_an_empty_flow_mapping() -> None:
    assert apply_edits("label: {}\n", [Edit(("label",), "ru", "Пол")], FILE) == "label: {ru: Пол}\n"


def test_a_missing_language_is_added_after_the_last_entry_of_a_block_mapping() -> None:
    result = edit(("title",), "kk", "Баланың қажеттіліктерін бағалау")
    assert changed(FORM, result) == (
        "",
        "  kk: Баланың қажеттіліктерін бағалау\n",
    )
    assert result.index("  kk:") > result.index("  uz: Bola (oʻsmir)")
    assert result.index("  kk:") < result.index("purpose:")


def test_a_language_added_after_a_block_scalar_goes_after_its_lines_and_before_the_blank_line() -> None:
    result = edit(("purpose",), "uz", "Bolaning ehtiyojlarini aniqlash.")
    assert "    наилучшую форму устройства и подготовить план реинтеграции.\n  uz: >-\n" in result
    assert "    Bolaning ehtiyojlarini aniqlash.\n\ninstructions:\n" in result
    assert changed(FORM, result) == ("", "  uz: >-\n    Bolaning ehtiyojlarini aniqlash.\n")


def test_a_language_added_before_a_comment_leaves_the_comment_in_place() -> None:
    result = edit(("instructions",), "uz", "Bola bilan kamida ikki marta uchrashing.\nBandlarni baholang.\n")
    assert changed(FORM, result) == (
        "",
        "  uz: |\n    Bola bilan kamida ikki marta uchrashing.\n    Bandlarni baholang.\n",
    )
    assert "    Bandlarni baholang.\n  # uz: to be translated\nsections:\n" in result


def test_several_lines_added_to_a_plain_block_mapping_are_a_literal_block_two_spaces_deeper() -> None:
    result = edit(RELIGION, "kk", "Діні\nдәстүрлері")
    assert changed(FORM, result) == ("", "          kk: |-\n            Діні\n            дәстүрлері\n")
    assert value_at(result, RELIGION)["kk"] == "Діні\nдәстүрлері"


def test_lists_are_addressed_by_index() -> None:
    text = "options:\n  - id: a\n    label:\n      en: A\n  - id: b\n    label:\n      en: B\n"
    result = apply_edits(text, [Edit(("options", 1, "label"), "ru", "Б")], "choices/x.yaml")
    assert result == text + "      ru: Б\n"


TRICKY = [
    "",
    " ",
    "~",
    "-",
    "- a",
    "? a",
    ": a",
    "a:",
    "a: b",
    "a #b",
    "#",
    "'a'",
    '"a"',
    "\\",
    "[a, b]",
    "{a}",
    "&a *b !c |d >e %f @g `h",
    "yes",
    "off",
    "0x1F",
    "1_000",
    "12:30",
    "=",
    "<<",
    " a\nb",
    "\ta\n\tb\n",
    "a\n\nb\n",
    "a\n\n",
    "\n",
    "a\r\nb",
    "a\x85b\u2028c\ufeffd",
    "  ʻ ʼ « » Пол  ",
]
PLACES = [
    (("status",), "ru"),
    (("status",), "kk"),
    (("title",), "ru"),
    (("title",), "kk"),
    (("purpose",), "ru"),
    (("purpose",), "kk"),
    (("instructions",), "ru"),
    (("instructions",), "kk"),
    (RELIGION, "en"),
    (RELIGION, "ru"),
    (RELIGION, "uz"),
    (HINT, "uz"),
]


COMMENTS = [line for line in FORM.splitlines(keepends=True) if line.lstrip().startswith("#")]
COMMENTS += ["}  # uz pending\n", " # checked by NASP\n"]


@pytest.mark.parametrize("value", TRICKY)
def test_an_awkward_text_reads_back_exactly_wherever_it_is_written(value: str) -> None:
    for path, language in PLACES:
        result = edit(path, language, value)
        assert value_at(result, path)[language] == value, (path, language)
        assert yaml.load(result, Loader=yaml.BaseLoader)["sections"][0]["id"] == "identity"
        assert all(result.count(comment) == 1 for comment in COMMENTS), (path, language)


# Changing nothing


def test_no_edits_return_the_text_unchanged() -> None:
    assert apply_edits(FORM, [], FILE) is FORM


def test_setting_every_text_to_what_it_already_is_changes_no_byte() -> None:
    edits = [
        Edit(("status",), "ru", "draft"),
        Edit(LABEL, "ru", "Фамилия, имя, отчество ребенка"),
        Edit(RELIGION, "en", "Religion and cultural practice"),
        Edit(("purpose",), "en", value_at(FORM, ("purpose",))["en"]),
        Edit(("instructions",), "ru", "Встретьтесь с ребенком не менее двух раз.\n"),
    ]
    assert apply_edits(FORM, edits, FILE) == FORM


def test_a_number_replaced_by_the_same_digits_as_text_is_quoted() -> None:
    result = apply_edits("label: {en: 1, ru: 1}\n", [Edit(("label",), "ru", "1")], FILE)
    assert result == 'label: {en: 1, ru: "1"}\n'


# Line endings, and files without a final line break


def test_windows_line_endings_are_kept() -> None:
    text = FORM.replace("\n", "\r\n")
    result = edit(("title",), "kk", "бір\nекі", text)
    assert changed(text, result) == ("", "  kk: |-\r\n    бір\r\n    екі\r\n")


def test_a_block_at_the_end_of_a_file_without_a_final_line_break_keeps_its_last_line_break() -> None:
    result = apply_edits("note:\n  en: |\n    old", [Edit(("note",), "en", "new\n")], FILE)
    assert result == "note:\n  en: |\n    new\n"
    assert yaml.safe_load(result) == {"note": {"en": "new\n"}}


# Refusals, each naming the file, the line and the path


def test_an_item_past_the_end_of_a_list_names_the_line_of_the_list() -> None:
    with pytest.raises(EditError) as caught:
        edit(("sections", 0, "questions", 5, "label"), "ru", "x")
    assert str(caught.value) == (
        "forms/child-needs-assessment.yaml:31:7: sections[0].questions[5].label: cannot set the 'ru' text: "
        "'sections[0].questions' is a list of 2 items, counted from 0; there is no item 5"
    )


def test_a_missing_key_lists_the_keys_that_exist() -> None:
    with pytest.raises(EditError) as caught:
        edit(("sections", 0, "questions", 1, "hint"), "ru", "x")
    assert str(caught.value) == (
        "forms/child-needs-assessment.yaml:35:9: sections[0].questions[1].hint: cannot set the 'ru' text: "
        "'sections[0].questions[1]' has no key 'hint'; its keys are: id, label"
    )


def test_a_text_is_not_a_mapping_of_languages() -> None:
    with pytest.raises(EditError) as caught:
        edit(("version",), "ru", "2.0")
    assert str(caught.value) == (
        "forms/child-needs-assessment.yaml:5:10: version: cannot set the 'ru' text: expected a mapping of "
        "languages such as {en: ..., ru: ...}, found a text"
    )


def test_a_list_is_addressed_by_number() -> None:
    with pytest.raises(EditError) as caught:
        edit(("sections", "identity", "title"), "ru", "x")
    assert str(caught.value) == (
        "forms/child-needs-assessment.yaml:28:3: sections.identity.title: cannot set the 'ru' text: "
        "'sections' is a list; its items are addressed by number, not by 'identity'"
    )


def test_broken_yaml_is_located() -> None:
    with pytest.raises(EditError) as caught:
        apply_edits("title: {en: A\nid: x\n", [Edit(("title",), "ru", "Б")], FILE)
    assert str(caught.value).startswith("forms/child-needs-assessment.yaml:2:3: not valid YAML: ")


def test_a_text_inside_an_anchor_is_refused_because_an_alias_would_change_too() -> None:
    text = "a: &shared {en: Yes, ru: Да}\nb: *shared\n"
    with pytest.raises(EditError) as caught:
        apply_edits(text, [Edit(("a",), "ru", "Нет")], FILE)
    assert str(caught.value).startswith("forms/child-needs-assessment.yaml:1:4: a: cannot set the 'ru' text inside ")


def test_a_writer_that_would_corrupt_the_file_is_caught_before_anything_is_returned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yaml_edit, "_double_quoted", lambda value: f'"{value}"')
    with pytest.raises(EditError) as caught:
        edit(LABEL, "ru", 'ФИО "ребенка"')
    assert str(caught.value).startswith("forms/child-needs-assessment.yaml:")
    assert "sections[0].questions[0].label" in str(caught.value)
    assert "the edit was refused" in str(caught.value)


# A real source, round trip


def localised(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], dict[str, str]]]:
    """Every mapping of language codes to texts in `data`, with its path."""
    if isinstance(data, dict):
        if data and set(data) <= {"en", "ru", "uz"} and all(isinstance(text, str) for text in data.values()):
            return [(path, data)]
        return [found for key, value in data.items() for found in localised(value, (*path, key))]
    if isinstance(data, list):
        return [found for index, item in enumerate(data) for found in localised(item, (*path, index))]
    return []


def test_a_real_form_round_trips_byte_for_byte_and_changes_only_where_asked() -> None:
    text = (REPO / FILE).read_text(encoding="utf-8")
    before = yaml.safe_load(text)
    texts = [(path, mapping) for path, mapping in localised(before) if "ru" in mapping]
    assert len(texts) > 100

    unchanged = [Edit(path, "ru", mapping["ru"]) for path, mapping in texts]
    assert apply_edits(text, unchanged, FILE) == text

    new = {
        ("title",): "Оценка индивидуальных потребностей ребенка",
        ("purpose",): "Понять, что нужно ребенку: " + "безопасность, семья, учеба, здоровье. " * 6 + "Итог.",
        ("instructions",): "Встретьтесь с ребенком.\nНе заставляйте его повторять рассказ о насилии.\n",
        texts[-1][0]: "Да: «согласен»",
    }
    result = apply_edits(text, [Edit(path, "ru", value) for path, value in new.items()], FILE)
    after = yaml.safe_load(result)
    for path, value in new.items():
        assert value_at(result, path)["ru"] == value
        container, expected = after, before
        for part in path:
            container, expected = container[part], expected[part]
        expected["ru"] = value
    assert after == before
    old_texts = " ".join(value_at(text, path)["ru"] for path in new)
    removed = [line for line in difflib.ndiff(text.splitlines(), result.splitlines()) if line.startswith("- ")]
    assert all("ru:" in line or line[2:].strip() in old_texts for line in removed)
    assert comments(result) == comments(text)


def comments(text: str) -> list[str]:
    """The lines that hold only a comment."""
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]
