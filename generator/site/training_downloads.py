"""What the site's pages of the trainer's kit offer to download: the guides on the course's page, with the course's
forms (printable, fillable, a test's answer key) and each worked case's filled forms; the slides on each module's."""

from __future__ import annotations

from generator.model.labels import LabelId
from generator.model.training_view import CourseView
from generator.render.course_forms import case_form_path, course_form_path
from generator.render.slides import slides_path
from generator.render.training import Reader, training_path
from generator.site.training_pages import TRAINING, case_form_downloads, course_form_downloads, module_downloads

Variants = list[tuple[str, LabelId]]
"""The files of one document a page offers: each by the ending of its name and its link's words."""

_GUIDES = {
    Reader.FACILITATOR: [(".docx", LabelId.GUIDE_WORD), (".pdf", LabelId.GUIDE_PDF)],
    Reader.PARTICIPANT: [(".docx", LabelId.HANDBOOK_WORD), (".pdf", LabelId.HANDBOOK_PDF)],
}
_COURSE_FORM = [
    (".docx", LabelId.PRINTABLE_WORD),
    (".pdf", LabelId.PRINTABLE_PDF),
    (".fillable.docx", LabelId.FILLABLE_WORD),
    (".key.docx", LabelId.ANSWER_KEY_WORD),
    (".key.pdf", LabelId.ANSWER_KEY_PDF),
]


def training_downloads(language: str, course: CourseView) -> list[tuple[str, str, Variants]]:
    """`(downloads key, build path without its ending, variants)` of every file of the kit the site offers."""
    found = [
        (TRAINING, training_path(language, course, reader).removesuffix(".docx"), _GUIDES[reader]) for reader in Reader
    ]
    for module in course.modules:
        deck = slides_path(language, course, module).removesuffix(".pptx")
        found.append(
            (module_downloads(module), deck, [(".pptx", LabelId.SLIDES_POWERPOINT), (".pdf", LabelId.SLIDES_PDF)])
        )
    for form in course.forms:
        found.append(
            (course_form_downloads(form), course_form_path(language, form).removesuffix(".docx"), _COURSE_FORM)
        )
    for case in course.cases:
        for filled in case.forms:
            stem = case_form_path(language, case, filled.form).removesuffix(".docx")
            found.append((case_form_downloads(case, filled.form), stem, [(".docx", LabelId.FILLED_FORM_WORD)]))
    return found
