"""Reads for the courses app: who may see what, and what dashboards show."""

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.cache import request_generation
from cms.pages import localize_all
from cms.routing import site_for
from cms.routing import timeout as route_timeout

from .models import (
    CoursePage,
    CourseRun,
    CourseTeamMember,
    Enrollment,
    EnrollmentStatus,
    LessonPage,
    LessonProgress,
    ModulePage,
    ProgressStatus,
    RunSession,
)
from .models.enrolment import SEAT_STATUSES

logger = logging.getLogger(__name__)


def team_role(*, user, course: CoursePage) -> str | None:
    """The user's role in the course's team (any translation of the course), if any."""
    if not user.is_authenticated:
        return None
    return (
        CourseTeamMember.objects.filter(user=user, course__translation_key=course.translation_key)
        .values_list("role", flat=True)
        .first()
    )


def is_course_staff(*, user, course: CoursePage) -> bool:
    """Administrators, the course team and the trainers of any of its runs."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if team_role(user=user, course=course):
        return True
    return CourseRun.objects.filter(
        course__translation_key=course.translation_key, trainers=user
    ).exists()


def learner_enrollment(
    *, user, course: CoursePage, related=("run__course", "last_lesson")
) -> Enrollment | None:
    """The learner's enrolment that gives access to the course, newest first.

    ``related``: what to read with it (a lesson page needs no last lesson and its body).
    """
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.filter(
            user=user,
            run__course__translation_key=course.translation_key,
            status__in=SEAT_STATUSES,
        )
        .select_related(*related)
        .order_by("status", "-enrolled_at")  # "active" sorts before "completed"
        .first()
    )


def lesson_statuses(*, enrollment: Enrollment | None) -> dict:
    """translation_key of each lesson → its progress row, for one enrolment."""
    if enrollment is None:
        return {}
    # The key joined in, not the lesson page: no page instance built per row.
    rows = LessonProgress.objects.filter(enrollment=enrollment).annotate(
        lesson_key=F("lesson__translation_key")
    )
    return {row.lesson_key: row for row in rows}


@dataclass
class LessonAccess:
    allowed: bool
    reason: str = ""


def lesson_access(
    *,
    user,
    lesson: LessonPage,
    course: CoursePage,
    module: ModulePage,
    enrollment: Enrollment | None,
    statuses: dict,
    outline: list[LessonPage],
) -> LessonAccess:
    """May ``user`` open ``lesson`` now? The course team always may."""
    refusal = _learner_refusal(
        lesson=lesson,
        course=course,
        module=module,
        enrollment=enrollment,
        statuses=statuses,
        outline=outline,
    )
    # The team is asked only when the learner's own way in is closed (two queries saved
    # on every lesson a learner reads).
    if refusal is None or is_course_staff(user=user, course=course):
        return LessonAccess(True)
    return LessonAccess(False, refusal)


def _learner_refusal(*, lesson, course, module, enrollment, statuses, outline) -> str | None:
    """Why an enrolled learner may not open the lesson yet, or None if they may."""
    if enrollment is None:
        return _("Enrol in this course to open its lessons.")
    if not module.is_released:
        return _("This module opens on %(date)s.") % {"date": module.available_from}
    if course.sequential:
        for previous in outline:
            if previous.translation_key == lesson.translation_key:
                break
            row = statuses.get(previous.translation_key)
            if previous.required and (row is None or row.status != ProgressStatus.COMPLETE):
                return _("Complete “%(title)s” first.") % {"title": previous.title}
    return None


def course_outline(*, course: CoursePage) -> list[tuple[ModulePage, list[LessonPage]]]:
    """Modules with their live lessons, in order, in two queries (lesson bodies left out)."""
    modules = list(course.modules())
    lessons = list(course.lessons().select_related(None).defer_streamfields())
    by_path = {module.path: [] for module in modules}
    for lesson in lessons:
        by_path.get(lesson.path[: -lesson.steplen], []).append(lesson)
    return [(module, by_path[module.path]) for module in modules]


def course_structure(*, request, path: str, lesson=None) -> tuple[CoursePage, list]:
    """The course page at tree ``path`` and its outline, as every reader of it gets them.

    Kept in the shared cache under the page cache's generation (``cms.cache``), which every
    publish, unpublish, move or deletion of a page moves on: a learner's lesson then reads
    its course, module and outline with one cache read instead of four page queries. Each
    request unpickles its own instances. With ``ROUTE_CACHE_SECONDS = 0``, the queries.

    A remembered outline that lacks the live ``lesson`` being read (written from a
    database that has since changed without a publish, or by a site sharing the cache)
    is read again from the database and remembered anew: the lesson's previous and
    next links come from it.

    The course and each lesson carry ``href``, their URL as readers of this site link
    to it (Wagtail's ``pageurl``, worked out once per generation instead of a dozen
    times per view); the key names the site, since another site's readers get
    absolute URLs.
    """
    generation = request_generation(request)
    # Entries live as long as routes: both are only ever read under their generation.
    cached = generation is not None and route_timeout() > 0
    site = site_for(request)
    key = f"course-structure:{generation}:{getattr(site, 'pk', None)}:{path}"
    if cached and (remembered := cache.get(key)) is not None:
        if lesson is None or not lesson.live or _in_outline(lesson, remembered[1]):
            return remembered
        logger.info("course structure: the cached outline of %s lacks lesson %s", path, lesson.pk)
    course = CoursePage.objects.get(path=path)
    structure = (course, course_outline(course=course))
    for page in [course, *(lesson for _module, lessons in structure[1] for lesson in lessons)]:
        page.href = page.get_url(request=request, current_site=site)
    if cached:
        cache.set(key, structure, route_timeout())
    return structure


def _in_outline(lesson, outline) -> bool:
    return any(item.pk == lesson.pk for _module, lessons in outline for item in lessons)


def next_lesson(*, outline, statuses: dict) -> LessonPage | None:
    for _module, lessons in outline:
        for lesson in lessons:
            row = statuses.get(lesson.translation_key)
            if row is None or row.status != ProgressStatus.COMPLETE:
                return lesson
    return None


def open_runs(*, course: CoursePage):
    now = timezone.now()
    return (
        CourseRun.objects.filter(course__translation_key=course.translation_key)
        .exclude(enrolment_policy="closed")
        .filter(Q(enrolment_closes__isnull=True) | Q(enrolment_closes__gte=now))
        .filter(Q(ends__isnull=True) | Q(ends__gte=now))
        .annotate(seats_taken=Count("enrollments", filter=Q(enrollments__status__in=SEAT_STATUSES)))
        .order_by("starts", "pk")
    )


# --- Dashboards ------------------------------------------------------------------


def _by_key(pages: list) -> dict:
    return {page.translation_key: page for page in pages}


def learner_dashboard(*, user) -> dict:
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .exclude(status__in=[EnrollmentStatus.WITHDRAWN, EnrollmentStatus.REJECTED])
        .select_related("run__course", "last_lesson")
        .order_by("-last_activity_at", "-created_at")
    )
    # Courses and lessons as the reader's language has them, without a query each.
    courses = _by_key(localize_all([e.run.course for e in enrollments]))
    lessons = _by_key(localize_all([e.last_lesson for e in enrollments if e.last_lesson]))
    for enrollment in enrollments:
        enrollment.course_page = courses[enrollment.run.course.translation_key]
        last = enrollment.last_lesson
        enrollment.continue_lesson = lessons[last.translation_key] if last else None
    current = [e for e in enrollments if e.status == EnrollmentStatus.ACTIVE]
    waiting = [
        e
        for e in enrollments
        if e.status in (EnrollmentStatus.PENDING, EnrollmentStatus.WAITLISTED)
    ]
    completed = [e for e in enrollments if e.status == EnrollmentStatus.COMPLETED]
    # The next sessions of the runs the learner is active in, with their course as shown.
    active = {e.run_id: e.course_page for e in current}
    upcoming = RunSession.objects.filter(run_id__in=active, starts__gte=timezone.now())
    sessions = list(upcoming.order_by("starts")[:10]) if active else []
    for session in sessions:
        session.course_page = active[session.run_id]
    certificates = list(user.certificates.filter(revoked_at__isnull=True).order_by("-issued_at"))
    return {
        "current": current,
        "waiting": waiting,
        "completed": completed,
        "sessions": sessions,
        "certificates": certificates,
    }


def runs_taught(*, user):
    runs = CourseRun.objects.select_related("course").annotate(
        learners=Count("enrollments", filter=Q(enrollments__status__in=SEAT_STATUSES)),
        pending=Count("enrollments", filter=Q(enrollments__status=EnrollmentStatus.PENDING)),
    )
    if user.is_superuser:
        return runs
    return runs.filter(_taught_by(user)).distinct()


def _team_course_keys(user):
    """The translation keys of the courses whose team the user is in (a subquery)."""
    return CourseTeamMember.objects.filter(user=user).values("course__translation_key")


def _taught_by(user) -> Q:
    """Runs the user trains, or of a course whose team the user is in (any translation)."""
    return Q(trainers=user) | Q(course__translation_key__in=_team_course_keys(user))


def teaches_any(*, user) -> bool:
    """Whether ``runs_taught`` has any run, without its counts (the dashboard's link).

    Asked on every dashboard view, mostly of learners who teach nothing: for them, one
    query with two lookups by user on the trainers' and the teams' own indexes (0.7 ms a
    call at both scales when they were two queries). Asked as ``runs_taught`` asks it (an
    OR across two joins), PostgreSQL joined every run to its page: 1.6 ms at scale 0.1,
    2.1 at scale 1.
    """
    if user.is_superuser:
        return CourseRun.objects.exists()
    trains, in_team = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(
            Exists(CourseRun.trainers.through.objects.filter(user_id=OuterRef("pk"))),
            Exists(CourseTeamMember.objects.filter(user_id=OuterRef("pk"))),
        )
        .first()
    ) or (False, False)
    if trains:
        return True
    if not in_team:
        return False
    return CourseRun.objects.filter(course__translation_key__in=_team_course_keys(user)).exists()


def may_teach(*, user, run: CourseRun) -> bool:
    return user.is_authenticated and (
        user.is_superuser
        or run.trainers.filter(pk=user.pk).exists()
        or team_role(user=user, course=run.course) is not None
    )


PROGRESS_BUCKETS = ((0, 0), (1, 25), (26, 50), (51, 75), (76, 99), (100, 100))


def run_learners(*, run: CourseRun, status: str = "", query: str = "", inactive_days: int = 0):
    """Enrolments of a run for the trainer's table, with everything it shows joined in."""
    from courses.models import Certificate

    certificate = Certificate.objects.filter(
        user=OuterRef("user"), run=run, revoked_at__isnull=True
    ).values("code")[:1]
    enrollments = (
        Enrollment.objects.filter(run=run)
        .select_related("user__municipality", "last_lesson")
        .annotate(certificate_code=Subquery(certificate))
        .order_by("status", "user__name_ar", "user__email")
    )
    if status:
        enrollments = enrollments.filter(status=status)
    if query:
        enrollments = enrollments.filter(
            Q(user__email__icontains=query)
            | Q(user__name_ar__icontains=query)
            | Q(user__name_latin__icontains=query)
            | Q(user__municipality__name_ar__icontains=query)
            | Q(user__municipality__name_en__icontains=query)
        )
    if inactive_days:
        cutoff = timezone.now() - timezone.timedelta(days=inactive_days)
        enrollments = enrollments.filter(
            status=EnrollmentStatus.ACTIVE, last_activity_at__lt=cutoff
        )
    return enrollments


def run_summary(*, run: CourseRun) -> dict:
    """Counts per status and the progress distribution, in one query."""
    aggregates = {
        f"status_{value}": Count("pk", filter=Q(status=value)) for value in EnrollmentStatus.values
    }
    for low, high in PROGRESS_BUCKETS:
        aggregates[f"bucket_{low}_{high}"] = Count(
            "pk",
            filter=Q(status__in=SEAT_STATUSES, progress__gte=low, progress__lte=high),
        )
    counts = Enrollment.objects.filter(run=run).aggregate(**aggregates)
    buckets = [
        {
            "label": f"{low}–{high}%" if low != high else f"{low}%",
            "count": counts[f"bucket_{low}_{high}"],
        }
        for low, high in PROGRESS_BUCKETS
    ]
    peak = max((bucket["count"] for bucket in buckets), default=0) or 1
    for bucket in buckets:
        bucket["share"] = round(100 * bucket["count"] / peak)
    return {
        "statuses": {value: counts[f"status_{value}"] for value in EnrollmentStatus.values},
        "buckets": buckets,
    }
