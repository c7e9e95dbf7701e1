"""What a learner does: enrol, withdraw, complete lessons, answer reflections, see /my/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from courses import selectors, services
from courses.blocks import has_activity
from courses.forms import EnrolForm, ReflectionForm
from courses.models import CourseRun, Enrollment, EnrollmentStatus, LessonPage, ReflectionAnswer

MESSAGES = {
    EnrollmentStatus.ACTIVE: gettext_lazy("You are enrolled. Welcome to the course!"),
    EnrollmentStatus.PENDING: gettext_lazy("Your request has been sent. A trainer will answer it."),
    EnrollmentStatus.WAITLISTED: gettext_lazy(
        "The run is full: you are on the waiting list and will be enrolled when a place frees up."
    ),
    EnrollmentStatus.COMPLETED: gettext_lazy("You have already completed this course."),
}


def _localized_course_url(run: CourseRun) -> str:
    return run.course.localized.url


@login_required
@require_POST
def enrol(request, run_id):
    run = get_object_or_404(CourseRun.objects.select_related("course"), pk=run_id)
    form = EnrolForm(request.POST)
    form.is_valid()
    try:
        enrollment = services.enrollment_request(
            user=request.user, run=run, key=form.cleaned_data.get("key", "")
        )
    except services.EnrolmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, str(MESSAGES[enrollment.status]))
    return redirect(_localized_course_url(run))


@login_required
@require_POST
def withdraw(request, enrollment_id):
    enrollment = get_object_or_404(Enrollment, pk=enrollment_id, user=request.user)
    services.enrollment_withdraw(enrollment=enrollment)
    messages.success(request, _("You have left the course. You can enrol again at any time."))
    return redirect("courses:dashboard")


def _lesson_and_enrollment(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.course
    enrollment = selectors.learner_enrollment(user=request.user, course=course)
    if enrollment is None or enrollment.status != EnrollmentStatus.ACTIVE:
        raise PermissionDenied
    return lesson, course, enrollment


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    lesson, _course, enrollment = _lesson_and_enrollment(request, lesson_id)
    if has_activity(lesson.body):
        # Activities complete their lesson themselves, with a score.
        raise PermissionDenied
    services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    if enrollment.status == EnrollmentStatus.COMPLETED:
        messages.success(request, _("Congratulations: you have completed the course!"))
    else:
        messages.success(request, _("Lesson marked as done."))
    return redirect(lesson.url)


@login_required
@require_POST
def save_reflection(request, lesson_id):
    lesson, _course, enrollment = _lesson_and_enrollment(request, lesson_id)
    form = ReflectionForm(request.POST)
    block_ids = {child.id for child in lesson.body if child.block_type == "reflection"}
    if not form.is_valid() or form.cleaned_data["block_id"] not in block_ids:
        messages.error(request, _("Write an answer before saving."))
        return redirect(lesson.url)
    canonical = services.lesson_in_course_language(lesson=lesson, run=enrollment.run)
    with transaction.atomic():
        ReflectionAnswer.objects.update_or_create(
            enrollment=enrollment,
            lesson=canonical,
            block_id=form.cleaned_data["block_id"],
            defaults={"text": form.cleaned_data["text"]},
        )
    messages.success(request, _("Your answer has been saved. Your trainers can read it."))
    return redirect(lesson.url)


@login_required
@require_GET
def dashboard(request):
    context = selectors.learner_dashboard(user=request.user)
    context["teaching"] = selectors.teaches_any(user=request.user)
    return render(request, "courses/dashboard.html", context)
