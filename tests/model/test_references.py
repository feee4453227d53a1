"""References rendered per language: each kind and style, numbers with their words, sentence starts, links,
and every way a reference can fail to name something."""

from __future__ import annotations

import pytest

from generator.model.plural import category, plural_problem, with_number
from generator.model.project import Project
from generator.model.references import MARK, references_in, unmarked, without_references
from generator.model.referents import Referents
from generator.model.resolve import Resolver, UnresolvedReference
from generator.model.text import LocalizedText
from generator.model.timeframes import Timeframe

RENDERED = {
    "{step:review}": {"en": "step 2 (Review)", "ru": "шаг 2 («Пересмотр»)", "uz": "2-qadam («Qayta koʻrib chiqish»)"},
    "{step:review|short}": {"en": "step 2", "ru": "шаг 2", "uz": "2-qadam"},
    "{step:review|number}": {"en": "2", "ru": "2", "uz": "2"},
    "{step:review|title}": {"en": "Review", "ru": "Пересмотр", "uz": "Qayta koʻrib chiqish"},
    "{section:annexes|short}": {"en": "section 3", "ru": "раздел 3", "uz": "3-boʻlim"},
    "{form:every-type|code}": {"en": "T-01", "ru": "T-01", "uz": "T-01"},
    "{form:every-type}": {
        "en": "T-01 (Every question type)",
        "ru": "T-01 («Все типы вопросов»)",
        "uz": "T-01 («Barcha savol turlari»)",
    },
    "{question:every-type/full_name}": {"en": "question 1.1", "ru": "вопрос 1.1", "uz": "1.1-savol"},
    "{question:every-type/concerns}": {"en": "section 3", "ru": "раздел 3", "uz": "3-boʻlim"},
    "{question:every-type/full_name|number}": {"en": "1.1", "ru": "1.1", "uz": "1.1"},
    "{role:supervisor}": {"en": "Supervisor", "ru": "Супервизор", "uz": "Supervizor"},
    "{role:worker|name}": {"en": "Social worker", "ru": "Социальный работник", "uz": "Ijtimoiy xodim"},
    "{pathway:violence}": {
        "en": "Disclosure of violence",
        "ru": "Сообщение о насилии",
        "uz": "Zoʻravonlik haqida xabar",
    },
    "{term:gatekeeping}": {"en": "gatekeeping", "ru": "гейткипинг", "uz": "geytkiping"},
    "{timeframe:assessment}": {"en": "30 days", "ru": "30 дней", "uz": "30 kun"},
    "{timeframe:assessment|within}": {"en": "within 30 days", "ru": "в течение 30 дней", "uz": "30 kun ichida"},
    "{timeframe:review|every}": {"en": "every 3 months", "ru": "раз в 3 месяца", "uz": "har 3 oyda"},
    "{sop:abbreviation}": {"en": "TSOP", "ru": "ТСОП", "uz": "TSOP"},
    "{code:CPWG}": {"en": "CPWG", "ru": "CPWG", "uz": "CPWG"},
}


@pytest.mark.parametrize("written", RENDERED)
def test_each_kind_and_style_renders_in_each_language(every_type_project: Project, written: str) -> None:
    for language, words in RENDERED[written].items():
        resolver = Resolver(every_type_project.referents, language)
        assert resolver.resolve(f"See {written}.") == f"See {words}.", language


def test_a_reference_that_begins_a_sentence_or_an_item_begins_with_a_capital(every_type_project: Project) -> None:
    resolver = Resolver(every_type_project.referents, "en")
    text = "{step:review} follows. Then {step:review}.\n- {timeframe:assessment|within}, or {step:review|short}"
    assert resolver.resolve(text) == "Step 2 (Review) follows. Then step 2 (Review).\n- Within 30 days, or step 2"


def test_an_uzbek_ending_stays_on_the_reference(every_type_project: Project) -> None:
    resolver = Resolver(every_type_project.referents, "uz")
    assert resolver.resolve("{step:review|short}da va {form:every-type|code} shaklida") == "2-qadamda va T-01 shaklida"


def test_uzbek_cyrillic_renders_its_own_transliterated_words(every_type_project: Project) -> None:
    resolver = Resolver(every_type_project.referents, "uz-Cyrl")
    assert resolver.resolve("{step:review}, {timeframe:review|every}") == "2-қадам («Қайта кўриб чиқиш»), ҳар 3 ойда"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        *((1, "1 день"), (2, "2 дня"), (4, "4 дня"), (5, "5 дней"), (11, "11 дней"), (12, "12 дней")),
        *(
            (21, "21 день"),
            (22, "22 дня"),
            (25, "25 дней"),
            (101, "101 день"),
            (111, "111 дней"),
            ((6, 12), "6–12 дней"),
        ),
    ],
)
def test_russian_numbers_take_the_form_of_their_plural_category(
    every_type_project: Project, value: int | tuple[int, int], words: str
) -> None:
    referents = _with_timeframe(every_type_project.referents, "assessment", value=value)
    assert Resolver(referents, "ru").resolve("{timeframe:assessment}") == words


def test_one_of_a_unit_can_have_words_of_its_own(every_type_project: Project) -> None:
    referents = _with_timeframe(every_type_project.referents, "review", value=1)
    words = {"en": "every month", "ru": "ежемесячно", "uz": "har oy"}
    for language, expected in words.items():
        assert Resolver(referents, language).resolve("- {timeframe:review|every}") == f"- {expected.capitalize()}"


def test_plural_messages_are_checked_as_they_are_read() -> None:
    assert plural_problem("{n, plural, one {# day} other {# days}}") is None
    assert plural_problem("# kun") is None
    assert plural_problem("{n, plural, one {# day}}") == "a plural message needs an 'other {...}' case"
    assert plural_problem("{n, plural, single {# day} other {# days}}") is not None
    assert plural_problem("days") == "write # where the number goes, such as '# oy'"
    assert category("uz-Cyrl", 5) == "other"
    assert category("tg", 1) == "other"  # no rule: every number in `other`
    assert with_number("{n, plural, =0 {the same day} other {# days}}", "en", 0, "0") == "the same day"


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("{stp:review}", "unknown kind of reference 'stp'; kinds: step, section, form,"),
        ("{step:closing}", "no step 'closing' in sop/structure.yaml; known: assessment, review"),
        ("{step:every-type}", "'every-type' is a form, not a step: write {form:every-type}"),
        ("{term:worker}", "'worker' is a role, not a term: write {role:worker}"),
        ("{step:review|full}", "'step' references have no style 'full'; styles: |short, |number, |title"),
        ("{question:every-type}", "write the form and the question: {question:every-type/<question id>}"),
        ("{question:every-type/nothing}", "the form 'every-type' has no numbered question or section 'nothing'"),
        ("{question:nothing/full_name}", "no form 'nothing' in forms/; known: every-type"),
        ("{sop:version}", "no sop 'version' in sop/sop.yaml; known: abbreviation, code, short_title, title"),
        ("{timeframe:soon}", "no timeframe 'soon' in sop/timeframes.yaml; known: assessment, review"),
    ],
)
def test_a_reference_that_names_nothing_says_why(every_type_project: Project, written: str, reason: str) -> None:
    resolver = Resolver(every_type_project.referents, "en")
    with pytest.raises(UnresolvedReference) as raised:
        resolver.resolve(written)
    assert str(raised.value).startswith(reason)


def test_references_that_go_round_in_a_circle_are_refused(every_type_project: Project) -> None:
    referents = every_type_project.referents
    assert referents.steps is not None and referents.pathways is not None
    steps = dict(referents.steps)
    steps["review"] = type(steps["review"])("2", _everywhere("Review after {pathway:violence}"))
    pathways = {"violence": _everywhere("Violence, see {step:review}")}
    looped = Referents(**{**vars(referents), "steps": steps, "pathways": pathways})
    with pytest.raises(UnresolvedReference) as raised:
        Resolver(looped, "en").resolve("{step:review}")
    assert str(raised.value) == (
        "the references go round in a circle: {step:review} → {pathway:violence} → {step:review}"
    )


def test_a_view_for_the_site_marks_each_reference_with_its_link(every_type_project: Project) -> None:
    resolver = Resolver(every_type_project.referents, "en", lambda kind, target: f"{kind}/{target}.md")
    text = resolver.resolve("Do {step:review|short} within {timeframe:assessment}.")
    assert [(mark.group("link"), mark.group("words")) for mark in MARK.finditer(text)] == [
        ("step/review.md", "step 2"),
        ("timeframe/assessment.md", "30 days"),
    ]
    assert unmarked(text) == "Do step 2 within 30 days."


def test_references_are_found_and_blanked_as_written() -> None:
    text = "See {form:referral|code}, {question:referral/urgency} and {code:Better Care Network}."
    assert [(ref.kind, ref.target, ref.style) for ref in references_in(text)] == [
        ("form", "referral", "code"),
        ("question", "referral/urgency", "default"),
        ("code", "Better Care Network", "default"),
    ]
    blank = [" " * len(written) for written in ("{form:referral|code}", "{question:referral/urgency}", "{code:x}")]
    assert without_references(text).startswith(f"See {blank[0]}, {blank[1]} and ")
    assert len(without_references(text)) == len(text)
    assert list(references_in("{{ steps_table }} {page} {: .class} {custom-style=x}")) == []


def _everywhere(text: str) -> LocalizedText:
    return LocalizedText({"en": text, "ru": text, "uz": text, "uz-Cyrl": text})


def _with_timeframe(referents: Referents, timeframe_id: str, **changes: object) -> Referents:
    assert referents.timeframes is not None
    timeframes: dict[str, Timeframe] = dict(referents.timeframes)
    timeframes[timeframe_id] = timeframes[timeframe_id].model_copy(update=changes)
    return Referents(**{**vars(referents), "timeframes": timeframes})
