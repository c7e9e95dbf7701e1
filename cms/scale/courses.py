"""Courses (pages in bulk), their runs and teams, and the learners' records in them."""

import json
import uuid
from datetime import timedelta
from decimal import Decimal

from django.conf import settings

from courses.h5p.services import COMPLETING_VERBS
from courses.models import (
    CourseCategory,
    CourseIndexPage,
    CoursePage,
    CourseRun,
    CourseTeamMember,
    Enrollment,
    EnrollmentStatus,
    EnrolmentPolicy,
    H5PContent,
    LessonPage,
    LessonProgress,
    ModulePage,
    ProgressStatus,
    RunMode,
    TeamRole,
    XAPIStatement,
)
from courses.team import course_team_sync

from . import text
from .bulk import PageTree, insert
from .plan import H5P_PREFIX, PREFIX, Context

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
assert ANSWERED in COMPLETING_VERBS  # noqa: S101  (statements below complete their lesson)


# --- courses -------------------------------------------------------------------------


def _lesson_body(ctx: Context, title: str) -> str:
    """A lesson's StreamField as raw JSON: Wagtail reads it lazily, no block objects built."""
    points = "".join(f"<li>{s}</li>" for s in ctx.rng.sample(text.SENTENCES, 3))
    blocks = [
        ("paragraph", f"<p>{ctx.sentences(3)}</p>"),
        ("heading", {"heading_text": title, "size": "h2"}),
        ("paragraph", f"<p>{ctx.sentences(2)}</p><ul>{points}</ul>"),
    ]
    return json.dumps(
        [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks],
        ensure_ascii=False,
    )


def build_courses(ctx: Context, catalogue: CourseIndexPage) -> dict[str, int]:
    """Courses with their modules and lessons, a lead trainer and one open run each."""
    plan, rng = ctx.plan, ctx.rng
    trainers = [pk for pk, _email, _name in ctx.users[: plan.trainers]]
    categories = list(CourseCategory.objects.filter(locale=ctx.locale).values_list("pk", flat=True))
    tree = PageTree(published_at=ctx.now)
    courses, lessons_of = [], []
    subjects, qualifiers = text.COURSE_SUBJECTS, text.COURSE_QUALIFIERS
    for number in range(plan.courses):
        subject = subjects[number % len(subjects)]
        title = f"{qualifiers[number // len(subjects) % len(qualifiers)]} {subject}"
        if number >= len(subjects) * len(qualifiers):
            title += f" ({number // (len(subjects) * len(qualifiers)) + 1})"
        objectives = "".join(f"<li>{s}</li>" for s in rng.sample(text.SENTENCES, 3))
        course = CoursePage(
            title=title,
            slug=f"{PREFIX}course-{number + 1:04d}",
            summary=ctx.sentences(2),
            objectives=f"<ul>{objectives}</ul>",
            audience=f"موظفو البلديات: {rng.choice(text.POSITIONS)}، {rng.choice(text.POSITIONS)}.",
            category_id=rng.choice(categories) if categories else None,
            level=rng.choice(("beginner", "intermediate", "advanced")),
            course_language="ar",
            estimated_hours=rng.randint(4, 30),
            owner_id=trainers[number % len(trainers)],
        )
        tree.add(catalogue, course, published_at=ctx.ago(days_from=60, days_to=700))
        lessons = []
        for m in range(plan.modules_per_course):
            module = ModulePage(
                title=text.MODULE_TITLES[m % len(text.MODULE_TITLES)],
                slug=f"{PREFIX}module-{m + 1}",
                summary=ctx.sentences(1),
            )
            tree.add(course, module, published_at=course.first_published_at)
            for n in range(plan.lessons_per_module):
                position = m * plan.lessons_per_module + n
                lesson_title = text.LESSON_TITLES[position % len(text.LESSON_TITLES)]
                lesson = LessonPage(
                    title=lesson_title,
                    slug=f"{PREFIX}lesson-{position + 1}",
                    body=_lesson_body(ctx, lesson_title),
                    required=True,
                    estimated_minutes=rng.choice((10, 15, 20, 30)),
                )
                lessons.append(tree.add(module, lesson, published_at=course.first_published_at))
        courses.append(course)
        lessons_of.append(lessons)
    pages = tree.save()

    insert(
        CourseTeamMember,
        [
            CourseTeamMember(course_id=c.pk, user_id=c.owner_id, role=TeamRole.LEAD, sort_order=0)
            for c in courses
        ],
    )
    runs = [
        CourseRun(
            course_id=course.pk,
            title=f"دفعة مفتوحة {ctx.now.year}",
            mode=RunMode.SELF_PACED,
            enrolment_policy=EnrolmentPolicy.OPEN,
            enrolment_opens=course.first_published_at,
            starts=course.first_published_at,
            ends=ctx.now + timedelta(days=365),
            created_at=course.first_published_at,
        )
        for course in courses
    ]
    insert(CourseRun, runs, returning=True)
    Trainers = CourseRun.trainers.through
    insert(
        Trainers,
        [
            Trainers(courserun_id=r.pk, user_id=c.owner_id)
            for r, c in zip(runs, courses, strict=True)
        ],
    )
    for course in courses:
        course_team_sync(course=course)  # the lead may edit and publish the course in the admin
    ctx.courses = [
        (run.pk, [lesson.pk for lesson in lessons])
        for run, lessons in zip(runs, lessons_of, strict=True)
    ]
    ctx.course_pages = pages
    return {
        "courses": len(courses),
        "modules": len(pages) - len(courses) - sum(len(ls) for ls in lessons_of),
        "lessons": sum(len(ls) for ls in lessons_of),
        "runs": len(runs),
    }


# --- enrolments, progress, xAPI ------------------------------------------------------------


def h5p_content(ctx: Context) -> H5PContent:
    """The activity the statements report on: the demo's first, or a placeholder."""
    content = H5PContent.objects.exclude(prefix__startswith=H5P_PREFIX).order_by("created_at")
    return content.first() or H5PContent.objects.create(
        title="نشاط تفاعلي (بيانات القياس)",
        main_library="H5P.TrueFalse 1.8",
        prefix=f"{H5P_PREFIX}{uuid.uuid4().hex}",
    )


def build_learning(ctx: Context, timings: dict[str, float], clock) -> dict[str, int]:
    """Each user in a few courses, at every stage from just enrolled to completed.

    A learner who reached lesson k has k complete LessonProgress rows and, for each,
    the xAPI statement that completed it. Users are done a thousand at a time so the
    memory stays flat at any scale.
    """
    plan, rng = ctx.plan, ctx.rng
    content = h5p_content(ctx)
    object_id = f"{settings.WAGTAILADMIN_BASE_URL}/h5p/{content.pk}"
    totals = {"enrolments": 0, "lesson progress": 0, "xAPI statements": 0}
    for start in range(0, len(ctx.users), 1000):
        started = clock()
        enrolments, reached = [], []
        for user_pk, _email, _name in ctx.users[start : start + 1000]:
            for course in rng.sample(range(len(ctx.courses)), plan.enrolments_per_user):
                run_pk, lessons = ctx.courses[course]
                done = rng.randint(0, len(lessons))
                enrolled = ctx.ago(days_from=30, days_to=360)
                last = enrolled + timedelta(days=done * 2)
                complete = done == len(lessons)
                enrolments.append(
                    Enrollment(
                        user_id=user_pk,
                        run_id=run_pk,
                        status=EnrollmentStatus.COMPLETED if complete else EnrollmentStatus.ACTIVE,
                        progress=round(100 * done / len(lessons)),
                        score=Decimal(rng.randint(60, 100)) if complete else None,
                        last_lesson_id=lessons[done - 1] if done else None,
                        created_at=enrolled,
                        enrolled_at=enrolled,
                        completed_at=last if complete else None,
                        last_activity_at=last if done else None,
                    )
                )
                reached.append(lessons[:done])
        insert(Enrollment, enrolments, returning=True)
        timings["enrolments"] += clock() - started

        started = clock()
        progress, statements = [], []
        for enrolment, lessons in zip(enrolments, reached, strict=True):
            for n, lesson_pk in enumerate(lessons):
                moment = enrolment.enrolled_at + timedelta(days=n * 2, minutes=rng.randint(5, 90))
                score = rng.randint(5, 10)
                progress.append(
                    LessonProgress(
                        enrollment_id=enrolment.pk,
                        lesson_id=lesson_pk,
                        status=ProgressStatus.COMPLETE,
                        score=Decimal(score * 10),
                        time_spent=timedelta(minutes=rng.randint(4, 40)),
                        first_seen_at=moment - timedelta(minutes=20),
                        completed_at=moment,
                        updated_at=moment,
                    )
                )
                statements.append(
                    XAPIStatement(
                        user_id=enrolment.user_id,
                        content_id=content.pk,
                        lesson_id=lesson_pk,
                        verb=ANSWERED,
                        object_id=object_id,
                        completes=True,
                        score=Decimal(score * 10),
                        success=score >= 6,
                        statement={
                            "actor": {"objectType": "Agent", "name": "learner"},
                            "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
                            "object": {"id": object_id, "objectType": "Activity"},
                            "result": {
                                "score": {"min": 0, "max": 10, "raw": score, "scaled": score / 10},
                                "completion": True,
                                "success": score >= 6,
                                "duration": f"PT{rng.randint(1, 9)}M{rng.randint(0, 59)}S",
                            },
                        },
                        stored_at=moment,
                    )
                )
        insert(LessonProgress, progress)
        timings["lesson progress"] += clock() - started
        started = clock()
        insert(XAPIStatement, statements)
        timings["xAPI statements"] += clock() - started
        totals["enrolments"] += len(enrolments)
        totals["lesson progress"] += len(progress)
        totals["xAPI statements"] += len(statements)
    return totals
