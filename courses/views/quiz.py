"""Taking a quiz: start an attempt, answer it, see the result and the review allowed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from courses import quizzes, selectors
from courses.models import Attempt, LessonPage, Question


@login_required
@require_POST
def start(request, lesson_id, block_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.course
    enrollment = selectors.learner_enrollment(user=request.user, course=course)
    if enrollment is None or enrollment.status != "active":
        raise PermissionDenied
    try:
        attempt = quizzes.attempt_start(
            user=request.user, enrollment=enrollment, lesson=lesson, block_id=block_id
        )
    except quizzes.QuizError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    return redirect("courses:attempt", attempt_id=attempt.pk)


@login_required
@require_http_methods(["GET", "POST"])
def attempt(request, attempt_id):
    attempt = get_object_or_404(Attempt.objects.select_related("lesson"), pk=attempt_id)
    if attempt.user_id != request.user.pk:
        raise Http404
    value = quizzes.quiz_block(attempt.lesson, attempt.block_id)
    if value is None:
        raise Http404
    if request.method == "POST":
        attempt = quizzes.attempt_submit(attempt=attempt, data=request.POST)
        return redirect("courses:attempt", attempt_id=attempt.pk)
    questions = Question.objects.prefetch_related("choices").in_bulk(
        [item["id"] for item in attempt.layout]
    )
    items = []
    for item in attempt.layout:
        question = questions.get(item["id"])
        if question is None:
            continue
        choices = {choice.pk: choice for choice in question.choices.all()}
        items.append(
            {
                "question": question,
                "options": [choices[pk] for pk in item["order"] if pk in choices],
                "matches": [choices[pk] for pk in item.get("matches", []) if pk in choices],
                "answer": attempt.answers.get(str(question.pk)),
                "correct": attempt.results.get(str(question.pk)),
            }
        )
    context = {
        "attempt": attempt,
        "lesson": attempt.lesson,
        "quiz": value,
        "items": items,
        "review": quizzes.may_review(attempt=attempt, value=value),
        "seconds_left": max(0, int((attempt.deadline - timezone.now()).total_seconds()))
        if attempt.deadline and not attempt.submitted_at
        else None,
    }
    return render(request, "courses/quiz_attempt.html", context)
