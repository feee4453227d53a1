"""Uzbek Latin to Uzbek Cyrillic: known words, sentences, case, sloppy marks, tokens left alone, Markdown."""

from __future__ import annotations

import pytest

from generator.i18n.transliterate import (
    TRANSLITERATIONS,
    UZBEK_CAPITALS,
    latin_left,
    transliterate_markdown,
    uzbek_latin_to_cyrillic,
)

WORDS = [
    # oʻ, gʻ
    ("oʻzbek", "ўзбек"),
    ("gʻamxoʻrlik", "ғамхўрлик"),
    ("toʻgʻrisida", "тўғрисида"),
    ("oʻgʻil", "ўғил"),
    ("bogʻ", "боғ"),
    ("yigʻilish", "йиғилиш"),
    ("oʻqituvchi", "ўқитувчи"),
    # the tutuq belgisi, and sʼh
    ("maʼlumot", "маълумот"),
    ("taʼlim", "таълим"),
    ("eʼtibor", "эътибор"),
    ("sanʼat", "санъат"),
    ("sheʼr", "шеър"),
    ("Qurʼon", "Қуръон"),
    ("yaʼni", "яъни"),
    ("moʻʼjiza", "мўъжиза"),
    ("Isʼhoq", "Исҳоқ"),
    # sh, ch, ng
    ("shahar", "шаҳар"),
    ("choy", "чой"),
    ("kecha", "кеча"),
    ("tong", "тонг"),
    ("ming", "минг"),
    ("shaxsiy", "шахсий"),
    # yo, yu, ya, ye, y
    ("yoshlar", "ёшлар"),
    ("yuz", "юз"),
    ("yangi", "янги"),
    ("yetti", "етти"),
    ("poyezd", "поезд"),
    ("yuqori", "юқори"),
    ("dunyo", "дунё"),
    ("ayol", "аёл"),
    ("tayyor", "тайёр"),
    ("jamiyat", "жамият"),
    ("viloyat", "вилоят"),
    ("vasiylik", "васийлик"),
    ("ijtimoiy", "ижтимоий"),
    ("uy", "уй"),
    ("yoʻl", "йўл"),
    ("yoʻq", "йўқ"),
    # e: э at the start of a word and after a vowel, е after a consonant
    ("ertaga", "эртага"),
    ("ekspert", "эксперт"),
    ("poeziya", "поэзия"),
    ("aeroport", "аэропорт"),
    ("mehribonlik", "меҳрибонлик"),
    # q, h, x, j
    ("qaror", "қарор"),
    ("mahalla", "маҳалла"),
    ("xodim", "ходим"),
    ("hujjat", "ҳужжат"),
    ("himoya", "ҳимоя"),
    ("xavfsizlik", "хавфсизлик"),
    # plain letters
    ("oila", "оила"),
    ("bolalar", "болалар"),
    ("Toshkent", "Тошкент"),
    # ts: ц in Russian loans, т and с where an ending meets a final t
    ("reintegratsiya", "реинтеграция"),
    ("deinstitutsionalizatsiya", "деинституционализация"),
    ("federatsiya", "федерация"),
    ("konstitutsiya", "конституция"),
    ("sotsial", "социал"),
    ("protsedura", "процедура"),
    ("tsex", "цех"),
    ("tsunami", "цунами"),
    ("koeffitsiyent", "коэффициент"),
    ("ketsa", "кетса"),
    ("hurmatsiz", "ҳурматсиз"),
    ("tutsin", "тутсин"),
    # several words, acronyms, codes
    ("Oʻzbekiston Respublikasi", "Ўзбекистон Республикаси"),
    ("NASP", "НАСП"),
    ("F-01", "F-01"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), WORDS)
def test_known_words(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


def test_the_word_table_covers_every_cyrillic_letter_of_uzbek() -> None:
    letters = set("".join(cyrillic for _, cyrillic in WORDS).lower()) - {" ", "-"}
    assert letters >= set("абвгдеёжзийклмнопрстуфхчшъэюяўқғҳц")


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        (
            "Bitta masʼul xodim har bir holatni birinchi murojaatdan to yopilguncha bitta reja asosida olib boradi.",
            "Битта масъул ходим ҳар бир ҳолатни биринчи мурожаатдан то ёпилгунча битта режа асосида олиб боради.",
        ),
        (
            "Bola uyga faqat ajralish sabablari bartaraf etilgandagina qaytadi.",
            "Бола уйга фақат ажралиш сабаблари бартараф этилгандагина қайтади.",
        ),
        (
            "«Inson» markazi 2024-yildan buyon F-04 shaklini NASP bilan toʻldiradi.",
            "«Инсон» маркази 2024-йилдан буён F-04 шаклини НАСП билан тўлдиради.",
        ),
        (
            "Oʻzbekiston Respublikasi Prezidenti huzuridagi Ijtimoiy himoya milliy agentligi (IHMA)",
            "Ўзбекистон Республикаси Президенти ҳузуридаги Ижтимоий ҳимоя миллий агентлиги (ИҲМА)",
        ),
    ],
)
def test_sentences(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


def test_punctuation_numbers_and_whitespace_pass_through() -> None:
    latin = "Salom,  dunyo!\n\t— 3 ta bola: 1,5 mln soʻm? (12.05.2026) «ha» / «yoʻq»…\r\n"
    assert uzbek_latin_to_cyrillic(latin) == "Салом,  дунё!\n\t— 3 та бола: 1,5 млн сўм? (12.05.2026) «ҳа» / «йўқ»…\r\n"


def test_cyrillic_output_is_left_as_it_is() -> None:
    cyrillic = uzbek_latin_to_cyrillic("Oʻzbekiston Respublikasi, maʼlumot va SOPning yoʻriqnomasi")
    assert uzbek_latin_to_cyrillic(cyrillic) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Shahar", "Шаҳар"),
        ("SHAHAR", "ШАҲАР"),
        ("Sh", "Ш"),
        ("SH", "Ш"),
        ("Ya", "Я"),
        ("YA", "Я"),
        ("Choy", "Чой"),
        ("CHOY", "ЧОЙ"),
        ("YOSH", "ЁШ"),
        ("FHDYO", "ФҲДЁ"),
        ("Yangi", "Янги"),
        ("YANGI", "ЯНГИ"),
        ("Ertaga", "Эртага"),
        ("Oʻzbek", "Ўзбек"),
        ("Gʻisht", "Ғишт"),
        ("OʻZBEKISTON", "ЎЗБЕКИСТОН"),
        ("MAʼLUMOT", "МАЪЛУМОТ"),
        ("YOʻQ", "ЙЎҚ"),
        ("U keldi.", "У келди."),
        ("TOSHKENT SHAHRI", "ТОШКЕНТ ШАҲРИ"),
        ("JShShIR", "ЖШШИР"),
        ("FHDYo organlari", "ФҲДЁ органлари"),
    ],
)
def test_case_is_kept(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("o'zbek", "ўзбек"),
        ("o‘zbek", "ўзбек"),
        ("o’zbek", "ўзбек"),
        ("o`zbek", "ўзбек"),
        ("oʼzbek", "ўзбек"),
        ("g'isht", "ғишт"),
        ("o'g'il", "ўғил"),
        ("O'ZBEKISTON", "ЎЗБЕКИСТОН"),
        ("yo'l", "йўл"),
        ("bog'", "боғ"),
        ("ma'lumot", "маълумот"),
        ("ta’lim", "таълим"),
        ("maʻlumot", "маълумот"),
        ("Is'hoq", "Исҳоқ"),
        ("mo''jiza", "мўъжиза"),
    ],
)
def test_look_alike_marks_are_read_as_the_uzbek_ones(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("‘Radio’ va 'Inson'", "‘Радио’ ва 'Инсон'"),
        ("'bog'", "'бог'"),
        ("«Bogʻ»", "«Боғ»"),
        ("bog`", "бог`"),
    ],
)
def test_quotation_marks_around_a_word_stay_quotation_marks(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "token",
    [
        # acronyms with letters Uzbek Latin does not have (oila check asks for them to be marked)
        "NASP-SOP-01",
        "UNICEF",
        "CPWG",
        "DOCX",
        # Roman numerals
        "XXI",
        "IV",
        # words with letters Uzbek Latin does not have
        "Microsoft Word",
        "Göteborg",
        "маълумот",
        # codes, numbers, versions
        "F-01",
        "F-01–F-13",
        "1.0",
        "v1.0",
        "A4",
        "COVID-19",
        "A/RES/64/142",
        # addresses, file names, identifiers, placeholders
        "https://lex.uz/docs/-6445145?bola=1",
        "www.nasp.uz",
        "info@nasp.uz",
        "lex.uz",
        "index.md",
        "case_id",
        "{page}",
        "{{ steps_table }}",
        "{% if bola %}",
        # references
        "{step:closure|short}",
        "{question:child-needs-assessment/risk_level}",
        "{code:Better Care Network}",
    ],
)
def test_tokens_left_alone(token: str) -> None:
    assert uzbek_latin_to_cyrillic(token) == token


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # words in capitals are converted, endings too; an acronym marked as a code keeps its letters
        ("SOPning", "СОПнинг"),
        ("NASPga", "НАСПга"),
        ("IHMA", "ИҲМА"),
        ("UNICEFning", "UNICEFнинг"),
        ("{code:ID}-karta", "{code:ID}-карта"),
        ("{code:PDF} fayl", "{code:PDF} файл"),
        # Roman numerals stay, in a code too, with the Uzbek ending after them converted
        ("XXI asr", "XXI аср"),
        ("OʻRQ-607-I-son", "ЎРҚ-607-I-сон"),
        ("F.I.Sh.", "Ф.И.Ш."),
        # two vowels: a word, not an acronym
        ("BOLA", "БОЛА"),
        ("EKIXdan", "ЭКИХдан"),
        # listed Uzbek capitals
        ("BMTning", "БМТнинг"),
        ("BOLA VA OILA", "БОЛА ВА ОИЛА"),
        ("KK.OO.YYYY", "КК.ОО.ЙЙЙЙ"),
        # endings after numbers, and Uzbek letters in codes
        ("2024-yildan", "2024-йилдан"),
        ("8-boʻlim", "8-бўлим"),
        ("1–2-bosqich", "1–2-босқич"),
        ("5ta", "5та"),
        ("F-01-dan", "F-01-дан"),
        ("OʻRQ-139-son", "ЎРҚ-139-сон"),
        ("PQ-60", "ПҚ-60"),
        # the text around what is left alone is converted
        ("{page}-sahifa, jami {pages} sahifa", "{page}-саҳифа, жами {pages} саҳифа"),
        ("Batafsil: https://lex.uz/bola va lex.uz saytida.", "Батафсил: https://lex.uz/bola ва lex.uz сайтида."),
        ("va/yoki", "ва/ёки"),
        ("keys-ekspert", "кейс-эксперт"),
        # an ending after a reference, and the words of a plural message around its syntax
        (
            "{step:closure|short}da, {form:referral|code} shaklida",
            "{step:closure|short}да, {form:referral|code} шаклида",
        ),
        ("{n, plural, =1 {har oy} other {har # oyda}}", "{n, plural, =1 {ҳар ой} other {ҳар # ойда}}"),
        (
            "{n, plural, one {# soat} few {# soat} other {# soat}}",
            "{n, plural, one {# соат} few {# соат} other {# соат}}",
        ),
    ],
)
def test_around_acronyms_codes_and_addresses(latin: str, cyrillic: str) -> None:
    assert uzbek_latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("word", sorted(UZBEK_CAPITALS))
def test_every_listed_uzbek_capital_is_converted(word: str) -> None:
    cyrillic = uzbek_latin_to_cyrillic(word)
    assert cyrillic.isupper()
    assert not any(char.isascii() and char.isalpha() for char in cyrillic)


def test_the_transliteration_is_named_for_oila_yaml() -> None:
    assert list(TRANSLITERATIONS) == ["uz-Latn-to-Cyrl"]
    assert TRANSLITERATIONS["uz-Latn-to-Cyrl"] is uzbek_latin_to_cyrillic


# Markdown


def md(text: str) -> str:
    return transliterate_markdown(text, uzbek_latin_to_cyrillic)


def test_markdown_prose_is_converted_and_keeps_its_shape() -> None:
    text = "# Oila\n\n- **Bola** va *oila*  \n  1. maʼlumot\n\n> Diqqat: xavf!\r\n\n| Bola | Oila |\n| --- | --- |\n"
    expected = (
        "# Оила\n\n- **Бола** ва *оила*  \n  1. маълумот\n\n> Диққат: хавф!\r\n\n| Бола | Оила |\n| --- | --- |\n"
    )
    assert md(text) == expected


def test_markdown_jinja_is_kept() -> None:
    text = 'Bola {{ terms("bola", "oila") }} va {% if bola %}oila{% endif %} {# izoh\nbola #} tamom'
    expected = 'Бола {{ terms("bola", "oila") }} ва {% if bola %}оила{% endif %} {# izoh\nbola #} тамом'
    assert md(text) == expected


def test_markdown_fenced_code_is_kept() -> None:
    text = "Bola\n\n```python\nbola = 'oila'\n```\n\n~~~\nyangi ``` ichida\n~~~\n\nOila\n\n````\nochiq qoldi\n"
    expected = "Бола\n\n```python\nbola = 'oila'\n```\n\n~~~\nyangi ``` ichida\n~~~\n\nОила\n\n````\nochiq qoldi\n"
    assert md(text) == expected


def test_markdown_backquotes_in_a_line_are_code_not_a_fence() -> None:
    assert md("```bola``` oila\n\nyangi\n") == "```bola``` оила\n\nянги\n"


def test_markdown_code_spans_are_kept() -> None:
    text = "Fayl `index.html` va ``a ` bola`` hamda `ochiq\n\nyangi`"
    expected = "Файл `index.html` ва ``a ` bola`` ҳамда `очиқ\n\nянги`"
    assert md(text) == expected


def test_markdown_a_backquote_inside_a_word_is_a_mark() -> None:
    assert md("o`zbek va o`g`il `kod`") == "ўзбек ва ўғил `kod`"


def test_markdown_link_targets_are_kept_and_link_text_converted() -> None:
    text = (
        '[Shakllar](forms/index.md "bola") va ![rasm](img/bola(1).png) hamda [SOP][sop] va [bola]\n\n'
        '[sop]: sop/index.md "Sarlavha"\nIzoh[^bola].\n\n[^bola]: Bola haqida.\n'
    )
    expected = (
        '[Шакллар](forms/index.md "bola") ва ![расм](img/bola(1).png) ҳамда [СОП][sop] ва [бола]\n\n'
        '[sop]: sop/index.md "Sarlavha"\nИзоҳ[^bola].\n\n[^bola]: Бола ҳақида.\n'
    )
    assert md(text) == expected


def test_markdown_html_tags_are_kept_and_text_between_converted() -> None:
    text = (
        "<span class=\"bola\" title='oila'>matn</span> <br/> <!-- izoh\nbola --> "
        '<div\n  markdown="1">oila</div> <script>var bola = 1;</script> a < b'
    )
    expected = (
        "<span class=\"bola\" title='oila'>матн</span> <br/> <!-- izoh\nbola --> "
        '<div\n  markdown="1">оила</div> <script>var bola = 1;</script> а < б'
    )
    assert md(text) == expected


def test_markdown_attribute_lists_are_kept() -> None:
    assert md("## Bola {#bola-bolimi}\n\nOila {: .muhim }\n") == "## Бола {#bola-bolimi}\n\nОила {: .muhim }\n"


def test_markdown_addresses_and_entities_are_kept() -> None:
    text = "Bola <https://lex.uz/bola> https://lex.uz/docs?q=bola www.nasp.uz bola@nasp.uz &nbsp;&amp;&#8209;"
    expected = "Бола <https://lex.uz/bola> https://lex.uz/docs?q=bola www.nasp.uz bola@nasp.uz &nbsp;&amp;&#8209;"
    assert md(text) == expected


def test_markdown_admonition_type_is_kept_and_title_converted() -> None:
    text = '!!! warning "Diqqat bola"\n    Ichidagi matn.\n\n??? note\n    Yana.\n'
    expected = '!!! warning "Диққат бола"\n    Ичидаги матн.\n\n??? note\n    Яна.\n'
    assert md(text) == expected


def test_markdown_front_matter_is_kept() -> None:
    assert md("---\ntitle: Bola\n---\nOila\n") == "---\ntitle: Bola\n---\nОила\n"


def test_markdown_passes_prose_only_to_convert() -> None:
    seen: list[str] = []

    def convert(text: str) -> str:
        seen.append(text)
        return text.upper()

    text = "bola {{ x }} `kod` [oila](a.md) <b>yangi</b>"
    assert transliterate_markdown(text, convert) == "BOLA {{ x }} `kod` [OILA](a.md) <b>YANGI</b>"
    assert "".join(seen) == "bola   [oila yangi"


def test_latin_left_names_the_words_no_rule_converted_and_nothing_else() -> None:
    text = "F-01, {code:PDF}, XXI, OʻRQ-607-I-son, lex.uz, case_id, {step:closure|short}da, Weblate va UNICEFning"
    assert latin_left(uzbek_latin_to_cyrillic(text)) == ["Weblate", "UNICEFнинг"]
