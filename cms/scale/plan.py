"""The plan of the scale data, the context its builders share, and the people.

Builders write one area each with :func:`cms.scale.bulk.insert` and return the row
counts they wrote. They share a :class:`Context` (the plan, a seeded random
generator, and what earlier phases made), so the same scale gives the same data.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from wagtail.models import Locale, Page

from allauth.account.models import EmailAddress

from cms import demo
from cms.municipalities.models import Municipality
from cms.news.models import NewsIndexPage
from community.models import PlatformIndexPage
from courses.models import CourseIndexPage
from courses.team import trainers_group_setup

from . import text
from .bulk import insert

DOMAIN = "scale.markaz.invalid"
PREFIX = "scale-"
H5P_PREFIX = "scale/"


@dataclass(frozen=True)
class Plan:
    """How much of everything a scale makes; at scale 1 about 20,000 users."""

    scale: float
    users: int
    trainers: int
    courses: int
    enrolments_per_user: int
    topics: int
    news: int
    modules_per_course: int = 2
    lessons_per_module: int = 5
    posts_per_topic: int = 10
    platforms: int = 5

    @classmethod
    def for_scale(cls, scale: float) -> "Plan":
        def count(base: int, least: int = 1) -> int:
            return max(least, round(base * scale))

        users = count(20_000, least=20)
        courses = count(200)
        return cls(
            scale=scale,
            users=users,
            trainers=max(1, users // 100),
            courses=courses,
            enrolments_per_user=min(10, courses),
            topics=count(20_000),
            news=count(2_000),
        )

    @property
    def lessons_per_course(self) -> int:
        return self.modules_per_course * self.lessons_per_module


@dataclass
class Context:
    plan: Plan
    password: str
    rng: random.Random
    now: datetime
    locale: Locale
    home: Page
    users: list = field(default_factory=list)  # (pk, email, name_latin) of every scale user
    courses: list = field(default_factory=list)  # (run pk, [lesson pks in order]) per course
    course_pages: list = field(default_factory=list)  # courses, modules and lessons
    news_pages: list = field(default_factory=list)

    def ago(self, *, days_from: int, days_to: int) -> datetime:
        return self.now - timedelta(
            days=self.rng.randint(days_from, days_to), minutes=self.rng.randint(0, 1439)
        )

    def sentences(self, count: int) -> str:
        return " ".join(self.rng.sample(text.SENTENCES, count))


def site_skeleton(ctx: Context) -> dict[str, Page]:
    """The Arabic course catalogue, news index and platform index (the demo's, or new)."""
    trainers_group_setup()
    found = {}
    for key, model, slug, title in (
        ("courses", CourseIndexPage, "courses", "الدورات التدريبية"),
        ("news", NewsIndexPage, "news", "الأخبار"),
        ("platforms", PlatformIndexPage, "platforms", "منصات تبادل الخبرات"),
    ):
        page = model.objects.filter(locale=ctx.locale).first()
        found[key] = page or demo.child(ctx.home, model, slug, title=title)
    trainers_group_setup()  # gives trainers "add" on a catalogue created just now
    return found


# --- people --------------------------------------------------------------------------


def build_users(ctx: Context) -> dict[str, int]:
    """Learners and trainers across the seeded municipalities, all able to sign in."""
    User = get_user_model()
    rng = ctx.rng
    municipalities = list(Municipality.objects.order_by("pk").values_list("pk", flat=True))
    password = make_password(ctx.password)  # one hash for everyone: hashing is the slow part
    languages = ["ar"] * 17 + ["en", "fr", "fr"]
    users = []
    for number in range(ctx.plan.users):
        gender = rng.choice(("female", "male"))
        first_ar, first_latin = rng.choice(
            text.FEMALE_NAMES if gender == "female" else text.MALE_NAMES
        )
        family_ar, family_latin = rng.choice(text.FAMILY_NAMES)
        users.append(
            User(
                email=f"user{number:06d}@{DOMAIN}",
                password=password,
                name_ar=f"{first_ar} {family_ar}",
                name_latin=f"{first_latin} {family_latin}",
                first_name=first_latin,
                last_name=family_latin,
                handle=f"{first_latin.lower()}.s{number}",
                municipality_id=rng.choice(municipalities) if municipalities else None,
                position=rng.choice(text.POSITIONS),
                organisation_type="municipality",
                gender=gender,
                preferred_language=rng.choice(languages),
                is_active=True,
                date_joined=ctx.ago(days_from=400, days_to=1200),
            )
        )
    insert(User, users, returning=True)
    # allauth lets only verified addresses sign in (ACCOUNT_EMAIL_VERIFICATION = mandatory).
    insert(
        EmailAddress,
        [EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True) for u in users],
    )
    ctx.users = [(u.pk, u.email, u.name_latin) for u in users]
    return {"users": len(users), "e-mail addresses": len(users)}
