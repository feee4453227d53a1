"""References in the sources: each bad one is a located problem, all of them in one run."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Location
from generator.load.project import load_project
from generator.messages import problem
from tests.conftest import WriteSource
from tests.load.test_project import FORM, problems
from tests.load.test_sop import edit

LABEL = "label: {en: Consent given?, ru: Согласие получено?, uz: Rozilik olinganmi?}"
LABEL_PATH = ("sections", 0, "questions", 0, "label")


def form_with_label(write_source: WriteSource, en: str, ru: str, uz: str) -> None:
    """The sample form, used by the assessment step, with a label of its own."""
    form = FORM.replace(LABEL, f'label: {{en: "{en}", ru: "{ru}", uz: "{uz}"}}')
    root = write_source("forms/sample.yaml", form).parent.parent
    structure = (root / "sop/structure.yaml").read_text(encoding="utf-8")
    if "[every-type, sample]" not in structure:
        edit(root, "sop/structure.yaml", "forms: [every-type]", "forms: [every-type, sample]")


def test_references_in_every_kind_of_source_load(root: Path, write_source: WriteSource) -> None:
    form_with_label(write_source, "{step:review}: consent?", "{step:review}: согласие?", "{step:review}: rozilik?")
    project = load_project(root)
    view = project.localize("ru")
    sample = next(form for form in view.forms if form.id == "sample")
    assert sample.sections[0].questions[0].label == "Шаг 2 («Пересмотр»): согласие?"


def test_an_unknown_reference_names_the_file_line_language_and_what_exists(
    root: Path, write_source: WriteSource
) -> None:
    form_with_label(write_source, "{step:closing}?", "{step:closing}?", "{step:closing}?")
    reason = "no step 'closing' in sop/structure.yaml; known: assessment, review"
    assert problems(root) == [
        str(
            problem(
                "bad-reference",
                Location("forms/sample.yaml", 16, _column(root, language), (*LABEL_PATH, language)),
                written="{step:closing}",
                reason=reason,
            )
        )
        for language in ("en", "ru", "uz")
    ]


def test_every_bad_reference_is_reported_in_one_run(root: Path, write_source: WriteSource) -> None:
    form_with_label(write_source, "{stp:review} {step:review|full}", "{stp:review} {step:review|full}", "{form:sample}")
    edit(root, "sop/en/02-steps.md", "{{ steps_table }}", "See {timeframe:later}.\n\n{{ steps_table }}")
    found = problems(root)
    assert any("{stp:review}: unknown kind of reference 'stp'" in line and ".label.en" in line for line in found)
    assert any("{step:review|full}: 'step' references have no style 'full'" in line for line in found)
    assert any(
        line.startswith("sop/en/02-steps.md:3:5: {timeframe:later}: no timeframe 'later' in sop/timeframes.yaml")
        for line in found
    )
    mismatch = [line for line in found if line.endswith("[reference-mismatch]") and line.startswith("forms/")]
    assert mismatch == [
        str(
            problem(
                "reference-mismatch",
                Location("forms/sample.yaml", 16, _column(root, "uz"), (*LABEL_PATH, "uz")),
                lang="uz",
                found="{form:sample}",
                expected="{step:review}, {stp:review}",
                source="en",
            )
        )
    ]


def test_a_translation_may_reorder_and_restyle_its_references_but_not_drop_one(
    root: Path, write_source: WriteSource
) -> None:
    form_with_label(
        write_source,
        "{timeframe:assessment|within} of {step:review}",
        "{step:review|short}: {timeframe:assessment|within}",
        "{step:review|short}dan keyin {timeframe:assessment} ichida",
    )
    load_project(root)
    form_with_label(write_source, "{timeframe:assessment|within} of {step:review}", "{step:review}", "{step:review}")
    found = problems(root)
    assert [line.split(": ", 2)[1] for line in found] == [
        "sections[0].questions[0].label.ru",
        "sections[0].questions[0].label.uz",
    ]


def test_references_going_round_in_a_circle_are_a_problem(root: Path) -> None:
    edit(root, "sop/structure.yaml", "title: {en: Review,", 'title: {en: "Review of {pathway:violence}",')
    edit(
        root,
        "sop/structure.yaml",
        "title: {en: Disclosure of violence,",
        'title: {en: "Disclosure (see {step:review|title})",',
    )
    found = problems(root)
    circle = "the references go round in a circle: {pathway:violence} → {step:review} → {pathway:violence}"
    assert any(circle in line and line.startswith("sop/structure.yaml:31:") for line in found), found
    assert all("[bad-reference]" in line or "[reference-mismatch]" in line for line in found)


def test_a_reference_in_prose_points_at_its_line_and_column(root: Path) -> None:
    for language in ("en", "ru", "uz"):
        edit(
            root,
            f"sop/{language}/01-purpose.md",
            "\n\n{{ legal_basis }}",
            "\n\nSee {section:annex}.\n\n{{ legal_basis }}",
        )
    reason = "no section 'annex' in the SOP's prose (sop/<lang>/NN-name.md); known: annexes, purpose, steps"
    assert problems(root) == [
        str(
            problem(
                "bad-reference",
                Location(f"sop/{language}/01-purpose.md", 5, 5),
                written="{section:annex}",
                reason=reason,
            )
        )
        for language in ("en", "ru", "uz")
    ]


def test_the_site_pages_are_checked_too(root: Path) -> None:
    for language in ("en", "ru", "uz"):
        edit(root, f"docs/{language}/index.md", "\n", "\nSee {form:nothing}.\n")
    assert [line.split(": ")[0] for line in problems(root)] == [
        f"docs/{lang}/index.md:2:5" for lang in ("en", "ru", "uz")
    ]


def _column(root: Path, language: str) -> int:
    """The column of `language`'s key on the sample form's label line."""
    return (root / "forms/sample.yaml").read_text(encoding="utf-8").splitlines()[15].index(f"{language}:") + 1
