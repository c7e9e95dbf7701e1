"""Quizzes graded on the server: drawing questions, enforcing attempts and time limits,
grading every kind of question, and statistics for trainers.

The page shows questions and options only; which options are correct never
leaves the server until the review the trainer allows.
"""

import random
from collections import Counter
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.text import normalise_arabic

from .models import Attempt, Question, QuestionKind

GRACE = timedelta(seconds=30)  # network latency on a timed quiz


class QuizError(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def quiz_block(lesson, block_id: str):
    for child in lesson.body:
        if child.id == block_id and child.block_type == "quiz":
            return child.value
    return None


def attempts_of(*, user, lesson, block_id):
    return Attempt.objects.filter(user=user, lesson=lesson, block_id=block_id)


def _draw(value) -> list[Question]:
    questions = list(value["bank"].questions.prefetch_related("choices")) if value["bank"] else []
    count = value["questions"] or len(questions)
    if value["shuffle"] or count < len(questions):
        questions = random.sample(questions, min(count, len(questions)))
    return questions


def _layout(question: Question, shuffle: bool) -> dict:
    choices = list(question.choices.all())
    ids = [choice.pk for choice in choices]
    shown = ids[:]
    if question.kind == QuestionKind.ORDERING or (
        shuffle and question.kind != QuestionKind.TRUE_FALSE
    ):
        random.shuffle(shown)
    layout = {"id": question.pk, "order": shown}
    if question.kind == QuestionKind.MATCHING:
        matches = ids[:]
        random.shuffle(matches)
        layout["matches"] = matches
    return layout


@transaction.atomic
def attempt_start(*, user, enrollment, lesson, block_id: str) -> Attempt:
    value = quiz_block(lesson, block_id)
    if value is None:
        raise QuizError(_("This quiz no longer exists."))
    previous = attempts_of(user=user, lesson=lesson, block_id=block_id).select_for_update()
    open_attempt = previous.filter(submitted_at__isnull=True).first()
    if open_attempt and not _expired(open_attempt):
        return open_attempt
    if open_attempt:
        attempt_submit(attempt=open_attempt, data={})  # closes it as timed out
    used = previous.filter(submitted_at__isnull=False).count()
    if value["attempts"] and used >= value["attempts"]:
        raise QuizError(_("You have used all your attempts at this quiz."))
    if previous.filter(passed=True).exists():
        raise QuizError(_("You have already passed this quiz."))
    questions = _draw(value)
    if not questions:
        raise QuizError(_("This quiz has no questions yet."))
    minutes = value["time_limit"]
    return Attempt.objects.create(
        user=user,
        enrollment=enrollment,
        lesson=lesson,
        block_id=block_id,
        layout=[_layout(question, value["shuffle"]) for question in questions],
        deadline=timezone.now() + timedelta(minutes=minutes) if minutes else None,
    )


def _expired(attempt: Attempt) -> bool:
    return attempt.deadline is not None and timezone.now() > attempt.deadline + GRACE


def answer_from_form(question: Question, data) -> object:
    key = f"q{question.pk}"
    if question.kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE):
        return data.get(key, "")
    if question.kind == QuestionKind.MULTIPLE:
        return sorted(data.getlist(key)) if hasattr(data, "getlist") else data.get(key, [])
    if question.kind == QuestionKind.SHORT:
        return data.get(key, "")[:500]
    # matching and ordering: one field per item
    return {str(choice.pk): data.get(f"{key}_{choice.pk}", "") for choice in question.choices.all()}


def grade(question: Question, answer) -> bool:
    choices = list(question.choices.all())
    if question.kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE):
        correct = {str(choice.pk) for choice in choices if choice.correct}
        return str(answer) in correct
    if question.kind == QuestionKind.MULTIPLE:
        correct = {str(choice.pk) for choice in choices if choice.correct}
        return set(map(str, answer or [])) == correct
    if question.kind == QuestionKind.SHORT:
        typed = normalise_arabic(str(answer))
        return bool(typed) and typed in {normalise_arabic(choice.text) for choice in choices}
    if question.kind == QuestionKind.MATCHING:
        # Each item's chosen match is the id of the choice whose match text it is.
        return all(str(answer.get(str(c.pk), "")) == str(c.pk) for c in choices)
    if question.kind == QuestionKind.ORDERING:
        positions = [answer.get(str(choice.pk), "") for choice in choices]
        return positions == [str(index) for index in range(1, len(choices) + 1)]
    return False


@transaction.atomic
def attempt_submit(*, attempt: Attempt, data) -> Attempt:
    """Grade an attempt once; late or repeated submissions change nothing."""
    from .activities import lesson_activities_evaluate

    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.submitted_at is not None:
        return attempt
    value = quiz_block(attempt.lesson, attempt.block_id)
    questions = Question.objects.in_bulk([item["id"] for item in attempt.layout])
    attempt.submitted_at = timezone.now()
    attempt.timed_out = _expired(attempt)
    answers, results, right = {}, {}, 0
    for item in attempt.layout:
        question = questions.get(item["id"])
        if question is None:
            continue
        answer = None if attempt.timed_out else answer_from_form(question, data)
        correct = answer is not None and grade(question, answer)
        answers[str(question.pk)] = answer
        results[str(question.pk)] = correct
        right += correct
    total = len(attempt.layout) or 1
    attempt.answers, attempt.results = answers, results
    attempt.score = (Decimal(100) * right / total).quantize(Decimal("0.01"))
    attempt.passed = value is not None and attempt.score >= value["pass_mark"]
    attempt.save()
    if attempt.enrollment_id and attempt.enrollment.status == "active":
        lesson_activities_evaluate(enrollment=attempt.enrollment, lesson=attempt.lesson)
    return attempt


def may_review(*, attempt: Attempt, value) -> bool:
    """Correct answers are shown as the trainer chose: after each attempt, after the last, never."""
    if attempt.submitted_at is None:
        return False
    if value["review"] == "after_each":
        return True
    if value["review"] == "after_last":
        used = attempts_of(user=attempt.user, lesson=attempt.lesson, block_id=attempt.block_id)
        done = used.filter(submitted_at__isnull=False).count()
        return attempt.passed or (value["attempts"] and done >= value["attempts"])
    return False


def question_statistics(*, lesson, block_id: str, attempts) -> list[dict]:
    """Per question: attempts, share correct and the wrong answer chosen most often."""
    value = quiz_block(lesson, block_id)
    if value is None or value["bank"] is None:
        return []
    questions = list(value["bank"].questions.prefetch_related("choices"))
    stats = []
    for question in questions:
        key = str(question.pk)
        answered = [a for a in attempts if key in a.results]
        right = sum(1 for a in answered if a.results[key])
        wrong = Counter()
        for attempt in answered:
            if not attempt.results[key]:
                wrong[_answer_label(question, attempt.answers.get(key))] += 1
        stats.append(
            {
                "question": question,
                "attempts": len(answered),
                "share_correct": round(100 * right / len(answered)) if answered else None,
                "common_wrong": wrong.most_common(1)[0] if wrong else None,
            }
        )
    return stats


def _answer_label(question: Question, answer) -> str:
    labels = {str(choice.pk): choice.text for choice in question.choices.all()}
    if answer is None:
        return _("(no answer: time ran out)")
    if isinstance(answer, list):
        return ", ".join(labels.get(str(item), "?") for item in answer) or _("(nothing chosen)")
    if isinstance(answer, dict):
        return _("(another arrangement)")
    return labels.get(str(answer), str(answer)) or _("(nothing chosen)")
