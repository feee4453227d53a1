"""`oila build`: every form in every language, a manifest, atomic writes, identical bytes on rebuild."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import docx
import pytest

from generator.build import build
from generator.cache import cache_folder
from generator.cli import main
from generator.errors import SourceErrors
from tests.conftest import WriteSource

LANGUAGES = ("en", "ru", "uz", "uz-Cyrl")
FORMS = [f"forms/{language}/T-01-every-type.docx" for language in LANGUAGES]
SOP = [f"sop/{language}/TEST-SOP-01-v2.0.docx" for language in LANGUAGES]
FILLABLE = [path.replace(".docx", ".fillable.docx") for path in FORMS]
REVIEW = [f"review/{language}/TEST-SOP-01-v2.0-review.docx" for language in LANGUAGES]
XLSFORM = ["xlsform/T-01-every-type.xlsx"]
EVERYTHING = sorted(
    [*FORMS, *FILLABLE, *SOP, *REVIEW, *XLSFORM, *(path.replace(".docx", ".pdf") for path in [*FORMS, *SOP])]
)


def manifest_of(out: Path) -> list[dict[str, str]]:
    artifacts: list[dict[str, str]] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["artifacts"]
    return artifacts


def test_build_writes_every_output_in_every_language_and_a_manifest(root: Path) -> None:
    result = build(root, root / "build")
    assert result.total == result.written
    assert result.warnings == ()
    manifest = manifest_of(root / "build")
    assert [entry["path"] for entry in manifest if entry["kind"] != "site"] == EVERYTHING
    site = {entry["path"] for entry in manifest if entry["kind"] == "site"}
    assert {"site/index.html", "site/en/index.html", "site/ru/404.html", "site/uz/sop/index.html"} <= site
    assert {"site/uz/downloads/T-01-every-type-uz.pdf", "site/uz/downloads/T-01-every-type.xlsx"} <= site
    for entry in manifest:
        content = (root / "build" / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(content).hexdigest()
        if entry["kind"] == "site":
            continue
        kind = "pdf" if entry["path"].endswith(".pdf") else entry["path"].split("/")[0]
        kind = "fillable" if entry["path"].endswith(".fillable.docx") else kind
        source = "sop" if entry["path"].startswith(("sop/", "review/")) else "every-type"
        language = "" if kind == "xlsform" else entry["path"].split("/")[1]  # one XLSForm holds every language
        assert (entry["kind"], entry["source"], entry["language"]) == (kind, source, language)


def test_two_builds_give_identical_bytes_on_two_cores_or_one(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(root, root / "one")
    monkeypatch.setenv("OILA_JOBS", "1")
    build(root, root / "two")
    for path in [*(entry["path"] for entry in manifest_of(root / "one")), "manifest.json"]:
        assert (root / "one" / path).read_bytes() == (root / "two" / path).read_bytes(), path
    assert build(root, root / "one").written == 0


def test_a_failed_build_keeps_the_last_good_one(root: Path, write_source: WriteSource) -> None:
    build(root, root / "build", only=["forms"])
    before = {path: (root / "build" / path).read_bytes() for path in FORMS}
    write_source("forms/every-type.yaml", "id: every-type\ncode: [\n")
    with pytest.raises(SourceErrors):
        build(root, root / "build", only=["forms"])
    assert {path: (root / "build" / path).read_bytes() for path in FORMS} == before


def test_a_converter_that_takes_too_long_is_stopped_and_named_without_a_traceback(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build(root, root / "build", only=["sop"], languages=["en"])
    before = (root / "build" / "manifest.json").read_bytes()
    shutil.rmtree(cache_folder(root / "build"))  # or the SOP would be kept from the first build, not made again
    monkeypatch.setattr("generator.render.sop.PANDOC_TIMEOUT_SECONDS", 0.01)
    assert main(["--project", str(root), "build", "--only", "sop", "--lang", "en"]) == 1
    said = capsys.readouterr().err
    assert "oila: pandoc could not make the SOP document: it did not finish in 0.01 s and was stopped; " in said
    assert "Traceback" not in said
    assert (root / "build" / "manifest.json").read_bytes() == before


def test_a_removed_form_disappears_from_the_build(root: Path, write_source: WriteSource) -> None:
    text = (root / "forms" / "every-type.yaml").read_text(encoding="utf-8")
    write_source("forms/second.yaml", text.replace("id: every-type", "id: second").replace("T-01", "T-02"))
    structure = (root / "sop" / "structure.yaml").read_text(encoding="utf-8")
    write_source("sop/structure.yaml", structure.replace("forms: [every-type]", "forms: [every-type, second]", 1))
    build(root, root / "build", only=["forms", "xlsform"])
    assert (root / "build" / "forms/ru/T-02-second.docx").is_file()
    assert (root / "build" / "xlsform/T-02-second.xlsx").is_file()
    (root / "forms" / "second.yaml").unlink()
    write_source("sop/structure.yaml", structure)
    build(root, root / "build", only=["forms", "xlsform"])
    assert not (root / "build" / "forms/ru/T-02-second.docx").exists()
    assert sorted(p.name for p in (root / "build" / "forms" / "ru").iterdir()) == ["T-01-every-type.docx"]
    assert sorted(p.name for p in (root / "build" / "xlsform").iterdir()) == ["T-01-every-type.xlsx"]


def test_one_language_only_keeps_the_others_in_the_manifest(root: Path) -> None:
    build(root, root / "build", only=["forms"])
    build(root, root / "build", languages=["ru"], only=["forms"])
    assert [entry["path"] for entry in manifest_of(root / "build")] == sorted(FORMS)


def test_a_timeframe_changed_in_one_line_changes_the_sop_and_the_forms_in_every_language(root: Path) -> None:
    timeframes = root / "sop" / "timeframes.yaml"
    timeframes.write_text(timeframes.read_text(encoding="utf-8").replace("value: 30", "value: 21"), encoding="utf-8")
    build(root, root / "build", only=["sop", "forms"])
    for language, words in {"en": "within 21 days", "ru": "в течение 21 дня", "uz": "21 kun ichida"}.items():
        document = docx.Document(str(root / "build" / "sop" / language / "TEST-SOP-01-v2.0.docx"))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert any(words.capitalize() in cell for cell in cells), language
        form = docx.Document(str(root / "build" / "forms" / language / "T-01-every-type.docx"))
        texts = [paragraph.text for paragraph in form.paragraphs]
        texts += [cell.text for table in form.tables for row in table.rows for cell in row.cells]
        assert any(words in text for text in texts), language


def test_without_libreoffice_everything_else_is_built_and_the_fix_is_named(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = shutil.which
    monkeypatch.setattr("generator.pdf.shutil.which", lambda name: None if name == "soffice" else found(name))
    result = build(root, root / "build")
    assert result.warnings == (
        "no PDFs were made: LibreOffice is not installed; install LibreOffice 25.2 or newer and its Python bridge: "
        "run 'sudo tools/system-packages' (Debian 12 takes them from bookworm-backports, Debian 13 from its main "
        "archive), or 'make build'",
    )
    made = [entry["path"] for entry in manifest_of(root / "build") if entry["kind"] != "site"]
    assert made == sorted([*FORMS, *FILLABLE, *SOP, *REVIEW, *XLSFORM])


def test_an_older_libreoffice_makes_no_pdfs_and_says_which_is_needed(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice 7.4 prints writing lines at half their height: its PDFs would not be fit to print."""
    old = tmp_path / "soffice"
    old.write_text("#!/bin/sh\necho 'LibreOffice 7.4.7.2 40(Build:2)'\n", encoding="utf-8")
    old.chmod(0o755)
    found = shutil.which
    monkeypatch.setattr("generator.pdf.shutil.which", lambda name: str(old) if name == "soffice" else found(name))
    result = build(root, root / "build", only=["pdf"])
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(
        "no PDFs were made: LibreOffice 7.4 is installed, but Oila's PDFs need 25.2 or newer; install LibreOffice "
    )
    assert not [entry for entry in manifest_of(root / "build") if entry["kind"] == "pdf"]


def test_a_step_moved_in_the_structure_renumbers_the_forms_and_the_sop_in_every_language(root: Path) -> None:
    structure = root / "sop" / "structure.yaml"
    text = structure.read_text(encoding="utf-8")
    start, middle, end = text.index("  - id: assessment"), text.index("  - id: review"), text.index("pathways:")
    structure.write_text(text[:start] + text[middle:end] + text[start:middle] + text[end:], encoding="utf-8")
    build(root, root / "build", only=["sop", "forms"])
    cited = {
        "en": ("Step 2 (Assessment): within 30 days.", "Step", ["1. Review", "2. Assessment"]),
        "ru": ("Шаг 2 («Оценка»): в течение 30 дней.", "Шаг", ["1. Пересмотр", "2. Оценка"]),
        "uz": ("2-qadam («Baholash»): 30 kun ichida.", "Qadam", ["1. Qayta koʻrib chiqish", "2. Baholash"]),
    }
    for language, (timing, header, rows) in cited.items():
        form = docx.Document(str(root / "build" / "forms" / language / "T-01-every-type.docx"))
        assert timing in [cell.text for table in form.tables for row in table.rows for cell in row.cells]
        sop = docx.Document(str(root / "build" / "sop" / language / "TEST-SOP-01-v2.0.docx"))
        (steps,) = [table for table in sop.tables if table.rows[0].cells[0].text == header]
        assert [row.cells[0].text.split("\n")[0] for row in steps.rows[1:]] == rows


def test_a_build_that_keeps_what_did_not_change_gives_the_bytes_of_a_clean_build(root: Path) -> None:
    """The cache beside the build folder may save work, never change a byte: after a series of edits, each built
    with the cache, the build matches one made from nothing."""
    build(root, root / "build")
    messages: list[str] = []
    assert build(root, root / "build", progress=messages.append).written == 0
    assert messages == ["nothing changed since the last build"]
    (root / "build" / FORMS[1]).write_bytes(b"changed by hand")
    messages.clear()
    assert build(root, root / "build", progress=messages.append).written == 1
    assert "printed Word documents: 8 of 8 unchanged, kept from the cache" in messages
    assert "Word documents: 9 of 9 unchanged, kept from the cache" in messages  # and the XLSForm
    assert "PDF: 8 of 8 unchanged, kept from the cache" in messages
    edits = [
        ("forms/every-type.yaml", "en: Every question type", "en: Every kind of question"),
        ("labels.yaml", "ru: Страница {page} из {pages}", "ru: Стр. {page} из {pages}"),
        ("sop/timeframes.yaml", "value: 30", "value: 21"),
    ]
    for name, old, new in edits:
        source = root / name
        source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        assert build(root, root / "build").written > 0, name
    build(root, root / "clean")
    for path in [*(entry["path"] for entry in manifest_of(root / "clean")), "manifest.json"]:
        assert (root / "build" / path).read_bytes() == (root / "clean" / path).read_bytes(), path


def test_a_forms_review_edition_built_alone_is_the_one_a_whole_build_makes(root: Path) -> None:
    """A review edition is the printable form with comments: made from the form a whole build prints, or from one
    made for it (and kept in the cache) when only the review editions are built."""
    source = root / "forms" / "every-type.yaml"
    guidance = "        guidance: {en: Trainers only., ru: Только для тренеров., uz: Faqat trenerlar uchun.}\n"
    note = "        to_confirm: {en: The name's order., ru: Порядок имени., uz: Ism tartibi.}\n"
    source.write_text(source.read_text(encoding="utf-8").replace(guidance, guidance + note), encoding="utf-8")
    reviews = [f"review/{language}/T-01-every-type-review.docx" for language in LANGUAGES]
    build(root, root / "whole")
    build(root, root / "alone", only=["review"])
    for path in reviews:
        assert (root / "alone" / path).read_bytes() == (root / "whole" / path).read_bytes(), path
        [comment] = docx.Document(str(root / "whole" / path)).comments
        assert comment.text in {"The name's order.", "Порядок имени.", "Ism tartibi.", "Исм тартиби."}
    messages: list[str] = []
    build(root, root / "alone", only=["forms"], progress=messages.append)
    assert "Word documents: 4 of 4 unchanged, kept from the cache" in messages


def test_a_damaged_cache_entry_is_made_again_not_used(root: Path) -> None:
    build(root, root / "build", only=["forms"])
    for entry in (cache_folder(root / "build") / "render").iterdir():
        entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789")
    (root / "build" / FORMS[0]).write_bytes(b"changed by hand")
    messages: list[str] = []
    build(root, root / "build", only=["forms"], progress=messages.append)
    assert "Word documents: 0 of 4 unchanged, kept from the cache" in messages
    build(root, root / "clean", only=["forms"])
    for path in FORMS:
        assert (root / "build" / path).read_bytes() == (root / "clean" / path).read_bytes(), path
