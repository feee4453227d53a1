"""A knowledge test's scores from its collected answers: each participant's score before and after the course and
the gain, and each question's share of right answers before and after.

Tests are paired by the participant's number (the number on the attendance sheet), which a participant writes the
same on both; a test without one, or a second test of a participant at the same moment, is left out and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.collect.matching import Answers
from generator.load.check_forms import MOMENTS, TEST_MOMENT, TEST_PARTICIPANT
from generator.model.view import ChoiceView, FormView

PRE, POST = MOMENTS


@dataclass(frozen=True)
class ParticipantScore:
    participant: str
    """The number on the attendance sheet, which the tests carry instead of the name."""
    scores: dict[str, int]
    """The number of right answers, by moment (`pre`, `post`), for the tests the participant took."""

    @property
    def gain(self) -> int | None:
        """Right answers after the course less those before; None unless the participant took both tests."""
        if PRE in self.scores and POST in self.scores:
            return self.scores[POST] - self.scores[PRE]
        return None


@dataclass(frozen=True)
class QuestionScore:
    question: ChoiceView
    right: dict[str, int]
    """How many answered it right, by moment."""


@dataclass
class TestScores:
    form: FormView
    participants: list[ParticipantScore] = field(default_factory=list)
    questions: list[QuestionScore] = field(default_factory=list)
    taken: dict[str, int] = field(default_factory=dict)
    """How many tests were counted, by moment."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """`(file, problem)` for each test left out of the scores."""

    @property
    def out_of(self) -> int:
        return len(self.questions)

    def average(self, moment: str) -> float | None:
        """The average number of right answers at `moment`, over the tests taken then."""
        scores = [person.scores[moment] for person in self.participants if moment in person.scores]
        return sum(scores) / len(scores) if scores else None

    def share_right(self, score: QuestionScore, moment: str) -> float | None:
        """The percentage of the tests taken at `moment` that answered the question right."""
        taken = self.taken.get(moment, 0)
        return 100 * score.right.get(moment, 0) / taken if taken else None

    @property
    def both(self) -> int:
        return sum(1 for person in self.participants if person.gain is not None)


def score_tests(form: FormView, tests: list[tuple[str, Answers]]) -> TestScores:
    """The scores of the filled `tests` (`(file, answers)`, in a stable order) of the knowledge test `form`."""
    questions = form.scored_questions()
    scores = TestScores(form)
    right = {question.id: {moment: 0 for moment in MOMENTS} for question in questions}
    people: dict[str, ParticipantScore] = {}
    first: dict[tuple[str, str], str] = {}
    for name, answers in tests:
        participant = answers.fields.get(TEST_PARTICIPANT, "").strip()
        moment = answers.fields.get(TEST_MOMENT, "")
        if not participant or moment not in MOMENTS:
            missing = TEST_PARTICIPANT if not participant else TEST_MOMENT
            scores.problems.append((name, f"{missing}: not answered, so the test is left out of the scores"))
            continue
        if (participant, moment) in first:
            earlier = first[(participant, moment)]
            scores.problems.append(
                (name, f"a second '{moment}' test of participant {participant} ({earlier}); left out")
            )
            continue
        first[(participant, moment)] = name
        scores.taken[moment] = scores.taken.get(moment, 0) + 1
        answered_right = [question.id for question in questions if answers.fields.get(question.id) == question.answer]
        for question_id in answered_right:
            right[question_id][moment] += 1
        people.setdefault(participant, ParticipantScore(participant, {})).scores[moment] = len(answered_right)
    scores.participants = sorted(people.values(), key=lambda person: _number_first(person.participant))
    scores.questions = [QuestionScore(question, right[question.id]) for question in questions]
    return scores


def _number_first(participant: str) -> tuple[int, str]:
    """Participants in the order of their numbers: 2 before 10."""
    return (int(participant), "") if participant.isdigit() else (10**9, participant)
