"""Lessons whose body holds activities (H5P, quizzes) complete when every activity is done.

Each activity block answers ``activity_result(value, enrollment, lesson)`` with
``(done, score)``; the lesson's score is the average of the activities' scores.
"""

from decimal import Decimal

from .blocks import has_activity
from .services import lesson_in_course_language, lesson_progress_record


def lesson_activities_evaluate(*, enrollment, lesson) -> None:
    if not has_activity(lesson.body):
        return
    canonical = lesson_in_course_language(lesson=lesson, run=enrollment.run)
    results = [
        child.block.activity_result(
            child.value, enrollment=enrollment, lesson=canonical, block_id=child.id
        )
        for child in lesson.body
        if getattr(child.block, "is_activity", False)
    ]
    complete = all(done for done, _score in results)
    scores = [score for _done, score in results if score is not None]
    # A lesson's score exists once all its activities are done.
    average = sum(scores, Decimal(0)) / len(scores) if scores and complete else None
    lesson_progress_record(enrollment=enrollment, lesson=lesson, complete=complete, score=average)
