"""A lesson reads its course, module and outline from the cache, and publishing shows at once.

Signed-in learners are never served from the page cache, so a lesson's view used to read
the module, the course and the outline (four page queries) on every request. They are
kept under the page cache's generation now (``courses.selectors.course_structure``): these
tests check that what an editor publishes reaches the learner's next view.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from wagtail.models import Site
from wagtail.rich_text import RichText

import pytest

from courses import services
from courses.models import LessonPage

from .conftest import make_user

pytestmark = pytest.mark.django_db

OK, FORBIDDEN = 200, 403


@pytest.fixture
def reader(client, make_course, make_run):
    course = make_course(slug="structure")
    learner = make_user("structure@example.ly")
    enrollment = services.enrollment_request(user=learner, run=make_run(course))
    client.force_login(learner)
    return course, enrollment


def outline_titles(response) -> list[str]:
    html = response.content.decode()
    start = html.index('class="outline')
    return [
        lesson.title for lesson in LessonPage.objects.all() if escape(lesson.title) in html[start:]
    ]


def test_a_lesson_published_later_appears_in_the_outline_of_the_next_view(client, reader):
    course, _enrollment = reader
    first = course.test_lessons[0]
    assert client.get(first.url).status_code == OK  # fills the cache
    module = course.test_lessons[2].get_parent()
    added = module.add_child(
        instance=LessonPage(
            title="درس أضيف لاحقاً",
            slug="added-later",
            live=False,
            body=[("paragraph", RichText("<p>جديد</p>"))],
        )
    )
    assert "درس أضيف لاحقاً" not in outline_titles(client.get(first.url))
    added.save_revision().publish()
    assert "درس أضيف لاحقاً" in outline_titles(client.get(first.url))


def test_an_unpublished_lesson_leaves_the_outline_and_a_renamed_course_shows_its_title(
    client, reader
):
    course, _enrollment = reader
    first, optional, _last = course.test_lessons
    assert optional.title in outline_titles(client.get(first.url))
    optional.unpublish()
    course.title = "دورة بعنوان جديد"
    course.save_revision().publish()
    response = client.get(first.url)
    assert optional.title not in outline_titles(response)
    assert "دورة بعنوان جديد" in response.content.decode()


def test_making_a_course_sequential_locks_its_later_lessons_at_once(client, reader):
    course, _enrollment = reader
    first, _optional, last = course.test_lessons
    assert client.get(last.url).status_code == OK
    course.sequential = True
    course.save_revision().publish()
    assert client.get(last.url).status_code == FORBIDDEN
    assert client.get(first.url).status_code == OK


def test_a_warm_lesson_view_reads_no_page_at_all(client, reader):
    course, _enrollment = reader
    first, optional, _last = course.test_lessons
    client.get(first.url)
    client.get(optional.url)  # its route (cms/routing.py), remembered with the page itself
    with CaptureQueriesContext(connection) as queries:
        response = client.get(optional.url)
    assert response.status_code == OK
    assert optional.title in response.content.decode()
    page_reads = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "wagtailcore_page"."id"')  # a page instance built
    ]
    assert page_reads == []  # course, module, outline and the lesson all from the cache


def test_a_remembered_outline_without_the_lesson_is_read_again_for_its_neighbours(client, reader):
    """An outline in the shared cache whose pages are not this database's (a course that
    stood at the same path before, another site on the same cache) must not send the
    learner from a lesson to itself: it is read again from the database."""
    import re

    from django.core.cache import cache

    from cms.cache import generation

    course, _enrollment = reader
    first, optional, last = course.test_lessons
    assert client.get(first.url).status_code == OK  # fills the cache
    site = Site.objects.get(is_default_site=True)
    key = f"course-structure:{generation()}:{site.pk}:{course.path}"
    course_page, outline = cache.get(key)
    for _module, lessons in outline:
        for lesson in lessons:
            lesson.pk += 10_000  # the same paths and titles, other pages
    cache.set(key, (course_page, outline))

    html = client.get(optional.url).content.decode()
    assert re.search(r'rel="prev" href="([^"]+)"', html)[1] == first.url
    assert re.search(r'rel="next" href="([^"]+)"', html)[1] == last.url
    # The outline read again is remembered: the next view reads it from the cache.
    assert [lesson.pk for _m, lessons in cache.get(key)[1] for lesson in lessons] == [
        first.pk,
        optional.pk,
        last.pk,
    ]
