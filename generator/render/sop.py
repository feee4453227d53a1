"""The official SOP document: one Word file per language, through pandoc, styled by code.

Title page (agency, title, code, version, dates, status, approval block), version history, a table of
contents, numbered sections whose tables and flow diagram come from the structured sources, and a
DRAFT marking on every page while the language is not approved.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pypandoc
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from generator.external import run_tool
from generator.model.labels import STATUS_LABELS, LabelId, Labels
from generator.model.sop_view import SopView
from generator.model.view import LanguageView, ProjectView
from generator.render import Drawings, PlannedFile, wordml
from generator.render import house_style as hs
from generator.render.diagrams import Diagram
from generator.render.page import set_fixed_properties
from generator.render.review_notes import Edition, ReviewNotes, prose_notes, review_annex
from generator.render.sop_markdown import section_markdown, styled
from generator.render.sop_reference import (
    AGENCY_STYLE,
    APPROVAL_LINE_STYLE,
    APPROVAL_STYLE,
    CONTENTS_STYLE,
    DRAFT_STYLE,
    TABLE_TEXT_STYLE,
    RunningHeader,
    reference_docx,
)
from generator.scratch import scratch_folder
from generator.write import dated_environment, reproducible_zip

PANDOC_TIMEOUT_SECONDS = 120
SLOW = "; pandoc slows to a halt on some odd Markdown, such as brackets or quotes nested deep"
EXTENSIONS_OFF = (
    "implicit_figures",
    "citations",
    "tex_math_dollars",
    "raw_tex",
    "raw_html",
    "yaml_metadata_block",
    "pandoc_title_block",
    "subscript",
    "superscript",
    "strikeout",
    "inline_notes",
    "example_lists",
    "line_blocks",
    "task_lists",
    "abbreviations",
    "emoji",
    "simple_tables",
    "multiline_tables",
    "table_captions",
    "implicit_header_references",
    "definition_lists",
)
"""Pandoc's Markdown extensions the SOP never uses. Off, a `$`, `~`, `^`, `@` or `<` in the sources stays the
character it is rather than starting math, a subscript, a citation or raw markup, and Oila writes its own captions.
Without definition lists (the terms the prose lists are styled as their terms and definitions instead) pandoc
reads the SOP a third faster."""
PAGE_BREAK = '```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```\n'


def contents(title: str) -> str:
    """A table of contents under `title`, in the block pandoc itself writes: Word fills it when the file
    opens, and LibreOffice recognises it as an index, which Oila's PDF step updates before export."""
    style = CONTENTS_STYLE.replace(" ", "")
    heading = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(title)}</w:t></w:r></w:p>'
    field = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/>'
        '<w:instrText xml:space="preserve">TOC \\o "1-2" \\h \\z \\u</w:instrText>'
        '<w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    gallery = (
        '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "<w:docPartUnique/></w:docPartObj></w:sdtPr>"
    )
    return f"```{{=openxml}}\n<w:sdt>{gallery}<w:sdtContent>{heading}{field}</w:sdtContent></w:sdt>\n```\n"


def sop_path(language: str, sop: SopView) -> str:
    return f"sop/{language}/{sop.code}-v{sop.version}.docx"


def review_path(language: str, sop: SopView) -> str:
    return f"review/{language}/{sop.code}-v{sop.version}-review.docx"


def sop_documents(project: ProjectView, diagrams: Drawings) -> list[PlannedFile]:
    """The clean edition, to adopt and print: no reviewer note."""
    sop = project.sop
    inputs = (sop, project.language, project.labels, diagrams, Edition.CLEAN)
    return [
        PlannedFile(sop_path(project.language.code, sop), sop_document, inputs, "sop", sop.version, sop.version_date)
    ]


def sop_review_document(project: ProjectView, diagrams: Drawings) -> PlannedFile:
    """The review edition: every note NASP must answer as a comment where it applies, and listed in an annex."""
    sop = project.sop
    inputs = (sop, project.language, project.labels, diagrams, Edition.REVIEW)
    return PlannedFile(
        review_path(project.language.code, sop), sop_document, inputs, "sop", sop.version, sop.version_date
    )


def sop_document(sop: SopView, language: LanguageView, labels: Labels, diagrams: Drawings, edition: Edition) -> bytes:
    pandoc = pypandoc.get_pandoc_path()
    with scratch_folder("sop") as work:
        for diagram in itertools.chain.from_iterable(diagrams.values()):
            (work / diagram.png_name).write_bytes(diagram.png)
        reference = reference_docx(pandoc, RunningHeader.of_sop(sop), language, labels)
        markdown = document_markdown(sop, labels, diagrams, edition)
        made = run_pandoc(pandoc, work, markdown, reference, language.locale, sop.version_date, "the SOP document")
        return _finish(made, sop, language.locale, labels, diagrams)


def document_markdown(
    sop: SopView, labels: Labels, diagrams: dict[str, tuple[Diagram, ...]], edition: Edition = Edition.CLEAN
) -> str:
    """The whole document as Pandoc Markdown: title page, history, contents, the sections and, in the review
    edition, the annex of notes NASP must answer."""
    notes = ReviewNotes(edition, labels[LabelId.NASP_TO_CONFIRM], sop.version_date)
    sections = []
    for number, section in enumerate(sop.sections, start=1):
        body, remarks = prose_notes(section.body, labels[LabelId.NASP_TO_CONFIRM])
        title = section.title
        for remark in remarks:
            title = notes.noted(title, f"{number}. {section.title}", remark)
        sections.append(f"# {title}\n\n{section_markdown(body, sop, labels, diagrams, notes).rstrip()}\n")
    if edition is Edition.REVIEW:
        sections.append(review_annex(notes, labels))
    front = [_title_page(sop, labels, len(notes.listed) if edition is Edition.REVIEW else None), PAGE_BREAK]
    front += [_history(sop, labels), PAGE_BREAK, contents(labels[LabelId.CONTENTS]), PAGE_BREAK]
    return "\n".join(front + sections)


def _title_page(sop: SopView, labels: Labels, review_notes: int | None) -> str:
    """The title page; `review_notes` counts the notes of the review edition, None in the clean one."""
    status = labels[STATUS_LABELS[sop.status]]
    effective = f"{sop.effective_date:%d.%m.%Y}" if sop.effective_date else labels[LabelId.SET_ON_APPROVAL]
    facts = [
        (labels[LabelId.DOCUMENT_CODE], sop.code),
        (labels[LabelId.VERSION_COLUMN], sop.version),
        (labels[LabelId.VERSION_DATE], f"{sop.version_date:%d.%m.%Y}"),
        (labels[LabelId.EFFECTIVE_DATE], effective),
        (labels[LabelId.STATUS], status),
    ]
    table = "| | |\n|:--|:--|\n" + "".join(f"| **{name}** | {value} |\n" for name, value in facts)
    parts = [styled(AGENCY_STYLE, sop.approving_body), styled("Title", sop.title), table]
    if sop.outdated:
        parts.append(styled(DRAFT_STYLE, labels.format(LabelId.OUTDATED_NOTICE, count=str(sop.outdated))))
    if sop.transliterated:
        parts.append(styled(DRAFT_STYLE, labels[LabelId.TRANSLITERATION_NOTICE]))
    if sop.approval is None:
        parts.append(styled(DRAFT_STYLE, f"{labels[LabelId.DRAFT]}. {labels[LabelId.DRAFT_NOTICE]}"))
    if review_notes is not None:
        parts.append(styled(DRAFT_STYLE, labels.format(LabelId.REVIEW_EDITION_NOTICE, count=str(review_notes))))
    return "\n".join([_approval_block(sop, labels), *parts])


def _approval_block(sop: SopView, labels: Labels) -> str:
    """The block at the top right of the title page: while a draft, the approver's position with lines for the
    signature, name and date (УТВЕРЖДАЮ, TASDIQLAYMAN); once approved, the order that approved it."""
    if sop.approval is None:
        signature = "\\_" * 16 + " / " + "\\_" * 22
        return "\n".join(
            [
                styled(APPROVAL_STYLE, f"**{labels[LabelId.APPROVE].upper()}**", sop.approver),
                styled(APPROVAL_LINE_STYLE, signature, f"*{labels[LabelId.SIGNATURE_AND_NAME]}*"),
                styled(APPROVAL_LINE_STYLE, labels[LabelId.APPROVAL_DATE_LINE].replace("_", "\\_")),
                styled(APPROVAL_STYLE, f"*{labels.format(LabelId.NOT_YET_APPROVED, body=sop.approving_body)}*"),
            ]
        )
    given = sop.approval
    order = labels.format(LabelId.APPROVED_BY_ORDER, body=given.by, order=given.order, date=f"{given.date:%d.%m.%Y}")
    return styled(APPROVAL_STYLE, f"**{labels[LabelId.APPROVED].upper()}**", order)


def _history(sop: SopView, labels: Labels) -> str:
    header = f"| {labels[LabelId.VERSION_COLUMN]} | {labels[LabelId.DATE]} | {labels[LabelId.CHANGES]} |\n"
    rows = "".join(f"| {item.version} | {item.date:%d.%m.%Y} | {item.changes} |\n" for item in sop.history)
    title = f'::: {{custom-style="{CONTENTS_STYLE}"}}\n{labels[LabelId.VERSION_HISTORY]}\n:::\n'
    return f"{title}\n{header}|:--|:--|:------------------|\n{rows}"


def run_pandoc(
    pandoc: str, work: Path, markdown: str, reference: bytes, locale: str, version_date: dt.date, what: str
) -> Path:
    """The Word file pandoc makes of `markdown` in `work`, styled by the `reference` file and dated by the version,
    not the clock, so that rebuilds are identical; `what` names the document when pandoc fails."""
    (work / "reference.docx").write_bytes(reference)
    (work / "document.md").write_text(markdown, encoding="utf-8")
    command = [
        pandoc,
        "document.md",
        f"--from=markdown-{'-'.join(EXTENSIONS_OFF)}",
        "--to=docx",
        "--output=document.docx",
        "--reference-doc=reference.docx",
        "--number-sections",
        "--resource-path=.",
        f"--metadata=lang:{locale}",
    ]
    environment = dated_environment(version_date)
    run_tool(
        command, f"pandoc could not make {what}", PANDOC_TIMEOUT_SECONDS, slow_hint=SLOW, cwd=work, env=environment
    )
    return work / "document.docx"


def _finish(path: Path, sop: SopView, locale: str, labels: Labels, diagrams: dict[str, tuple[Diagram, ...]]) -> bytes:
    """Fixed document properties, the diagrams as vector pictures, and what every document pandoc makes gets
    (`finished`)."""
    document = docx.Document(str(path))
    wordml.remember_styles(document)
    set_fixed_properties(
        document,
        title=f"{sop.code} {sop.short_title}",
        subject=sop.title,
        identifier=f"{sop.code}@{sop.version}",
        version=sop.version,
        status=sop.status,
        locale=locale,
        comments="" if sop.approved else labels[LabelId.DRAFT_NOTICE],
        version_date=sop.version_date,
        author=sop.approving_body,
    )
    _add_vector_drawings(document, sop, diagrams)
    return finished(document)


def finished(document: DocxDocument) -> bytes:
    """A document pandoc made, as Oila publishes it: Word asked to update the contents when the file opens,
    bullets of the body font, and every table row kept whole on its page (pandoc already repeats each table's
    heading row) with its text in the table style; lists outside tables keep the body size."""
    wordml.set_setting(document, wordml.element("w:updateFields", val="true"))
    wordml.plain_bullets(document.part.numbering_part.element, hs.SOP_BULLETS, hs.FONT)
    for table in document.tables:
        for row in table.rows:
            wordml.keep_row_whole(row)
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.style = TABLE_TEXT_STYLE
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _add_vector_drawings(document: DocxDocument, sop: SopView, diagrams: dict[str, tuple[Diagram, ...]]) -> None:
    """Each diagram's SVG beside the PNG pandoc embedded, the way Word stores a vector picture: Word and
    LibreOffice show and print the SVG, and an older reader falls back to the PNG."""
    by_description = {diagram.description: diagram for diagram in itertools.chain.from_iterable(diagrams.values())}
    for drawing in document.element.body.iter(qn("wp:inline")):
        properties = drawing.find(qn("wp:docPr"))
        diagram = by_description.get(properties.get("descr", "") if properties is not None else "")
        if diagram is None:
            continue
        part = Part(PackURI(f"/word/media/{diagram.svg_name}"), "image/svg+xml", diagram.svg, document.part.package)
        wordml.add_svg_picture(drawing, document.part.relate_to(part, RT.IMAGE))
