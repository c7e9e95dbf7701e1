"""How course and lesson pages serve themselves: overview public, lessons gated."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.template.response import TemplateResponse

from cms.middleware import content_security_policy
from courses import quizzes, selectors, services
from courses.blocks import has_activity
from courses.models import ModulePage, ProgressStatus


def course_page(request, page):
    user = request.user
    enrollment = selectors.learner_enrollment(user=user, course=page)
    statuses = selectors.lesson_statuses(enrollment=enrollment)
    _course, outline = selectors.course_structure(request=request, path=page.path)
    context = page.get_context(request)
    context.update(
        {
            "enrollment": enrollment,
            "outline": outline,
            "statuses": statuses,
            "next_lesson": selectors.next_lesson(outline=outline, statuses=statuses)
            if enrollment
            else None,
            "runs": selectors.open_runs(course=page),
            "is_staff": selectors.is_course_staff(user=user, course=page),
            "my_requests": {
                e.run_id: e
                for e in user.enrollments.filter(run__course__translation_key=page.translation_key)
            }
            if user.is_authenticated
            else {},
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def quiz_states(user, lesson) -> dict:
    """Per quiz block of the lesson: the learner's attempts, best score and what comes next."""
    states = {}
    for child in lesson.body:
        if child.block_type != "quiz":
            continue
        attempts = list(quizzes.attempts_of(user=user, lesson=lesson, block_id=child.id))
        done = [a for a in attempts if a.submitted_at]
        limit = child.value["attempts"]
        states[child.id] = {
            "done": len(done),
            "best": max((a.score for a in done), default=None),
            "passed": any(a.passed for a in done),
            "open": next((a for a in attempts if not a.submitted_at), None),
            "last": done[-1] if done else None,
            "remaining": None if not limit else max(0, limit - len(done)),
        }
    return states


def lesson_page(request, page):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # The course and its outline by the course's tree path (from the cache, see
    # course_structure); the module from the outline unless it is not live.
    module_path = page.path[: -page.steplen]
    course, outline = selectors.course_structure(
        request=request, path=module_path[: -page.steplen], lesson=page
    )
    module = next((m for m, _lessons in outline if m.path == module_path), None)
    if module is None:
        module = ModulePage.objects.get(path=module_path)
    enrollment = selectors.learner_enrollment(user=user, course=course, related=("run",))
    if enrollment is not None and enrollment.run.course_id == course.pk:
        enrollment.run.course = course  # the run's own course page: no query for it
    statuses = selectors.lesson_statuses(enrollment=enrollment)
    flat = [lesson for _module, lessons in outline for lesson in lessons]
    access = selectors.lesson_access(
        user=user,
        lesson=page,
        course=course,
        module=module,
        enrollment=enrollment,
        statuses=statuses,
        outline=flat,
    )
    context = page.get_context(request)
    context.update({"course": course, "module": module, "outline": outline, "statuses": statuses})
    if not access.allowed:
        context["reason"] = access.reason
        response = TemplateResponse(request, "courses/lesson_locked.html", context)
        response.status_code = HttpResponseForbidden.status_code
        return response
    progress = None
    if enrollment is not None:
        progress = services.lesson_visit(
            enrollment=enrollment, lesson=page, progress=statuses.get(page.translation_key)
        )
        statuses[page.translation_key] = progress
    # A lesson outside the outline (not live, or in a module that is not) has no neighbours.
    index = next((i for i, lesson in enumerate(flat) if lesson.pk == page.pk), None)
    context.update(
        {
            "enrollment": enrollment,
            "progress": progress,
            "is_complete": progress is not None and progress.status == ProgressStatus.COMPLETE,
            "manual_completion": not has_activity(page.body),
            "has_h5p": any(child.block_type == "h5p" for child in page.body),
            "quiz_states": quiz_states(request.user, page),
            "previous_lesson": flat[index - 1] if index else None,
            "following_lesson": flat[index + 1]
            if index is not None and index + 1 < len(flat)
            else None,
            "reflections": {
                answer.block_id: answer
                for answer in enrollment.reflections.filter(lesson_id=progress.lesson_id)
            }
            if enrollment is not None
            and any(child.block_type == "reflection" for child in page.body)
            else {},
        }
    )
    response = TemplateResponse(request, page.get_template(request), context)
    if context["has_h5p"]:
        # h5p-standalone writes H5PIntegration into its frame as an inline script (the frame
        # shares this page's policy): only lessons that play H5P allow inline scripts.
        response["Content-Security-Policy"] = content_security_policy(
            script_src=["'unsafe-inline'"]
        )
    return response
