"""The review edition of a form: every point NASP must confirm as a comment on its question; the printed
(clean) form carries none of them."""

from __future__ import annotations

import io
import re
import zipfile

import docx

from generator.model.project import Project
from generator.render.forms import form_path
from generator.render.review import review_form_path
from tests.render.rendering import rendered


def test_a_forms_review_edition_comments_on_the_question_and_the_printed_form_says_nothing(
    real_project: Project,
) -> None:
    view = real_project.localize("ru")
    form = next(form for form in view.forms if form.id == "case-closure")
    printed = rendered("forms", view)[form_path("ru", form)].content
    review = rendered("review", view)
    content = review[review_form_path("ru", form)].content
    with zipfile.ZipFile(io.BytesIO(printed)) as archive:
        assert "word/comments.xml" not in archive.namelist()
        assert "архивного хранения" not in archive.read("word/document.xml").decode("utf-8")
    document = docx.Document(io.BytesIO(content))
    [comment] = list(document.comments)
    assert comment.author == "Подлежит подтверждению НАСЗ"
    assert comment.text.startswith("Срок хранения документов закрытых случаев")
    assert comment.timestamp is not None and comment.timestamp.date() == form.version_date
    body = document.element.xml
    anchored = re.search(r'<w:commentRangeStart w:id="0"/>(.*?)<w:commentRangeEnd w:id="0"/>', body, re.DOTALL)
    assert anchored is not None and "Хранить до" in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", anchored[1]))
    assert rendered("review", view)[review_form_path("ru", form)].content == content


def test_only_forms_with_something_to_confirm_get_a_review_edition(real_project: Project) -> None:
    review = rendered("review", real_project.localize("uz"))
    assert sorted(path.split("/")[-1] for path in review) == [
        "F-01-child-needs-assessment-review.docx",
        "F-02-family-assessment-review.docx",
        "F-03-reintegration-plan-review.docx",
        "F-08-case-closure-review.docx",
        "F-11-consent-assent-review.docx",
        "NASP-SOP-01-v1.0-review.docx",
    ]
