"""Every form of the project, in every language, through LibreOffice to PDF: A4, readable, every glyph."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from generator.build import WORD_OUTPUTS, build
from generator.model.project import Project
from tests.conftest import REPO

A4_POINTS = (595.276, 841.89)
SLIDE_POINTS = (959.981, 540.0)
"""A 16:9 slide of 13.333 by 7.5 inches."""
PAGE_SIZE = re.compile(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every PDF a full build of the repository makes: each form and the SOP, in every language."""
    assert shutil.which("soffice"), "LibreOffice is part of the set-up: run 'make test' or tools/system-packages"
    out = tmp_path_factory.mktemp("print") / "build"
    result = build(REPO, out)
    assert result.warnings == ()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    made = [entry["path"] for entry in manifest["artifacts"] if entry["kind"] == "pdf"]
    return {path.removesuffix(".pdf"): out / path for path in made}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_every_word_output_has_its_pdf_in_every_language(pdfs: dict[str, Path]) -> None:
    printed = sorted(path.rsplit(".", 1)[0] for path in _word_outputs(pdfs))
    assert sorted(pdfs) == printed
    assert len([name for name in pdfs if _is_deck(name)]) == 6 * 4
    assert {name.split("/")[1] for name in pdfs} == {"en", "ru", "uz", "uz-Cyrl"}
    assert len([name for name in pdfs if name.startswith("sop/")]) == 4


def test_every_page_is_a4_and_every_slide_16_by_9(pdfs: dict[str, Path]) -> None:
    """Every page of every document, within a tenth of a millimetre (LibreOffice rounds to 0.01 mm); a slide deck's
    pages are its slides."""
    for name, path in pdfs.items():
        command = ["pdfinfo", "-f", "1", "-l", "999", str(path)]
        info = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        sizes = [(float(width), float(height)) for width, height in PAGE_SIZE.findall(info)]
        assert sizes, name
        expected = SLIDE_POINTS if _is_deck(name) else A4_POINTS
        assert all(abs(w - expected[0]) < 0.3 and abs(h - expected[1]) < 0.3 for w, h in sizes), (name, sizes)


def test_russian_and_uzbek_text_survive_printing(pdfs: dict[str, Path]) -> None:
    for name, path in pdfs.items():
        text = pdf_text(path)
        language = name.split("/")[1]
        deck = _is_deck(name)
        if language == "ru":
            assert ("ПРОЕКТ · 1/" if deck else "Страница 1 из") in text and "ПРОЕКТ" in text, name
        if language == "uz":
            assert ("LOYIHA · 1/" if deck else "1-sahifa, jami") in text and "LOYIHA" in text, name
            assert "oʻ" in text or "gʻ" in text, f"{name}: no ʻ (U+02BB) in the printed text"
        if language == "uz-Cyrl":
            assert ("ЛОЙИҲА · 1/" if deck else "1-саҳифа, жами") in text and "ЛОЙИҲА" in text, name
            assert "ў" in text and "ғ" in text, f"{name}: no ў or ғ in the printed text"
        if name.startswith("forms/"):
            assert "☐" in text, name


def test_only_fonts_with_the_glyphs_are_used(pdfs: dict[str, Path]) -> None:
    """LibreOffice prints a glyph it cannot find from a fallback font; the form's fonts must cover it all."""
    for name, path in pdfs.items():
        fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
        names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
        assert names <= {
            "LiberationSans",
            "LiberationSans-Bold",
            "LiberationSans-Italic",
            "LiberationSans-BoldItalic",
            "DejaVuSans",
            "OpenSymbol",
        }, f"{name}: {names}"


def test_the_sop_contents_list_its_sections_with_page_numbers(pdfs: dict[str, Path]) -> None:
    contents = pdf_text(pdfs["sop/ru/NASP-SOP-01-v1.0"]).split("\f")[2]
    assert "Содержание" in contents
    entries = re.findall(r"^\s*(\d+)\s+(.+?)\.{3,}\s*(\d+)\s*$", contents, re.MULTILINE)
    assert [int(number) for number, _, _ in entries] == list(range(1, len(entries) + 1))
    assert len(entries) >= 10
    pages = [int(page) for _, _, page in entries]
    assert pages == sorted(pages) and pages[0] > 3


MM = 72 / 25.4
"""Points in a millimetre."""
BODY_TOP = 66.0
"""Where a form page's body begins, in points from the top: below the running header and its rule."""
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def page_lines(path: Path) -> list[list[tuple[float, str]]]:
    """Each page's lines of text, top down: (the bottom of the line in points, its words)."""
    layout = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in layout.split("<page ")[1:]:
        lines: dict[int, tuple[float, list[tuple[float, str]]]] = {}
        for _, _, x_max, y_max, text in WORD.findall(page):
            line = lines.setdefault(round(float(y_max)), (float(y_max), []))
            line[1].append((float(x_max), text))
        pages.append([(y, " ".join(text for _, text in sorted(words))) for _, (y, words) in sorted(lines.items())])
    return pages


def forms_only(pdfs: dict[str, Path]) -> dict[str, Path]:
    return {name: path for name, path in pdfs.items() if name.startswith("forms/")}


def test_every_writing_line_leaves_eight_millimetres_for_a_hand(pdfs: dict[str, Path]) -> None:
    """The ruled lines of a written answer, measured in the PDF: 8 mm apart, as the house style asks."""
    gaps = []
    for name, path in forms_only(pdfs).items():
        for number, lines in enumerate(page_lines(path), start=1):
            ruled = [y for y, text in lines if text.startswith("_" * 20)]
            for above, below in itertools.pairwise(ruled):
                if below - above < 12 * MM:  # lines of one answer, not the next answer's
                    gaps.append((below - above, f"{name} page {number}"))
    assert len(gaps) > 300
    narrowest = min(gaps)
    assert narrowest[0] >= 7.9 * MM, f"{narrowest[0] / MM:.1f} mm between writing lines on {narrowest[1]}"


def test_no_page_starts_with_an_orphaned_option_writing_line_or_signature_table(pdfs: dict[str, Path]) -> None:
    """What belongs together stays together: a page never opens on the answer boxes or lines of a question whose
    label is on the page before, nor on a signature table without its heading."""
    signature_heads = {"Signature", "Подпись", "Imzo", "Имзо"}
    for name, path in forms_only(pdfs).items():
        for number, lines in enumerate(page_lines(path)[1:], start=2):
            first = next(text for y, text in lines if y > BODY_TOP)
            assert not first.startswith(("☐", "___")), f"{name} page {number} starts with {first[:60]!r}"
            assert not signature_heads & set(first.split()), f"{name} page {number} starts with {first[:60]!r}"


def _word_outputs(pdfs: dict[str, Path]) -> list[str]:
    """The printed documents of a build: Word files and slide decks."""
    out = next(iter(pdfs.values())).parents[2]
    return [
        str(path.relative_to(out))
        for kind in WORD_OUTPUTS
        for suffix in ("docx", "pptx")
        for path in sorted(out.glob(f"{kind}/*/*.{suffix}"))
        if not path.name.endswith(".fillable.docx")
    ]


def _is_deck(name: str) -> bool:
    return "-slides-" in name


STRUCTURE_ELEMENT = re.compile(r"^\s*(\w+)(?: \(\w+\))?:?\s*$", re.MULTILINE)
ALT_TEXT = re.compile(rb"/Alt\s*<([0-9A-Fa-f]+)>")


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_the_sop_pdf_is_tagged_for_screen_readers(pdfs: dict[str, Path], language: str) -> None:
    """Headings, tables, lists and figures tagged, every figure with its words as alternative text, the
    document's language and a title in it."""
    path = next(path for name, path in pdfs.items() if name.startswith(f"sop/{language}/"))
    structure = subprocess.run(["pdfinfo", "-struct", str(path)], check=True, capture_output=True, text=True).stdout
    elements = STRUCTURE_ELEMENT.findall(structure)
    assert {"H1", "H2", "Table", "L", "LI", "Figure"} <= set(elements)
    raw = path.read_bytes()
    alternatives = [bytes.fromhex(found.decode()).decode("utf-16") for found in ALT_TEXT.findall(raw)]
    assert len(alternatives) == elements.count("Figure") >= 4
    assert all(len(text) > 200 for text in alternatives), alternatives
    assert re.search(rf"/Lang\s*\({language}-".encode(), raw)  # LibreOffice writes uz-UZ for uz-Latn-UZ
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    title = {"en": "Reintegration", "ru": "реинтеграции", "uz": "Reintegratsiya"}[language]
    assert re.search(rf"^Title:.*{title}", info, re.MULTILINE), info
    assert re.search(r"^Author:\s+(National Agency|Национальное агентство|Oʻzbekiston)", info, re.MULTILINE), info


def test_the_sop_diagrams_print_as_vector_drawings(pdfs: dict[str, Path]) -> None:
    """No raster image in any SOP PDF: the diagrams are drawn from their SVG, sharp at any zoom."""
    for name, path in pdfs.items():
        if name.startswith("sop/"):
            listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True)
            assert listing.stdout.count("\n") == 2, (name, listing.stdout)


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_the_sop_body_prints_on_at_most_seven_pages_before_its_annexes(
    pdfs: dict[str, Path], real_project: Project, language: str
) -> None:
    """From section 1 to the end of the last section before the annexes, as a district head reads it."""
    sections = real_project.localize(language).sop.sections
    path = next(path for name, path in pdfs.items() if name.startswith(f"sop/{language}/"))
    pages = pdf_text(path).split("\f")

    def heading(number: int, title: str) -> re.Pattern[str]:
        return re.compile(rf"^\s*{number}\s+{re.escape(title)}\s*$", re.MULTILINE)

    first = next(index for index, page in enumerate(pages) if index > 2 and heading(1, sections[0].title).search(page))
    annexes = heading(len(sections), sections[-1].title)
    last = next(index for index, page in enumerate(pages) if index > first and annexes.search(page))
    text_lines = [line for line in pages[last].splitlines() if line.strip()][1:]  # below the running header
    starts_the_page = bool(text_lines) and annexes.match(text_lines[0]) is not None
    assert last - first + (0 if starts_the_page else 1) <= 7


def test_a_routine_visit_prints_on_two_pages_at_most(pdfs: dict[str, Path]) -> None:
    """The short visit report exists so that a year of routine visits is not 65 pages a child."""
    routine = {
        name: path for name, path in pdfs.items() if name.startswith("forms/") and "follow-up-visit-routine" in name
    }
    assert len(routine) == 4
    for name, path in routine.items():
        assert len(pdf_text(path).split("\f")) - 1 <= 2, name


def test_the_site_shows_the_same_diagrams_as_the_sop_document(pdfs: dict[str, Path]) -> None:
    """The site's figures are drawn from the same words as the document's, without the links the site's text
    carries (a link drawn into a figure shows as its address)."""
    for name, path in pdfs.items():
        if not name.startswith("sop/"):
            continue
        out, language = path.parents[2], name.split("/")[1]
        with zipfile.ZipFile(path.with_suffix(".docx")) as document:
            drawn = {document.read(item) for item in document.namelist() if item.endswith(".png")}
        shown = {figure.read_bytes() for figure in (out / "site" / language / "sop").glob("*.png")}
        assert shown and shown <= drawn, language
