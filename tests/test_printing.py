"""Every form of the project, in every language, through LibreOffice to PDF: A4, readable, every glyph."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import REPO

A4_POINTS = (595.276, 841.89)
PAGE_SIZE = re.compile(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The repository's forms built, then converted by one LibreOffice run (one start-up for all files)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is part of the set-up: run 'make test' or tools/system-packages"
    work = tmp_path_factory.mktemp("print")
    build(REPO, work / "build")
    documents = sorted((work / "build" / "forms").glob("*/*.docx"))
    converted = work / "pdf"
    environment = {**os.environ, "HOME": str(work / "home")}
    for language in sorted({document.parent.name for document in documents}):
        batch = [str(document) for document in documents if document.parent.name == language]
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(converted / language),
                *batch,
            ],
            check=True,
            capture_output=True,
            env=environment,
            timeout=300,
        )
    return {f"{d.parent.name}/{d.stem}": converted / d.parent.name / f"{d.stem}.pdf" for d in documents}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_every_form_converts_in_every_language(pdfs: dict[str, Path]) -> None:
    languages = {name.split("/")[0] for name in pdfs}
    assert languages == {"en", "ru", "uz"}
    missing = [name for name, path in pdfs.items() if not path.is_file()]
    assert missing == []


def test_every_page_is_a4(pdfs: dict[str, Path]) -> None:
    """Every page of every form, within a tenth of a millimetre (LibreOffice rounds to 0.01 mm)."""
    for name, path in pdfs.items():
        command = ["pdfinfo", "-f", "1", "-l", "999", str(path)]
        info = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        sizes = [(float(width), float(height)) for width, height in PAGE_SIZE.findall(info)]
        assert sizes, name
        assert all(abs(w - A4_POINTS[0]) < 0.3 and abs(h - A4_POINTS[1]) < 0.3 for w, h in sizes), (name, sizes)


def test_russian_and_uzbek_text_survive_printing(pdfs: dict[str, Path]) -> None:
    for name, path in pdfs.items():
        text = pdf_text(path)
        language = name.split("/")[0]
        if language == "ru":
            assert "Страница 1 из" in text and "ПРОЕКТ" in text, name
        if language == "uz":
            assert "1-sahifa, jami" in text and "LOYIHA" in text, name
            assert "oʻ" in text or "gʻ" in text, f"{name}: no ʻ (U+02BB) in the printed text"
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
