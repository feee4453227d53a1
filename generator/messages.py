"""The catalogue of problems Oila reports about sources, with stable codes.

Each message says what is wrong and how to fix it. Tests build their expected text from this catalogue,
so a wording can change here without hunting through the code.
"""

from __future__ import annotations

from typing import Final

from generator.errors import Location, Problem

CATALOGUE: Final[dict[str, str]] = {
    # Reading files
    "not-utf8": "not UTF-8 text (byte 0x{byte:02x}); save the file with UTF-8 encoding",
    "yaml-syntax": "not valid YAML: {detail}",
    "empty-file": "the file is empty; {expected}",
    "not-a-mapping": "expected a mapping of keys ({expected}), found {found}",
    "duplicate-key": "the key '{key}' appears twice in the same mapping; keep one",
    "yaml-tag": "the YAML tag '{tag}' is not allowed; Oila sources hold plain text, numbers and lists only",
    "yaml-anchor": "YAML anchors and aliases (&name, *name) are not allowed; write the content out, or "
    "define a recurring choice list once in choices/",
    "missing-file": "the file is missing; {expected}",
    "too-large": "the file is {size} KB, more than the {limit} MB any source may be; is it the right file?",
    "too-deep": "nested more than {limit} levels deep, far deeper than any source; the rest was not read",
    "too-long": "a text of {length} characters, more than the {limit} a text may have; shorten it or split it",
    "deep-brackets": "a [ opened inside {limit} others; no text needs that, and the SOP's converter slows to a "
    "halt on it",
    "invisible-character": "the text holds {character}, an invisible character that can hide or reverse text; "
    "delete it",
    # Shapes and values
    "missing-key": "missing '{key}'",
    "unknown-key": "unknown key '{key}'; allowed here: {allowed}",
    "wrong-type": "expected {expected}, found {found}",
    "bad-value": "{detail}",
    "unknown-field-type": "unknown field type '{found}'; allowed types: {allowed}",
    "missing-type": "missing 'type'; allowed types: {allowed}",
    "missing-translation": "missing {langs}: add the {languages} text ({example})",
    "orthography": "'{found}': {rule}; write '{expected}' (oila i18n fix repairs what it can)",
    "empty-translation": "the '{lang}' text is empty; write the {language} text or remove the key",
    "unknown-language": "'{lang}' is not a language of this project (languages: {allowed}); "
    "declare it in oila.yaml or remove it",
    "placeholder-mismatch": "the '{lang}' text uses the placeholders {found}, but this label needs {expected}; "
    "keep exactly these {{names}}, untranslated, in every language",
    "missing-label": "missing interface label '{key}'; the renderers print it on every form",
    # Cross-references
    "id-mismatch": "the id '{found}' does not match the file name; rename the file to {expected} or change the id",
    "duplicate-id": "{what} '{value}' is used twice; it was first used at {first}",
    "duplicate-item": "another item of this list has the id '{value}' (at {first}); give each item an id of its own",
    "unknown-choice-list": "unknown choice list '{found}'; known lists: {allowed}",
    "unknown-answer": "'{found}' is not an answer of this question; its answers are: {allowed}",
    "unknown-skip-target": "skip target '{found}' is not a section or question of this form; known targets: {allowed}",
    "backward-skip": "skip target '{found}' comes before this question; a skip must jump forward",
    "no-choices": "a '{type}' question needs 'choices': a list of answers or the id of a list in choices/",
    "no-forms": "no forms found; add one file forms/<id>.yaml for each form",
    # The SOP
    "no-sections": "no SOP sections found; add the prose as sop/{lang}/NN-slug.md, one file per section",
    "missing-section": "this section is missing in '{lang}'; every language has the sections of '{source}': "
    "translate the '{source}' file of the same name",
    "extra-section": "there is no section of this name in '{source}'; rename the file to match a '{source}' "
    "section or add the section to '{source}' first",
    "no-section-title": "a section starts with its title on the first line, as '# Title'",
    "template-syntax": "broken placeholder syntax: {detail}",
    "template-construct": 'only {{{{ placeholder }}}} and {{{{ terms("id", ...) }}}} may stand between braces; '
    "this is {found}",
    "unknown-placeholder": "unknown placeholder '{found}'; known: {allowed}",
    "section-placeholders": "this translation uses the placeholders {found}, but the '{source}' text uses "
    "{expected}; the generated parts are the same in every language",
    "section-terms": "this translation lists other terms(...) than the '{source}' text; name the same terms "
    "in the same order",
    "unknown-term": "unknown glossary term '{found}'; add it to sop/glossary.yaml or correct the id",
    "unknown-role": "unknown role '{found}'; roles in sop/structure.yaml: {allowed}",
    "unknown-form": "unknown form '{found}'; forms: {allowed}",
    "unknown-step": "unknown step '{found}'; steps: {allowed}",
    "unknown-pathway": "unknown referral pathway '{found}'; pathways in sop/structure.yaml: {allowed}",
    "unknown-unit": "unknown unit '{found}'; units in sop/timeframes.yaml: {allowed}",
    # The trainer's kit
    "duration-mismatch": "the module lasts {duration} minutes, but its activities take {planned}; change the "
    "duration or the activities' minutes so that they agree",
    "day-too-long": "day {day} holds {minutes} minutes of modules, more than a training day's {limit}; move a "
    "module to another day",
    "unknown-module": "unknown module '{found}'; modules in training/modules/: {allowed}",
    "unknown-case": "unknown worked case '{found}'; cases in training/cases/: {allowed}",
    "module-not-run": "the module '{found}' is on no day of training/course.yaml; add it to a day or remove the file",
    "test-question-not-single": "'{found}' is in a knowledge test's section: make it a 'single' question with its "
    "'answer', or move it out of the section with scored: true",
    "test-question-without-key": "the test question '{found}' has no key; add answer: <the id of the right answer>",
    "answer-outside-test": "'answer' keys a knowledge test's question; add scored: true to its section, or remove it",
    "test-without-participant": "a knowledge test asks who takes it and when: add a question 'participant' (the "
    "number on the attendance sheet) and a 'single' question 'moment' whose answers are 'pre' and 'post'",
    "case-form-unanswered": "the case lists the form '{found}', but its folder has no {found}.yaml of answers; add "
    "it, or remove the form from 'forms'",
    "case-answers-unlisted": "these answers are to a form the case does not list; add '{found}' to 'forms' in "
    "case.yaml, or remove the file",
    "mistake-not-answered": "'{found}' is not answered in {form}.yaml of this case; a mistake is a field's answer",
    "bad-reference": "{written}: {reason}",
    "reference-mismatch": "the '{lang}' text names {found}, but the '{source}' text names {expected}; a "
    "translation keeps every reference of its '{source}' text, in the order its grammar needs",
    "term-not-used": "'{english}' is the glossary term '{term}': the '{lang}' text should use {wanted}; change "
    "it, or, where grammar needs another form, add that form to the term's variants in sop/glossary.yaml",
    "typed-number": "'{found}' types a {kind} number{hint}; cite it as {cited}, so that it follows when the "
    "{kind}s change",
    "typed-form-code": "'{found}' types a form code; cite the form as {{form:{form}|code}}, or {{form:{form}}} for "
    "its code and title",
    "typed-timeframe": "'{found}' types a shared timeframe; cite it as {cited}, so that changing it in "
    "sop/timeframes.yaml changes every document",
    "left-in-script": "'{found}' would stay in Latin letters in {language}, which the transliteration makes from "
    "this text; mark it to stay as written, {{code:{found}}}, if {language} texts write it so (an acronym, a "
    "name), or write it in Uzbek",
    "unused-form": "no step of the SOP uses the form '{found}'; name it in the forms of a step in sop/structure.yaml",
    "missing-approval": "the '{lang}' version is approved, but 'approvals' does not say by whom, by which order "
    "and when; add approvals: {{{lang}: {{by: ..., order: ..., date: ...}}}}",
    "approval-not-approved": "an approval is recorded for '{lang}', but its status is not 'approved'; "
    "set the status or remove the approval",
    "history-version": "the last entry of the history is version {found}, but the document is version "
    "{expected}; add a history entry for it",
}


def problem(code: str, location: Location, **values: object) -> Problem:
    """The catalogue message `code` about `location`, with its placeholders filled."""
    return Problem(location=location, message=CATALOGUE[code].format(**values), code=code)


def quoted_list(items: list[str] | tuple[str, ...]) -> str:
    """`a, b, c` with each item quoted, for the 'allowed' part of a message."""
    return ", ".join(f"'{item}'" for item in items) if items else "(none)"
