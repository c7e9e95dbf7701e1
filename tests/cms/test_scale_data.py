"""`generate_scale_data`: synthetic data that behaves like the real thing, at any scale."""

from http import HTTPStatus
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest
from allauth.account.models import EmailAddress

from cms.news.models import NewsPage
from cms.scale import DOMAIN, PREFIX, Plan
from community.models import Membership, Post, Topic
from courses.models import (
    CoursePage,
    CourseRun,
    Enrollment,
    LessonPage,
    LessonProgress,
    ModulePage,
    XAPIStatement,
)

pytestmark = pytest.mark.django_db

SCALE = "0.001"


def generate(*extra: str) -> str:
    out = StringIO()
    call_command("generate_scale_data", "--scale", SCALE, *extra, stdout=out)
    return out.getvalue()


@pytest.fixture
def generated():
    return generate()


def scale_counts() -> dict[str, int]:
    users = get_user_model().objects.filter(email__endswith=f"@{DOMAIN}")
    enrolments = Enrollment.objects.filter(user__in=users)
    return {
        "users": users.count(),
        "courses": CoursePage.objects.filter(slug__startswith=PREFIX).count(),
        "modules": ModulePage.objects.filter(slug__startswith=PREFIX).count(),
        "lessons": LessonPage.objects.filter(slug__startswith=PREFIX).count(),
        "runs": CourseRun.objects.filter(course__slug__startswith=PREFIX).count(),
        "enrolments": enrolments.count(),
        "progress": LessonProgress.objects.filter(enrollment__in=enrolments).count(),
        "statements": XAPIStatement.objects.filter(user__in=users).count(),
        "topics": Topic.objects.filter(author__in=users).count(),
        "posts": Post.objects.filter(author__in=users).count(),
        "news": NewsPage.objects.filter(slug__startswith=PREFIX).count(),
        "pages": Page.objects.count(),
    }


def test_the_plan_is_twenty_thousand_users_at_scale_one_and_a_tenth_at_a_tenth():
    full, tenth = Plan.for_scale(1), Plan.for_scale(0.1)
    assert (full.users, full.courses, full.lessons_per_course, full.news) == (20_000, 200, 10, 2000)
    assert full.users * full.enrolments_per_user == 200_000
    assert full.topics * full.posts_per_topic == 200_000
    assert (tenth.users, tenth.courses, tenth.topics, tenth.news) == (2000, 20, 2000, 200)
    assert tenth.users * tenth.enrolments_per_user == 20_000


def test_counts_at_a_tiny_scale(generated):
    counts = scale_counts()
    # 0.001 of 20,000 users; one course (never less) of 2 modules × 5 lessons; 20 topics.
    assert {key: counts[key] for key in ("users", "courses", "modules", "lessons", "runs")} == {
        "users": 20,
        "courses": 1,
        "modules": 2,
        "lessons": 10,
        "runs": 1,
    }
    assert counts["enrolments"] == 20  # each user in every course, up to ten
    assert (counts["topics"], counts["posts"], counts["news"]) == (20, 200, 2)
    # A learner who reached lesson k has k completed lessons, each with its xAPI statement.
    enrolments = Enrollment.objects.filter(user__email__endswith=f"@{DOMAIN}")
    assert counts["progress"] == sum(e.progress // 10 for e in enrolments)
    assert counts["statements"] == counts["progress"] > 0
    for enrolment in enrolments:
        assert (enrolment.status == "completed") == (enrolment.progress == 100)
    # Everyone can sign in: a password and a verified address.
    user = get_user_model().objects.get(email=f"user000003@{DOMAIN}")
    assert user.check_password("markaz-scale")
    assert EmailAddress.objects.get(user=user).verified
    assert user.name_ar and user.name_latin and user.municipality_id and user.position
    for phase in ("users", "courses", "enrolments", "lesson progress", "forums", "news"):
        assert phase in generated
    assert "generated in" in generated


def test_generated_pages_answer_at_their_urls(generated, client):
    course = CoursePage.objects.get(slug__startswith=PREFIX)
    news = NewsPage.objects.filter(slug__startswith=PREFIX).first()
    for page in (course, news):
        assert page.live and page.locale.language_code == "ar"
        response = client.get(page.url)
        assert response.status_code == HTTPStatus.OK, page.url
        assert page.title in response.content.decode()
    # The course overview lists its modules' lessons.
    lessons = list(course.lessons())
    assert len(lessons) == 10
    assert lessons[0].title in client.get(course.url).content.decode()

    learner = Enrollment.objects.filter(run__course=course).first().user
    client.force_login(learner)
    response = client.get(lessons[-1].url)
    assert response.status_code == HTTPStatus.OK
    assert lessons[-1].title in response.content.decode()


def test_generated_news_is_found_by_site_search(generated, client):
    news = NewsPage.objects.filter(slug__startswith=PREFIX).first()
    word = news.title.split()[-1]
    response = client.get("/ar/search/", {"q": word})
    assert news.title in response.content.decode()


def test_a_member_reads_a_generated_topic_with_its_posts(generated, client):
    topic = Topic.objects.filter(author__email__endswith=f"@{DOMAIN}").first()
    member = Membership.objects.filter(platform=topic.platform, status="active").first().user
    client.force_login(member)
    platform = topic.platform.specific
    response = client.get(platform.url + platform.reverse_subpage("topic", args=[topic.pk]))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert topic.title in html
    posts = list(topic.posts.all())
    assert len(posts) == 10
    for post in posts:
        assert f'id="post-{post.pk}"' in html
    assert posts[-1].html in html  # the sanitised HTML stored with the post


def test_a_learner_sees_their_enrolments_on_the_dashboard(generated, client):
    learner = get_user_model().objects.get(email=f"user000005@{DOMAIN}")
    client.force_login(learner)
    with translation.override("ar"):
        response = client.get(reverse("courses:dashboard"))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    enrolments = Enrollment.objects.filter(user=learner).select_related("run__course")
    assert enrolments
    for enrolment in enrolments:
        assert enrolment.run.course.title in html


def test_a_second_run_refuses_and_reset_gives_the_same_data(generated):
    counts = scale_counts()
    with pytest.raises(CommandError, match="--reset"):
        generate()
    assert scale_counts() == counts
    output = generate("--reset")
    assert "reset" in output
    assert scale_counts() == counts
    # The reset deleted whole subtrees in bulk: the page tree is still consistent.
    assert Page.find_problems() == ([], [], [], [], [])
