"""Every page type renders within a fixed number of SQL queries, whatever the data size.

Each page is measured twice: with its collections at size S (news, partners, lessons,
learners, topics, posts, notifications…) and again at 10×S. The count must stay within
the page's budget at both sizes and must not grow between them, so an N+1 query (a
query per item shown) fails here before it reaches production.

The page cache is off (``PAGE_CACHE_SECONDS = 0``): the queries of the real render are
counted. A warm-up request first fills the per-process caches (site root paths,
image renditions), as on a server that has been running for a while.

Raise a budget only knowingly: a page that needs more queries should say why.
"""

import io
import re
from collections import Counter
from datetime import timedelta
from itertools import count

from django.core.files.images import ImageFile
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images.models import Image
from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest
from PIL import Image as PILImage

from cms.events.models import EventIndexPage, EventPage
from cms.municipalities.models import Municipality
from cms.news.models import NewsIndexPage, NewsPage
from cms.partners.models import Partner
from cms.programmes.models import ProgrammeIndexPage, ProgrammePage
from community.models import (
    Attachment,
    Category,
    Membership,
    MembershipStatus,
    Notification,
    PlatformIndexPage,
    PlatformPage,
    Post,
    Reaction,
    Role,
    Topic,
    TopicRead,
    Visibility,
)
from courses.certificates.codes import code_generate
from courses.models import (
    Certificate,
    CourseCategory,
    CourseIndexPage,
    CoursePage,
    CourseRun,
    CourseTeamMember,
    Enrollment,
    EnrollmentStatus,
    LessonPage,
    LessonProgress,
    ModulePage,
    ProgressStatus,
    TeamRole,
)

# Page type → the most SQL queries one view of it may make (at both sizes). Measured the
# same on SQLite and PostgreSQL; with Redis (sessions in the cache) signed-in pages cost one fewer.
# The warm-up view fills the route cache (cms/routing.py), so these are the counts of a
# page whose route is known: two above what was measured on SQLite when they were last
# set (the 10th session's figures: the route cache keeps the page itself, the unread badge
# is read from the cache, and each budget came down to its count plus two; in the 11th the
# forum topic's came down by one: a cached post's attachments are not read again).
BUDGET = {
    "home": 23,
    "news_index": 10,
    "news_article": 10,
    "event_index": 8,
    "event": 9,
    "programme": 10,
    "course_catalogue": 7,
    "course_anonymous": 7,
    "course_enrolled": 13,
    "lesson_enrolled": 7,
    "learner_dashboard": 8,
    "trainer_dashboard": 5,
    "run_learners": 10,
    "platform_index": 8,
    "platform_page": 7,
    "forum_topic_list": 11,
    "forum_topic": 8,
    "notifications": 8,
    "search": 7,
    "verify": 3,
}

S = 2  # the small size; the large one is 10 × S

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


class World:
    """Builds the data of one page type at a given size, adding only what is missing."""

    def __init__(self, django_user_model):
        self.users = django_user_model
        self.serial = count(1)
        self.locale = Locale.objects.get(language_code="ar")
        self.items: dict[str, list] = {}

    # --- small helpers ------------------------------------------------------------

    def n(self) -> int:
        return next(self.serial)

    def grow(self, key: str, size: int, make) -> list:
        """The list ``key`` holds ``size`` items; ``make(i)`` makes each missing one."""
        items = self.items.setdefault(key, [])
        while len(items) < size:
            items.append(make(len(items)))
        return items

    def user(self, key: str, **fields):
        from allauth.account.models import EmailAddress

        fields.setdefault("name_ar", f"مستخدم {key}")
        fields.setdefault("name_latin", f"User {key}")
        user = self.users.objects.create_user(email=f"{key}@budget.example", password="x", **fields)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    def client(self, user=None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def image(self, i: int) -> Image:
        buffer = io.BytesIO()
        PILImage.new("RGB", (640, 400), (40 * (i % 6), 90, 140)).save(buffer, "PNG")
        return Image.objects.create(
            title=f"صورة {i}", file=ImageFile(buffer, name=f"budget-{self.n()}.png")
        )

    def partner(self, i: int) -> Partner:
        return Partner.objects.create(name=f"شريك {self.n()}", kind="donor", locale=self.locale)

    def municipality(self, i: int) -> Municipality:
        k = self.n()
        return Municipality.objects.create(
            slug=f"budget-{k}",
            name_ar=f"بلدية {k}",
            name_en=f"M {k}",
            name_fr=f"M {k}",
            country="LY",
        )

    def index(self, model):
        return model.objects.get(locale=self.locale)

    def publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    # --- the public site --------------------------------------------------------------

    def programme(self) -> ProgrammePage:
        def make(i):
            return self.publish(
                self.index(ProgrammeIndexPage),
                ProgrammePage(
                    title=f"برنامج {self.n()}",
                    slug=f"budget-programme-{self.n()}",
                    lead="برنامج دعم البلديات",
                    start_date=timezone.localdate(),
                ),
            )

        return self.grow("programme", 1, make)[0]

    def news(self, size: int) -> list[NewsPage]:
        def make(i):
            page = NewsPage(
                title=f"خبر البلديات zubarqa رقم {self.n()}",
                slug=f"budget-news-{self.n()}",
                date=timezone.localdate() - timedelta(days=i),
                lead="خبر عن البلديات والتدريب",
                image=self.image(i),
                programme=self.programme(),
                body=[("paragraph", RichText("<p>نص الخبر</p>"))],
            )
            page.partners = [self.partner(i)]
            page.municipalities = [self.municipality(i)]
            page.tags.add(f"budget-tag-{i}")
            return self.publish(self.index(NewsIndexPage), page)

        return self.grow("news", size, make)

    def events(self, size: int) -> list[EventPage]:
        def make(i):
            start = timezone.now() + timedelta(days=(i + 1) * (1 if i % 2 else -1))
            page = EventPage(
                title=f"ورشة عمل {self.n()}",
                slug=f"budget-event-{self.n()}",
                kind="workshop",
                start=start,
                lead="ورشة للبلديات",
                image=self.image(i),
                programme=self.programme(),
            )
            page.partners = [self.partner(i)]
            page.organisers = [self.partner(i)]
            page.municipalities = [self.municipality(i)]
            return self.publish(self.index(EventIndexPage), page)

        return self.grow("events", size, make)

    def article(self, size: int) -> NewsPage:
        """One news article with ``size`` partners, municipalities, tags and body images."""
        page = self.grow("article", 1, lambda i: self.news(1)[0])[0]
        partners = self.grow("article_partners", size, self.partner)
        municipalities = self.grow("article_municipalities", size, self.municipality)
        images = self.grow("article_images", size, self.image)
        page = NewsPage.objects.get(pk=page.pk)
        page.partners = partners
        page.municipalities = municipalities
        page.tags.add(*[f"article-tag-{i}" for i in range(size)])
        page.body = [
            ("image", {"image": image, "caption": "", "attribution": ""}) for image in images
        ]
        page.save_revision().publish()
        return page

    def event(self, size: int) -> EventPage:
        page = self.grow("event", 1, lambda i: self.events(1)[0])[0]
        page = EventPage.objects.get(pk=page.pk)
        page.partners = self.grow("event_partners", size, self.partner)
        page.organisers = self.grow("event_organisers", size, self.partner)
        page.municipalities = self.grow("event_municipalities", size, self.municipality)
        page.agenda = [
            ("item", {"time": "09:00", "item": f"بند {i}", "speakers": ""}) for i in range(size)
        ]
        page.save_revision().publish()
        return page

    def programme_with(self, size: int) -> ProgrammePage:
        programme = ProgrammePage.objects.get(pk=self.programme().pk)
        programme.funders = self.grow("funders", size, self.partner)
        programme.implementers = self.grow("implementers", size, self.partner)
        programme.municipalities = self.grow("programme_municipalities", size, self.municipality)
        programme.save_revision().publish()
        self.news(size)  # each names the programme
        self.events(size)
        return programme

    # --- courses ------------------------------------------------------------------------

    def course(self, key: str = "course") -> CoursePage:
        def make(i):
            category = CourseCategory.objects.create(
                name=f"فئة {self.n()}", slug=f"budget-{self.n()}", locale=self.locale
            )
            return self.publish(
                self.index(CourseIndexPage),
                CoursePage(
                    title=f"دورة {self.n()}",
                    slug=f"budget-course-{self.n()}",
                    summary="ملخص الدورة",
                    category=category,
                    cover_image=self.image(i),
                ),
            )

        return self.grow(key, 1, make)[0]

    def courses(self, size: int) -> list[CoursePage]:
        return self.grow("courses", size, lambda i: self.course(f"catalogue-{i}"))

    def run(self, course: CoursePage) -> CourseRun:
        def make(i):
            now = timezone.now()
            run = CourseRun.objects.create(
                course=course,
                title=f"دفعة {self.n()}",
                enrolment_policy="open",
                enrolment_opens=now - timedelta(days=1),
                enrolment_closes=now + timedelta(days=30),
                capacity=500,
            )
            run.sessions.create(title="لقاء", starts=now + timedelta(days=3))
            return run

        return self.grow(f"run-{course.pk}", 1, make)[0]

    def outline(self, course: CoursePage, size: int) -> list[LessonPage]:
        """``size`` modules of two lessons each, and ``size`` runs and prerequisites."""

        def make_module(i):
            module = course.add_child(instance=ModulePage(title=f"وحدة {i}", slug=f"m{self.n()}"))
            return [
                module.add_child(
                    instance=LessonPage(
                        title=f"درس {i}-{j}",
                        slug=f"l{self.n()}",
                        body=[
                            ("paragraph", RichText("<p>نص الدرس</p>")),
                            ("reflection", {"prompt": "ما رأيك؟", "guidance": ""}),
                        ],
                    )
                )
                for j in range(2)
            ]

        modules = self.grow(f"modules-{course.pk}", size, make_module)
        self.grow(f"runs-{course.pk}", size, lambda i: self.extra_run(course))
        prerequisites = self.grow(f"pre-{course.pk}", size, lambda i: self.course(f"pre-{i}"))
        course = CoursePage.objects.get(pk=course.pk)
        course.prerequisites = prerequisites
        course.save_revision().publish()
        return [lesson for lessons in modules for lesson in lessons]

    def extra_run(self, course: CoursePage) -> CourseRun:
        now = timezone.now()
        return CourseRun.objects.create(
            course=course,
            title=f"دفعة {self.n()}",
            enrolment_policy="open",
            enrolment_closes=now + timedelta(days=30),
            starts=now + timedelta(days=7),
            capacity=40,
        )

    def enrol(self, user, run, status=EnrollmentStatus.ACTIVE, **fields) -> Enrollment:
        return Enrollment.objects.create(
            user=user, run=run, status=status, enrolled_at=timezone.now(), **fields
        )

    def progress(self, enrollment: Enrollment, lessons) -> None:
        done = {row.lesson_id for row in enrollment.lesson_progress.all()}
        LessonProgress.objects.bulk_create(
            LessonProgress(
                enrollment=enrollment,
                lesson=lesson,
                status=ProgressStatus.COMPLETE,
                completed_at=timezone.now(),
            )
            for lesson in lessons
            if lesson.pk not in done
        )

    def certificate(self, user, run, enrollment=None) -> Certificate:
        k = self.n()
        return Certificate.objects.create(
            code=code_generate(),
            user=user,
            run=run,
            enrollment=enrollment,
            name_ar=user.name_ar,
            course_title=run.course.title,
            hours=3,
            completed_on=timezone.localdate(),
            status_index=100000 + k,
        )

    # --- community ------------------------------------------------------------------------

    def platform(self, key: str = "platform", **fields) -> PlatformPage:
        def make(i):
            fields.setdefault("visibility", Visibility.PUBLIC)
            return self.publish(
                self.index(PlatformIndexPage),
                PlatformPage(
                    title=f"منصة {self.n()}",
                    slug=f"budget-platform-{self.n()}",
                    purpose="تبادل الخبرات",
                    **fields,
                ),
            )

        return self.grow(key, 1, make)[0]

    def member(self, platform, user, role=Role.MEMBER) -> Membership:
        membership, _created = Membership.objects.get_or_create(
            platform=platform,
            user=user,
            defaults={
                "role": role,
                "status": MembershipStatus.ACTIVE,
                "joined_at": timezone.now(),
                "approved_posts": 10,
            },
        )
        return membership

    def topics(self, platform, size: int, reader=None) -> list[Topic]:
        def make(i):
            author = self.user(f"author-{self.n()}")
            self.member(platform, author)
            category = Category.objects.create(
                platform=platform, name=f"تصنيف {self.n()}", slug=f"c{self.n()}"
            )
            topic = Topic.objects.create(
                platform=platform,
                author=author,
                last_poster=author,
                category=category,
                title=f"موضوع للنقاش {i}",
                pinned=i == 0,
            )
            Post.objects.create(topic=topic, author=author, source="نص", html="<p>نص</p>")
            if reader is not None and i % 2:
                TopicRead.objects.create(topic=topic, user=reader, read_at=timezone.now())
            return topic

        return self.grow(f"topics-{platform.pk}", size, make)

    def posts(self, topic, size: int, reader) -> list[Post]:
        def make(i):
            # Half are the reader's own (editable by them), half other members'.
            author = reader if i % 2 else self.user(f"poster-{self.n()}")
            self.member(topic.platform, author)
            post = Post.objects.create(
                topic=topic,
                author=author,
                source=f"رد {i}",
                html=f"<p>رد {i}</p>",
                edited_at=timezone.now(),
            )
            Attachment.objects.create(
                post=post,
                file=f"x/{self.n()}.pdf",
                name="ملف.pdf",
                size=10,
                content_type="application/pdf",
            )
            if author != reader:
                Reaction.objects.create(post=post, user=reader, kind="like")
            post.revisions.create(source="نص قديم", edited_by=author)
            # As post_reply keeps it: the topic's pages are numbered from it.
            Topic.objects.filter(pk=topic.pk).update(reply_count=F("reply_count") + 1)
            return post

        return self.grow(f"posts-{topic.pk}", size, make)


@pytest.fixture
def world(demo_site, django_user_model):
    return World(django_user_model)


# --- one scenario per page type: (world, size) → (client, url) --------------------------


def home(world, size):
    world.news(size)
    world.events(size)
    return world.client(), "/ar/"


def news_index(world, size):
    world.news(size)
    return world.client(), "/ar/news/"


def news_article(world, size):
    return world.client(), world.article(size).url


def event_index(world, size):
    world.events(size)
    return world.client(), "/ar/events/"


def event(world, size):
    return world.client(), world.event(size).url


def programme(world, size):
    return world.client(), world.programme_with(size).url


def course_catalogue(world, size):
    world.courses(size)
    return world.client(), "/ar/courses/"


def course_anonymous(world, size):
    course = world.course()
    world.outline(course, size)
    return world.client(), course.url


def _enrolled_learner(world, size):
    course = world.course()
    lessons = world.outline(course, size)
    learner = world.grow("learner", 1, lambda i: world.user("learner"))[0]
    run = world.run(course)
    enrollment = world.grow("enrollment", 1, lambda i: world.enrol(learner, run))[0]
    world.progress(enrollment, lessons[: size // 2 * 2])
    return course, lessons, learner


def course_enrolled(world, size):
    course, _lessons, learner = _enrolled_learner(world, size)
    return world.client(learner), course.url


def lesson_enrolled(world, size):
    _course, lessons, learner = _enrolled_learner(world, size)
    return world.client(learner), lessons[0].url


def learner_dashboard(world, size):
    learner = world.grow("learner", 1, lambda i: world.user("learner"))[0]

    def make(i):
        course = world.course(f"dashboard-{i}")
        lessons = world.outline(course, 1)
        run = world.run(course)
        status = EnrollmentStatus.COMPLETED if i % 2 else EnrollmentStatus.ACTIVE
        enrollment = world.enrol(learner, run, status=status, last_lesson=lessons[0])
        world.progress(enrollment, lessons[:1])
        if status == EnrollmentStatus.COMPLETED:
            world.certificate(learner, run, enrollment)
        return enrollment

    world.grow("dashboard", size, make)
    return world.client(learner), "/ar/my/"


def _trainer(world):
    return world.grow("trainer", 1, lambda i: world.user("trainer"))[0]


def trainer_dashboard(world, size):
    trainer = _trainer(world)

    def make(i):
        course = world.course(f"taught-{i}")
        CourseTeamMember.objects.create(course=course, user=trainer, role=TeamRole.LEAD)
        run = world.run(course)
        world.enrol(world.user(f"taught-learner-{world.n()}"), run)
        return run

    world.grow("taught", size, make)
    return world.client(trainer), "/ar/my/teaching/"


def run_learners(world, size):
    trainer = _trainer(world)
    course = world.course()
    world.grow(
        "team",
        1,
        lambda i: CourseTeamMember.objects.create(course=course, user=trainer, role=TeamRole.LEAD),
    )
    run = world.run(course)
    lessons = world.outline(course, 1)
    municipality = world.municipality(0)

    def make(i):
        learner = world.user(f"run-learner-{world.n()}", municipality=municipality)
        status = [EnrollmentStatus.ACTIVE, EnrollmentStatus.PENDING, EnrollmentStatus.COMPLETED][
            i % 3
        ]
        enrollment = world.enrol(learner, run, status=status, last_lesson=lessons[0])
        if status == EnrollmentStatus.COMPLETED:
            world.certificate(learner, run, enrollment)
        return enrollment

    world.grow("run_learners", size, make)
    return world.client(trainer), f"/ar/my/teaching/runs/{run.pk}/"


def platform_index(world, size):
    """Seen by a member of every platform listed (each card shows the membership)."""
    member = world.grow("member", 1, lambda i: world.user("member"))[0]
    platforms = world.grow("platforms", size, lambda i: world.platform(f"listed-{i}"))
    for platform in platforms:
        world.member(platform, member)
    return world.client(member), PlatformIndexPage.objects.get(locale=world.locale).url


def platform_page(world, size):
    platform = world.platform()
    world.topics(platform, size)
    coordinators = world.grow(
        "coordinators", size, lambda i: world.user(f"coordinator-{world.n()}")
    )
    for user in coordinators:
        world.member(platform, user, role=Role.COORDINATOR)
    platform = PlatformPage.objects.get(pk=platform.pk)
    platform.events = world.events(size)
    platform.save_revision().publish()
    return world.client(), platform.url


def forum_topic_list(world, size):
    platform = world.platform("closed", visibility=Visibility.MEMBERS)
    member = world.grow("member", 1, lambda i: world.user("member"))[0]
    world.member(platform, member)
    world.topics(platform, size, reader=member)
    return world.client(member), platform.url


def forum_topic(world, size):
    platform = world.platform("closed", visibility=Visibility.MEMBERS)
    member = world.grow("member", 1, lambda i: world.user("member"))[0]
    world.member(platform, member)
    topic = world.topics(platform, 1)[0]
    world.posts(topic, size, reader=member)
    return world.client(member), platform.url + platform.reverse_subpage("topic", args=[topic.pk])


def notifications(world, size):
    member = world.grow("member", 1, lambda i: world.user("member"))[0]

    def make(i):
        platform = world.platform(f"notifying-{i}")
        world.member(platform, member)
        topic = world.topics(platform, 1)[0]
        post = topic.posts.first()
        return Notification.objects.create(user=member, kind="reply", post=post)

    world.grow("notifications", size, make)
    return world.client(member), "/ar/community/notifications/"


def search(world, size):
    world.news(size)
    return world.client(), "/ar/search/?q=zubarqa"


def verify(world, size):
    run = world.run(world.course())
    certificates = world.grow(
        "certificates", size, lambda i: world.certificate(world.user(f"certified-{i}"), run)
    )
    return world.client(), f"/verify/{certificates[0].code}/"


SCENARIOS = {
    "home": home,
    "news_index": news_index,
    "news_article": news_article,
    "event_index": event_index,
    "event": event,
    "programme": programme,
    "course_catalogue": course_catalogue,
    "course_anonymous": course_anonymous,
    "course_enrolled": course_enrolled,
    "lesson_enrolled": lesson_enrolled,
    "learner_dashboard": learner_dashboard,
    "trainer_dashboard": trainer_dashboard,
    "run_learners": run_learners,
    "platform_index": platform_index,
    "platform_page": platform_page,
    "forum_topic_list": forum_topic_list,
    "forum_topic": forum_topic,
    "notifications": notifications,
    "search": search,
    "verify": verify,
}


def _shape(sql: str) -> str:
    """The query with its values and IN lists blanked, to count queries of one kind."""
    sql = re.sub(r"\d+|'[^']*'", "?", sql)
    return re.sub(r"IN \([?, ]*\)", "IN (…)", sql)[:200]


def queries_of(client, url) -> list[str]:
    client.get(url)  # warm-up: renditions, site root paths, first-visit writes
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries.captured_queries]


def test_every_page_type_has_a_budget():
    assert set(SCENARIOS) == set(BUDGET)


@pytest.mark.parametrize("page_type", list(SCENARIOS))
def test_query_count_is_within_budget_and_flat(world, page_type):
    client, url = SCENARIOS[page_type](world, S)
    small = queries_of(client, url)
    client, url = SCENARIOS[page_type](world, 10 * S)
    large = queries_of(client, url)
    grown = Counter(map(_shape, large)) - Counter(map(_shape, small))
    extra = "\n".join(f"+{times} × {sql}" for sql, times in grown.most_common())
    print(f"QUERY-BUDGET {page_type}: {len(small)} → {len(large)}")  # shown with -s
    assert len(small) <= BUDGET[page_type], f"{len(small)} queries, budget {BUDGET[page_type]}"
    assert len(large) == len(small), f"{len(small)} → {len(large)} queries; last ones:\n{extra}"
