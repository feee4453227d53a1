"""One slide deck per module of the trainer's kit (PowerPoint, made with python-pptx), to project in a training room.

Each slide holds one idea, in text readable from the back of a room (`BODY_SIZE` and up): the module's title, its
objectives, the steps of the SOP it teaches (in the SOP's order, between the steps before and after them), each key
message, and each exercise's task. What only the facilitator needs (the session plan, the answers) stays in the
facilitator's guide. A deck reads its own module and the course's heading alone, so that editing one module makes
its deck again and no other.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Length, Pt

from generator.model.labels import LabelId, Labels
from generator.model.sop_view import StepView
from generator.model.training_view import CourseView, ModuleView
from generator.model.view import LanguageView, ProjectView
from generator.render import PlannedFile
from generator.render import house_style as hs
from generator.write import reproducible_zip

WIDTH = Inches(13.333)
HEIGHT = Inches(7.5)
MARGIN = Inches(0.6)
BODY_SIZE = Pt(28)
"""Body text: at least 24 pt, the smallest a room reads from its back row."""
TITLE_SIZE = Pt(40)
MESSAGE_SIZE = Pt(36)
SHORT_TITLE = 34
"""The longest title, in characters, set in `TITLE_SIZE` on one line."""
CHARACTERS_A_LINE = 62
"""About how many characters of body text a line across a slide holds, in Russian and Uzbek's longer words."""
SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=\S)")
FOOTER_SIZE = Pt(14)
ACCENT = RGBColor.from_string("1F3A5F")  # type: ignore[no-untyped-call]
TEXT = RGBColor.from_string("202020")  # type: ignore[no-untyped-call]
PALE = RGBColor.from_string("E8EEF6")  # type: ignore[no-untyped-call]
WHITE = RGBColor.from_string("FFFFFF")  # type: ignore[no-untyped-call]
DRAFT_RED = RGBColor.from_string("C00000")  # type: ignore[no-untyped-call]
MAX_CHAIN = 5
"""The most steps a slide shows, one under the other: those a module teaches, with the steps before and after
them where there is room."""
LINES_A_SLIDE = 9
"""The lines of body text a slide holds under its title."""


def slides_path(language: str, course: CourseView, module: ModuleView) -> str:
    return f"training/{language}/{course.code}-v{course.version}-slides-{module.number:02}-{module.id}.pptx"


def slide_decks(project: ProjectView) -> list[PlannedFile]:
    """A deck for each module, in a project with a trainer's kit."""
    course = project.training
    if course is None:
        return []
    agency = project.sop.approving_body
    heading = replace(course, modules=())  # what a deck reads of the course
    return [
        PlannedFile(
            slides_path(project.language.code, course, module),
            slide_deck,
            (heading, module, project.language, project.labels, agency, _chain(project.sop.steps, module.step_ids)),
            "training",
            course.version,
            course.version_date,
        )
        for module in course.modules
    ]


def _chain(steps: tuple[StepView, ...], taught: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The numbered steps of the SOP around those a module teaches (one before, one after), each with whether the
    module teaches it: the part of the SOP's flow of steps its slides show."""
    numbered = [step for step in steps if step.number is not None]
    places = [index for index, step in enumerate(numbered) if step.id in taught]
    if not places:
        return ()
    shown = numbered[max(places[0] - 1, 0) : places[-1] + 2]
    if len(shown) > MAX_CHAIN:
        shown = numbered[places[0] : places[-1] + 1][:MAX_CHAIN]
    return tuple((f"{step.number}. {step.title}", step.id in taught) for step in shown)


def slide_deck(
    course: CourseView,
    module: ModuleView,
    language: LanguageView,
    labels: Labels,
    agency: str,
    chain: tuple[tuple[str, bool], ...],
) -> bytes:
    """The deck of `module`; `course` is the course's heading, its modules left out."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    name = labels.format(LabelId.MODULE, number=str(module.number))
    footer = f"{course.code} · {labels.format(LabelId.VERSION, version=course.version)} · {name}"
    draft = "" if course.status == "approved" else labels[LabelId.DRAFT]
    minutes = labels.format(LabelId.MINUTES, minutes=str(module.duration))
    day = labels.format(LabelId.DAY, day=str(module.day))
    _title_slide(deck, name, module.title, f"{minutes} · {day}", course.title)
    for title, items in _pages(labels[LabelId.OBJECTIVES], module.objectives):
        _bullets_slide(deck, title, items)
    if chain:
        _chain_slide(deck, labels[LabelId.STEPS_TAUGHT], chain)
    count = len(module.key_messages)
    for number, message in enumerate(module.key_messages, start=1):
        _message_slide(deck, f"{labels[LabelId.KEY_MESSAGES]} ({number}/{count})", message)
    for exercise in module.exercises:
        used = [(LabelId.FORMS_USED, exercise.forms), (LabelId.CASES_USED, exercise.cases)]
        forms = " · ".join(f"{labels[label]}: {'; '.join(names)}" for label, names in used if names)
        sentences = tuple(SENTENCE_END.split(exercise.task))
        heading = f"{labels[LabelId.EXERCISES]}: {exercise.title}"
        for title, parts in _pages(heading, sentences, LINES_A_SLIDE - 3, joined=True):
            _text_slide(deck, title, " ".join(parts), forms)
    for number, slide in enumerate(deck.slides, start=1):
        _footer(slide, footer, draft, f"{number}/{len(deck.slides)}")
    title = f"{course.code} {name}. {module.title}"
    _set_properties(deck, title, course.title, agency, language.locale, course.version_date)
    buffer = io.BytesIO()
    deck.save(buffer)
    return reproducible_zip(buffer.getvalue())


Box = tuple[int, int, int, int]
"""Left, top, width and height, in EMU."""


def _blank(deck: PresentationType) -> Slide:
    slide: Slide = deck.slides.add_slide(deck.slide_layouts[6])  # the default template's blank layout
    return slide


def _text(slide: Slide, box: Box, lines: list[tuple[str, Length, bool]]) -> TextFrame:
    """`lines` (text, size, bold), one paragraph each, in a box that wraps them."""
    left, top, width, height = (Emu(value) for value in box)
    frame: TextFrame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, (text, size, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.bold, run.font.name = size, bold, hs.FONT
        run.font.color.rgb = ACCENT if bold else TEXT
        paragraph.space_after = Pt(12)
    return frame


def _heading(slide: Slide, title: str) -> None:
    """The slide's title, on one line: smaller when it is long, never below body size."""
    size = TITLE_SIZE if len(title) <= SHORT_TITLE else Pt(max(24, TITLE_SIZE.pt * SHORT_TITLE / len(title)))
    _text(slide, (MARGIN, Inches(0.4), WIDTH - 2 * MARGIN, Inches(1.2)), [(title, Pt(size.pt), True)])


def _body_box() -> Box:
    return MARGIN, Inches(1.7), WIDTH - 2 * MARGIN, HEIGHT - Inches(2.5)


def _title_slide(deck: PresentationType, name: str, title: str, when: str, course: str) -> None:
    slide = _blank(deck)
    box = (MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, Inches(4.5))
    _text(
        slide, box, [(name, BODY_SIZE, False), (title, Pt(48), True), (when, BODY_SIZE, False), (course, Pt(24), False)]
    )


def _pages(
    title: str, items: tuple[str, ...], lines: int = LINES_A_SLIDE, joined: bool = False
) -> list[tuple[str, tuple[str, ...]]]:
    """`items` shared among as few slides as hold them in `lines` of body text each, in order, each starting a line
    of its own or, `joined`, one after the other in a paragraph; each slide's title counts the slides when there
    are several."""
    pages: list[list[str]] = [[]]
    for item in items:
        shown = pages[-1] + [item]
        if pages[-1] and _lines([" ".join(shown)] if joined else shown) > lines:
            pages.append([])
        pages[-1].append(item)
    if len(pages) == 1:
        return [(title, tuple(pages[0]))]
    return [(f"{title} ({number}/{len(pages)})", tuple(page)) for number, page in enumerate(pages, start=1)]


def _lines(items: list[str]) -> int:
    """About how many lines `items` take in body text across a slide, each starting a line of its own."""
    return sum(-(-len(item) // CHARACTERS_A_LINE) for item in items)


def _bullets_slide(deck: PresentationType, title: str, items: tuple[str, ...]) -> None:
    slide = _blank(deck)
    _heading(slide, title)
    _text(slide, _body_box(), [(f"•  {item}", BODY_SIZE, False) for item in items])


def _message_slide(deck: PresentationType, title: str, message: str) -> None:
    slide = _blank(deck)
    _heading(slide, title)
    _text(slide, _body_box(), [(message, MESSAGE_SIZE, False)]).vertical_anchor = MSO_ANCHOR.MIDDLE


def _text_slide(deck: PresentationType, title: str, text: str, note: str) -> None:
    slide = _blank(deck)
    _heading(slide, title)
    if not note:
        _text(slide, _body_box(), [(text, BODY_SIZE, False)])
        return
    left, top, width, height = _body_box()
    _text(slide, (left, top, width, height - Inches(1.6)), [(text, BODY_SIZE, False)])
    _text(slide, (MARGIN, HEIGHT - Inches(2.3), WIDTH - 2 * MARGIN, Inches(1.6)), [(note, Pt(24), False)])


def _chain_slide(deck: PresentationType, title: str, chain: tuple[tuple[str, bool], ...]) -> None:
    """The steps of `chain` one under the other, in the SOP's order, those the module teaches filled in the accent
    colour: every step's name on one line, in words readable from the back of a room."""
    slide = _blank(deck)
    _heading(slide, title)
    gap, height = Inches(0.22), Inches(0.7)
    left, width = MARGIN + Inches(1.2), WIDTH - 2 * MARGIN - Inches(2.4)
    for index, (words, taught) in enumerate(chain):
        top = Inches(1.7) + index * (height + gap)
        box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(left), Emu(top), Emu(width), height)
        box.fill.solid()
        box.fill.fore_color.rgb = ACCENT if taught else PALE
        box.line.color.rgb = ACCENT
        frame = box.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        run = frame.paragraphs[0].add_run()
        run.text = words
        run.font.size, run.font.bold, run.font.name = Pt(24), taught, hs.FONT
        run.font.color.rgb = WHITE if taught else TEXT
        if index:
            arrow_left = Emu(left + width // 2 - Inches(0.15))
            arrow = slide.shapes.add_shape(MSO_SHAPE.DOWN_ARROW, arrow_left, Emu(top - gap), Inches(0.3), gap)
            arrow.fill.solid()
            arrow.fill.fore_color.rgb = ACCENT
            arrow.line.fill.background()


def _footer(slide: Slide, text: str, draft: str, number: str) -> None:
    top, height = HEIGHT - Inches(0.55), Inches(0.4)
    _text(slide, (MARGIN, top, Inches(9), height), [(text, FOOTER_SIZE, False)])
    frame = slide.shapes.add_textbox(Emu(WIDTH - MARGIN - Inches(3)), Emu(top), Inches(3), height).text_frame
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT
    for words, colour, bold in ((f"{draft} · " if draft else "", DRAFT_RED, True), (number, ACCENT, False)):
        if words:
            run = paragraph.add_run()
            run.text = words
            run.font.size, run.font.name, run.font.bold = FOOTER_SIZE, hs.FONT, bold
            run.font.color.rgb = colour


def _set_properties(
    deck: PresentationType, title: str, subject: str, author: str, locale: str, version_date: dt.date
) -> None:
    """Fixed properties, dated by the version, so that the same sources give the same file."""
    properties = deck.core_properties
    when = dt.datetime.combine(version_date, dt.time())
    properties.title, properties.subject, properties.language = title, subject, locale
    properties.author = properties.last_modified_by = author
    properties.created = properties.modified = properties.last_printed = when
    properties.revision = 1
