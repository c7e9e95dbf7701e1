"""Synthetic data at scale (``manage.py generate_scale_data --scale N``).

At scale 1: 20,000 users across the seeded municipalities, 200 courses of ten
lessons with a run each, 200,000 enrolments with about a million lesson-progress
rows and as many xAPI statements, 20,000 forum topics with 200,000 posts on the
five exchange platforms, and 2,000 news pages. Scale N makes N times as much
(never less than one course, one topic and one news page, and 20 users).

Generated data is marked so ``--reset`` can take it away again: users' e-mail
addresses end in ``@scale.markaz.invalid`` and generated pages' slugs start with
``scale-``.
"""

import random
import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from cms import demo
from community.models import Post, Topic
from courses.models import (
    Certificate,
    CoursePage,
    CourseRun,
    Enrollment,
    H5PContent,
    LessonProgress,
    XAPIStatement,
)

from .bulk import delete_pages, delete_rows, index_pages
from .courses import build_courses, build_learning
from .forums import build_forums, build_news
from .plan import DOMAIN, H5P_PREFIX, PREFIX, Context, Plan, build_users, site_skeleton

__all__ = ["DOMAIN", "PREFIX", "Plan", "exists", "generate", "reset"]

SEED = 2027
Report = Callable[[str, dict[str, int], float], None]


def scale_users():
    return get_user_model().objects.filter(email__endswith=f"@{DOMAIN}")


def exists() -> bool:
    return scale_users().exists() or Page.objects.filter(slug__startswith=PREFIX).exists()


def _phase(name: str, report: Report, work: Callable[[], dict[str, int]]) -> None:
    started = time.perf_counter()
    with transaction.atomic():
        counts = work()
    report(name, counts, time.perf_counter() - started)


def reset(report: Report) -> None:
    """Delete everything a previous run generated, biggest tables first."""

    def work() -> dict[str, int]:
        users = scale_users()
        courses = CoursePage.objects.filter(slug__startswith=PREFIX)
        runs = CourseRun.objects.filter(course__in=courses)
        topics = Topic.objects.filter(author__in=users)
        counts = {
            "xAPI statements": XAPIStatement.objects.filter(user__in=users).delete()[0],
            "lesson progress": LessonProgress.objects.filter(
                Q(enrollment__user__in=users) | Q(enrollment__run__in=runs)
            ).delete()[0],
        }
        delete_rows(Certificate.objects.filter(Q(run__in=runs) | Q(user__in=users)))
        counts["enrolments"] = delete_rows(
            Enrollment.objects.filter(Q(user__in=users) | Q(run__in=runs))
        )
        delete_rows(runs)
        posts = Post.objects.filter(Q(topic__in=topics) | Q(author__in=users))
        counts["posts"] = delete_rows(posts)
        counts["topics"] = delete_rows(topics)
        Group.objects.filter(
            name__in=[
                f"course:{key}:{kind}"
                for key in courses.values_list("translation_key", flat=True)
                for kind in ("team", "leads")
            ]
        ).delete()
        counts["pages"] = delete_pages(Page.objects.filter(slug__startswith=PREFIX))
        H5PContent.objects.filter(prefix__startswith=H5P_PREFIX).delete()
        counts["users"] = delete_rows(users)
        return counts

    _phase("reset", report, work)


def generate(*, scale: float, password: str, report: Report, index: bool = True) -> Plan:
    plan = Plan.for_scale(scale)
    locales = demo.ensure_locales()
    ctx = Context(
        plan=plan,
        password=password,
        rng=random.Random(SEED),  # noqa: S311  (synthetic data, reproducible on purpose)
        now=timezone.now(),
        locale=locales["ar"],
        home=demo.ensure_home_pages(locales),
    )
    sections: dict = {}

    def site() -> dict[str, int]:
        sections.update(site_skeleton(ctx))  # the indexes the generated pages go under
        return {}

    _phase("site", report, site)
    _phase("users", report, lambda: build_users(ctx))
    _phase("courses", report, lambda: build_courses(ctx, sections["courses"]))

    timings = dict.fromkeys(("enrolments", "lesson progress", "xAPI statements"), 0.0)
    started = time.perf_counter()
    with transaction.atomic():
        counts = build_learning(ctx, timings, time.perf_counter)
    for name, seconds in timings.items():
        report(name, {name: counts[name]}, seconds)
    report("learning (all three)", {}, time.perf_counter() - started)

    _phase("forums", report, lambda: build_forums(ctx, sections["platforms"]))
    _phase("news", report, lambda: build_news(ctx, sections["news"]))
    if index:
        pages = ctx.course_pages + ctx.news_pages

        def search_index() -> dict[str, int]:
            index_pages(pages)
            return {"pages indexed": len(pages)}

        _phase("search index", report, search_index)
    return plan
