"""A long topic's pages: numbered from the topic's own counts, every post once, in order.

The topic page does not count a topic's posts on every view (that cost grew with the
topic); it numbers its pages from ``reply_count``, which the services keep, and the
reader's own replies waiting for approval. These tests walk every page as each kind of
reader and compare with the posts that reader may see, after replies, hiding, approval
and reports.
"""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from community import services
from community.models import Post, Topic
from community.views import POSTS_PER_PAGE

from .conftest import add_member, url

LONG = 2 * POSTS_PER_PAGE + 5  # replies added to the cast's topic: three pages and more


def _seen(client, address) -> tuple[list[int], int]:
    """The post ids on every page of a topic, in reading order, and the number of pages."""
    first = client.get(address)
    pages = first.context["posts"].paginator.num_pages
    seen = []
    for number in range(1, pages + 1):
        html = client.get(address, {"page": number}).content.decode()
        seen += [int(pk) for pk in re.findall(r'<article[^>]* id="post-(\d+)"', html)]
    return seen, pages


def _visible(topic, reader=None, moderator=False) -> list[int]:
    posts = Post.objects.filter(topic=topic).order_by("created_at", "pk")
    return [
        post.pk
        for post in posts
        if moderator
        or (post.approved and post.hidden_at is None)
        or (not post.approved and post.hidden_at is None and post.author == reader)
    ]


@pytest.fixture
def long_topic(cast):
    """The cast's topic with ``LONG`` more replies written earlier, one a minute, counted
    as the services count them."""
    topic, start = cast["topic"], timezone.now() - timedelta(days=1)
    Post.objects.filter(topic=topic).update(created_at=start)  # the opening post and reply
    Post.objects.bulk_create(
        Post(
            topic=topic,
            author=cast["author"] if n % 2 else cast["member"],
            source=f"رد {n}",
            html=f"<p>رد {n}</p>",
            created_at=start + timedelta(minutes=n + 1),
        )
        for n in range(LONG)
    )
    Topic.objects.filter(pk=topic.pk).update(reply_count=1 + LONG)
    return topic


def test_every_reader_meets_every_post_they_may_see_once_and_in_order(client, cast, long_topic):
    platform, moderator, member = cast["platform"], cast["moderator"], cast["member"]
    address = url(platform, "topic", long_topic.pk)
    posts = list(Post.objects.filter(topic=long_topic).order_by("created_at", "pk"))
    # A reply hidden by a moderator, one hidden by reports, one of the member's waiting.
    services.post_set_hidden(post=posts[5], by=moderator, hidden=True, reason="خارج الموضوع")
    Post.objects.filter(pk=posts[30].pk).update(approved=False)
    posts[30].author = member
    posts[30].save(update_fields=["author"])
    for key in ("r1", "r2", "r3")[: services.FLAGS_TO_HIDE]:
        services.flag_create(post=posts[12], reporter=_person(cast, key), reason="spam")
    services.post_delete(post=posts[20], by=posts[20].author)  # a tombstone keeps its place

    long_topic.refresh_from_db()
    assert long_topic.reply_count == len(posts) - 1 - 3  # hidden, reported, waiting

    for reader, moderating in ((member, False), (cast["author"], False), (moderator, True)):
        client.force_login(reader)
        seen, pages = _seen(client, address)
        expected = _visible(long_topic, reader, moderating)
        assert seen == expected, reader
        assert pages == -(-len(expected) // POSTS_PER_PAGE)
    assert posts[30].pk in _seen(client, address)[0]  # the moderator sees it waiting
    client.force_login(cast["author"])
    assert posts[30].pk not in _seen(client, address)[0]  # not the member's: not shown


def _person(cast, key, established=True):
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.create_user(email=f"{key}@example.ps", password="x")
    add_member(cast["platform"], person, established=established)
    return person


def test_the_pages_follow_replies_and_approval(client, cast, long_topic):
    """A reply moves the last page on; an approved reply joins everyone's count."""
    platform, member = cast["platform"], cast["member"]
    address = url(platform, "topic", long_topic.pk)
    client.force_login(member)
    before, pages = _seen(client, address)
    assert len(before) == LONG + 2

    # Replies until the topic spills onto a new page; each lands where its author is sent.
    while True:
        response = client.post(address, {"body": f"رد رقم {len(before)}"})
        newest = Post.objects.filter(topic=long_topic).latest("created_at", "pk")
        number = len(before) // POSTS_PER_PAGE + 1
        assert response.url == f"{address}?page={number}#post-{newest.pk}"
        assert f'id="post-{newest.pk}"' in client.get(address, {"page": number}).content.decode()
        before.append(newest.pk)
        if number > pages:
            break
    assert _seen(client, address) == (before, pages + 1)

    # A newcomer's reply on a platform that approves first: theirs alone until approved.
    platform.post_approval = True
    platform.save_revision().publish()
    newcomer = _person(cast, "newcomer", established=False)
    waiting = services.post_reply(topic=long_topic, author=newcomer, body="أول مشاركة لي")
    assert not waiting.approved
    client.force_login(newcomer)
    assert _seen(client, address)[0] == [*before, waiting.pk]
    client.force_login(member)
    assert _seen(client, address)[0] == before
    services.post_approve(post=waiting, by=cast["moderator"])
    assert _seen(client, address)[0] == [*before, waiting.pk]


def test_a_topic_page_does_not_count_the_topics_posts(client, cast, long_topic):
    """The count that grew with the topic is gone, on the first page and the last alike."""
    client.force_login(cast["member"])
    address = url(cast["platform"], "topic", long_topic.pk)
    for page in ("1", "last"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address, {"page": page}).status_code == 200
        counted = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(")]
        assert not [sql for sql in counted if 'FROM "community_post"' in sql], counted


def test_a_long_topic_links_its_first_and_last_pages(client, cast, long_topic):
    from bs4 import BeautifulSoup

    client.force_login(cast["member"])
    address = url(cast["platform"], "topic", long_topic.pk)

    def links(page) -> dict:
        html = client.get(address, {"page": page}).content.decode()
        nav = BeautifulSoup(html, "html.parser").select_one("nav.pagination")
        return {a.get_text(strip=True): a["href"] for a in nav.select("a")}

    assert links(1) == {"التالي": "?page=2", "الصفحة الأخيرة": "?page=3"}
    assert links(3) == {"الصفحة الأولى": "?page=1", "السابق": "?page=2"}
    assert links("last") == links(3)


def test_a_posts_address_opens_the_page_that_shows_it(client, cast, long_topic):
    """Notifications, e-mails and the queue link to a post: its reader lands on its page."""
    platform, moderator = cast["platform"], cast["moderator"]
    address = url(platform, "topic", long_topic.pk)
    posts = list(Post.objects.filter(topic=long_topic).order_by("created_at", "pk"))
    services.post_set_hidden(post=posts[3], by=moderator, hidden=True)
    target = posts[POSTS_PER_PAGE * 2]  # the 41st post: third page for moderators

    client.force_login(cast["member"])  # one post fewer before it: the second page
    response = client.get(url(platform, "post", target.pk))
    assert response.url == f"{address}?page=2#post-{target.pk}"
    assert f'id="post-{target.pk}"' in client.get(response.url).content.decode()
    opening = client.get(url(platform, "post", posts[0].pk))
    assert opening.url == f"{address}#post-{posts[0].pk}"

    client.force_login(moderator)
    assert client.get(url(platform, "post", target.pk)).url == f"{address}?page=3#post-{target.pk}"

    client.logout()  # a members-only platform: not even where a post is
    assert client.get(url(platform, "post", target.pk)).status_code == 404
    client.force_login(cast["other_coordinator"])
    other = url(cast["other"], "post", target.pk)  # another platform's address for it
    assert client.get(other).status_code == 404


def test_a_reply_notification_links_to_the_replys_page(
    client, cast, long_topic, django_capture_on_commit_callbacks
):
    """In the app and by e-mail, the topic's author is sent to the reply's own page."""
    from django.core import mail

    platform, author = cast["platform"], cast["author"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.post_reply(topic=long_topic, author=cast["member"], body="رد أخير")
    link = url(platform, "post", reply.pk)
    [message] = [m for m in mail.outbox if author.email in m.to]
    assert link in message.body
    client.force_login(author)
    page = client.get("/ar/community/notifications/").content.decode()
    assert f'href="{link}"' in page
    last = -(-(LONG + 3) // POSTS_PER_PAGE)  # the opening post, the first reply, this one
    assert client.get(link).url.endswith(f"?page={last}#post-{reply.pk}")
