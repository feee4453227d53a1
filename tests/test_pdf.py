"""PDFs made as the build makes them: each document handed to LibreOffice the moment it is rendered."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import time
from pathlib import Path

import pikepdf
import pytest

from generator.errors import OilaError
from generator.model.project import Project
from generator.pdf import LibreOfficeRun, PdfMaker, convert_to_pdf, converter_problem, converter_version
from tests.render.rendering import rendered

pytestmark = pytest.mark.skipif(
    converter_problem() is not None, reason="LibreOffice is part of the set-up: run make test"
)

STAMP = "20260101"


def test_documents_handed_over_before_and_after_libreoffice_starts_get_the_pdfs_of_one_batch(
    every_type_project: Project,
) -> None:
    """The build hands a document over before it knows how many will follow (one kept from its cache), and the
    others as they are rendered: the PDFs are those the same documents give in one batch."""
    documents = {
        path: item.content
        for language in ("en", "ru", "uz")
        for path, item in rendered("forms", every_type_project.localize(language)).items()
    }
    first, *rest = sorted(documents)
    said: list[str] = []
    with contextlib.closing(PdfMaker(converter_version(), said.append, None, 2)) as maker:
        maker.add(first, documents[first], STAMP)
        maker.expect(len(rest))
        for path in rest:
            maker.add(path, documents[path], STAMP)
        handed_over = maker.result()
    assert "PDF: converting 3 with LibreOffice, in 1 run" in said
    batch = convert_to_pdf(documents, dict.fromkeys(documents, STAMP), converter_version(), lambda message: None)
    assert handed_over == batch
    assert sorted(handed_over) == [path.replace(".docx", ".pdf") for path in sorted(documents)]
    for content in handed_over.values():
        with pikepdf.open(io.BytesIO(content)) as pdf:
            assert len(pdf.pages) >= 1


def test_a_document_libreoffice_cannot_read_is_named_with_libreoffices_reason() -> None:
    documents = {"forms/en/F-99-broken.docx": b"PK\x03\x04 not a Word file"}
    with pytest.raises(OilaError) as raised:
        convert_to_pdf(documents, dict.fromkeys(documents, STAMP), converter_version(), lambda message: None)
    said = str(raised.value)
    assert said == (
        "LibreOffice could not convert forms/en/F-99-broken.docx to PDF: LibreOffice cannot open it as a Word document"
    )


def test_libreoffice_gone_between_two_documents_is_started_again_and_converts_the_second(
    every_type_project: Project,
) -> None:
    """LibreOffice that goes away while the build still hands it documents (it crashed, or was killed) is started
    again, and the next document is converted by the new one."""
    first, second = (
        rendered("forms", every_type_project.localize(language))[f"forms/{language}/T-01-every-type.docx"].content
        for language in ("en", "ru")
    )
    with contextlib.closing(LibreOfficeRun()) as run:
        run.send("forms/en/T-01-every-type.docx", first, STAMP)
        deadline = time.monotonic() + 120
        while not (run.work / "0000.pdf").is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        for office in _processes_with(str(run.work), "soffice.bin"):
            os.kill(office, signal.SIGKILL)
        run.send("forms/ru/T-01-every-type.docx", second, STAMP)
        pdfs = run.finish()
    assert sorted(pdfs) == ["forms/en/T-01-every-type.pdf", "forms/ru/T-01-every-type.pdf"]
    with pikepdf.open(io.BytesIO(pdfs["forms/ru/T-01-every-type.pdf"])) as pdf:
        assert str(pdf.docinfo["/Title"]).startswith("T-01 ")


def _processes_with(*words: str) -> list[int]:
    """The ids of the processes whose command line holds every one of `words`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            except OSError:
                continue
            if all(word in command for word in words):
                found.append(int(entry.name))
    return found


def test_a_run_whose_converter_ended_by_itself_closes_its_pipe() -> None:
    """A converter may end before the build is done with it (here given a line that is no job); closing the run
    still closes the pipe to it, which would otherwise be left for the garbage collector to complain about."""
    run = LibreOfficeRun()
    assert run.process.stdin is not None
    run.process.stdin.write(b"not a job\n")
    run.process.stdin.flush()
    run.process.wait(timeout=120)
    run.close()
    assert run.process.stdin.closed
