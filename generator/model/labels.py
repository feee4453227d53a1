"""The words the renderers add themselves ("Page X of Y", "Yes", "DRAFT"), in one catalogue.

No library supplies them in Uzbek, so they are project data in `labels.yaml`, translated like any
other text. The set of labels is fixed by the code that prints them: each is listed here with the
placeholders its text must keep in every language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class LabelId(StrEnum):
    """Every interface label a renderer prints."""

    PAGE_OF = "page_of"
    DRAFT = "draft"
    DRAFT_NOTICE = "draft_notice"
    CONFIDENTIAL = "confidential"
    CONFIDENTIAL_STAFF = "confidential_staff"
    CASE_NUMBER = "case_number"
    VERSION = "version"
    PURPOSE = "purpose"
    FILLED_BY = "filled_by"
    TIMING = "timing"
    INSTRUCTIONS = "instructions"
    CASE_DETAILS = "case_details"
    STAFF_DETAILS = "staff_details"
    REQUIRED_NOTE = "required_note"
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"
    OTHER_SPECIFY = "other_specify"
    SKIP_TO_QUESTION = "skip_to_question"
    SKIP_TO_SECTION = "skip_to_section"
    DATE_FORMAT = "date_format"
    TICK_ONE = "tick_one"
    TICK_ANY = "tick_any"
    ROW_NUMBER = "row_number"
    COMMENT = "comment"
    RATED_ITEM = "rated_item"
    SIGNER = "signer"
    NAME = "name"
    POSITION = "position"
    SIGNATURE = "signature"
    DATE = "date"
    CONTENTS = "contents"
    DOCUMENT_CODE = "document_code"
    VERSION_DATE = "version_date"
    EFFECTIVE_DATE = "effective_date"
    SET_ON_APPROVAL = "set_on_approval"
    STATUS = "status"
    STATUS_DRAFT = "status_draft"
    STATUS_REVIEWED = "status_reviewed"
    STATUS_APPROVED = "status_approved"
    APPROVE = "approve"
    APPROVED = "approved"
    SIGNATURE_AND_NAME = "signature_and_name"
    APPROVAL_DATE_LINE = "approval_date_line"
    APPROVED_BY_ORDER = "approved_by_order"
    NOT_YET_APPROVED = "not_yet_approved"
    VERSION_HISTORY = "version_history"
    VERSION_COLUMN = "version_column"
    CHANGES = "changes"
    ROLE = "role"
    RESPONSIBILITIES = "responsibilities"
    STEP = "step"
    THROUGHOUT = "throughout"
    RESPONSIBLE = "responsible"
    TIMEFRAME = "timeframe"
    FORMS = "forms"
    RESULT = "result"
    WHEN_TO_RETURN = "when_to_return"
    REF_STEP = "ref_step"
    REF_STEP_SHORT = "ref_step_short"
    REF_SECTION = "ref_section"
    REF_SECTION_SHORT = "ref_section_short"
    REF_FORM = "ref_form"
    REF_QUESTION = "ref_question"
    SHARED_TIMEFRAMES = "shared_timeframes"
    APPLIES_TO = "applies_to"
    PATHWAY = "pathway"
    ACTION = "action"
    NASP_TO_CONFIRM = "nasp_to_confirm"
    REVIEW_ANNEX = "review_annex"
    DIRECTORY_SERVICE = "directory_service"
    DIRECTORY_PROVIDER = "directory_provider"
    DIRECTORY_DISTRICT = "directory_district"
    DIRECTORY_CONTACT = "directory_contact"
    DIRECTORY_HOURS = "directory_hours"
    DIRECTORY_ELIGIBILITY = "directory_eligibility"
    REVIEW_EDITION_NOTICE = "review_edition_notice"
    CODE = "code"
    FORM = "form"
    TERM = "term"
    DEFINITION = "definition"
    FLOWCHART = "flowchart"
    PATHWAYS_CHART = "pathways_chart"
    HOME = "home"
    USING_THE_FORMS = "using_the_forms"
    FOR_TRAINERS = "for_trainers"
    GLOSSARY = "glossary"
    TRANSLATION_STATUS = "translation_status"
    SOP = "sop"
    DOWNLOADS = "downloads"
    PRINTABLE_WORD = "printable_word"
    PRINTABLE_PDF = "printable_pdf"
    DOCUMENT_WORD = "document_word"
    DOCUMENT_PDF = "document_pdf"
    QUESTIONS = "questions"
    GUIDANCE = "guidance"
    NOT_TRANSLATED = "not_translated"
    ANSWERS = "answers"
    DOCUMENT = "document"
    REQUIRED = "required"
    ENTER_TEXT = "enter_text"
    CHOOSE_ANSWER = "choose_answer"
    FILLABLE_WORD = "fillable_word"
    TABLET_FORM = "tablet_form"
    TABLET_NOTE = "tablet_note"
    OUTDATED_NOTICE = "outdated_notice"
    TEXTS_TO_REVIEW = "texts_to_review"
    TRANSLATION_MISSING = "translation_missing"
    TRANSLATION_STALE = "translation_stale"
    ENGLISH = "english"
    PLACE = "place"
    TRANSLITERATION_NOTICE = "transliteration_notice"
    SITE_SKIP_TO_CONTENT = "site_skip_to_content"
    SITE_HEADER = "site_header"
    SITE_NAVIGATION = "site_navigation"
    SITE_FOOTER = "site_footer"
    SITE_NEXT = "site_next"
    SITE_PREVIOUS = "site_previous"
    SITE_BACK_TO_TOP = "site_back_to_top"
    SITE_SELECT_LANGUAGE = "site_select_language"
    SITE_SEARCH = "site_search"
    SITE_SEARCH_CLEAR = "site_search_clear"
    SITE_SEARCH_STARTING = "site_search_starting"
    SITE_SEARCH_TYPE = "site_search_type"
    SITE_SEARCH_NONE = "site_search_none"
    SITE_SEARCH_ONE = "site_search_one"
    SITE_SEARCH_MANY = "site_search_many"
    SITE_SEARCH_MORE_ONE = "site_search_more_one"
    SITE_SEARCH_MORE = "site_search_more"
    SITE_SEARCH_MISSING = "site_search_missing"
    SITE_NOT_FOUND = "site_not_found"
    SITE_NOT_FOUND_HELP = "site_not_found_help"
    TRAINING = "training"
    MODULE = "module"
    DAY = "day"
    DURATION = "duration"
    MINUTES = "minutes"
    PARTICIPANTS = "participants"
    AUDIENCE = "audience"
    STEPS_TAUGHT = "steps_taught"
    OBJECTIVES = "objectives"
    MATERIALS = "materials"
    SESSION_PLAN = "session_plan"
    TIME = "time"
    METHOD = "method"
    ACTIVITY = "activity"
    KEY_MESSAGES = "key_messages"
    EXERCISES = "exercises"
    FOR_FACILITATOR = "for_facilitator"
    FORMS_USED = "forms_used"
    METHOD_PRESENTATION = "method_presentation"
    METHOD_DISCUSSION = "method_discussion"
    METHOD_GROUP_WORK = "method_group_work"
    METHOD_CASE_STUDY = "method_case_study"
    METHOD_ROLE_PLAY = "method_role_play"
    METHOD_PRACTICE = "method_practice"
    METHOD_QUIZ = "method_quiz"
    METHOD_REFLECTION = "method_reflection"
    FACILITATOR_GUIDE = "facilitator_guide"
    PARTICIPANT_HANDBOOK = "participant_handbook"
    DAY_COLUMN = "day_column"
    MODULES = "modules"
    GUIDE_WORD = "guide_word"
    GUIDE_PDF = "guide_pdf"
    HANDBOOK_WORD = "handbook_word"
    HANDBOOK_PDF = "handbook_pdf"
    SLIDES_POWERPOINT = "slides_powerpoint"
    SLIDES_PDF = "slides_pdf"
    WORKED_CASES = "worked_cases"
    WORKED_CASE_FORMS = "worked_case_forms"
    FILLED_FORM_WORD = "filled_form_word"
    MISTAKES_TO_FIND = "mistakes_to_find"
    ANSWER_GIVEN = "answer_given"
    WHAT_IS_WRONG = "what_is_wrong"
    COURSE_FORMS = "course_forms"
    KNOWLEDGE_TEST_KEY = "knowledge_test_key"
    RIGHT_ANSWER = "right_answer"
    ANSWER_KEY_WORD = "answer_key_word"
    ANSWER_KEY_PDF = "answer_key_pdf"
    TEST_RESULTS = "test_results"
    TESTS_COUNTED = "tests_counted"
    AVERAGE_SCORE = "average_score"
    GAIN = "gain"
    RIGHT_ANSWERS_SHARE = "right_answers_share"
    PARTICIPANT = "participant"
    CASES_USED = "cases_used"


PLACEHOLDERS: dict[LabelId, frozenset[str]] = {
    LabelId.TESTS_COUNTED: frozenset({"pre", "post", "both"}),
    LabelId.PAGE_OF: frozenset({"page", "pages"}),
    LabelId.VERSION: frozenset({"version"}),
    LabelId.SKIP_TO_QUESTION: frozenset({"answer", "target"}),
    LabelId.SKIP_TO_SECTION: frozenset({"answer", "target"}),
    LabelId.APPROVED_BY_ORDER: frozenset({"body", "order", "date"}),
    LabelId.NOT_YET_APPROVED: frozenset({"body"}),
    LabelId.WHEN_TO_RETURN: frozenset({"condition", "step"}),
    LabelId.OUTDATED_NOTICE: frozenset({"count"}),
    LabelId.REVIEW_EDITION_NOTICE: frozenset({"count"}),
    LabelId.REF_STEP: frozenset({"number", "title"}),
    LabelId.REF_STEP_SHORT: frozenset({"number"}),
    LabelId.REF_SECTION: frozenset({"number", "title"}),
    LabelId.REF_SECTION_SHORT: frozenset({"number"}),
    LabelId.REF_FORM: frozenset({"code", "title"}),
    LabelId.REF_QUESTION: frozenset({"number"}),
    LabelId.SITE_SEARCH_MANY: frozenset({"count"}),
    LabelId.SITE_SEARCH_MORE: frozenset({"count"}),
    LabelId.MODULE: frozenset({"number"}),
    LabelId.DAY: frozenset({"day"}),
    LabelId.MINUTES: frozenset({"minutes"}),
}
"""The `{names}` a label's text must contain; labels not listed take none."""

STATUS_LABELS: dict[str, LabelId] = {
    "draft": LabelId.STATUS_DRAFT,
    "reviewed": LabelId.STATUS_REVIEWED,
    "approved": LabelId.STATUS_APPROVED,
}
"""How each review status reads in the outputs."""

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders_in(text: str) -> frozenset[str]:
    """The `{names}` used in `text`."""
    return frozenset(_PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Labels:
    """The interface labels in one language."""

    texts: Mapping[LabelId, str]

    def __getitem__(self, label: LabelId) -> str:
        return self.texts[label]

    def format(self, label: LabelId, **values: str) -> str:
        """The label with its placeholders filled, such as `Page 1 of 3`."""
        return self.texts[label].format(**values)
