"""Notifications: fanned out by Celery after commit, in-app and by e-mail, with unsubscribe."""

import re

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community import services
from community.models import Level, Notification, NotificationKind
from community.notifications import subscription_set
from community.tasks import send_daily_digests

from .conftest import add_member


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (the Celery fan-out) as a real commit would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            result = function(*args, **kwargs)
        return result, callbacks

    return run


def test_fan_out_waits_for_the_commit_and_runs_in_celery(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.post_reply(topic=cast["topic"], author=cast["member"], body="رد")
    assert Notification.objects.count() == 0  # nothing inside the request's transaction
    assert len(callbacks) == 1
    callbacks[0]()
    assert Notification.objects.filter(user=cast["author"], kind=NotificationKind.REPLY).exists()


def test_topic_author_hears_of_replies_by_mail_with_an_unsubscribe_link(client, cast, committed):
    mail.outbox.clear()
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body="رأيي هنا")
    [message] = [m for m in mail.outbox if cast["author"].email in m.to]
    assert cast["topic"].title in message.subject
    assert "رأيي هنا" in message.body
    link = re.search(r"https?://\S+/unsubscribe/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    path = link.split("testserver", 1)[1]
    assert client.post(path).status_code == 200  # one click, no session, no CSRF token
    mail.outbox.clear()
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body="رد آخر")
    assert not [m for m in mail.outbox if cast["author"].email in m.to]


def test_mentions_notify_members_and_nobody_else(cast, committed, make_person):
    outsider = make_person("outsider-mention")
    outsider.handle = "outsider.x"
    outsider.save()
    body = f"@{cast['moderator'].handle} و @outsider.x ما رأيكما؟"
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body=body)
    assert Notification.objects.filter(
        user=cast["moderator"], kind=NotificationKind.MENTION
    ).exists()
    assert not Notification.objects.filter(user=outsider).exists()
    assert not Notification.objects.filter(user=cast["member"]).exists()  # not the author


def test_muted_topics_are_silent_but_mentions_still_arrive(cast, committed):
    subscription_set(user=cast["author"], level=Level.MUTED, topic=cast["topic"])
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body="رد")
    assert not Notification.objects.filter(user=cast["author"]).exists()
    body = f"@{cast['author'].handle} سؤال لك"
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body=body)
    assert Notification.objects.filter(user=cast["author"], kind=NotificationKind.MENTION).exists()


def test_new_topics_reach_members_in_the_daily_digest(cast, committed):
    mail.outbox.clear()
    committed(
        services.topic_create,
        platform=cast["platform"],
        author=cast["member"],
        title="موازنة البلدية ٢٠٢٠",
        body="كيف أعددتم الموازنة؟",
    )
    assert Notification.objects.filter(user=cast["moderator"], kind="topic").exists()
    assert not Notification.objects.filter(user=cast["pending"]).exists()
    assert not [m for m in mail.outbox if "موازنة" in m.subject]  # not e-mailed one by one
    assert send_daily_digests() >= 1
    [digest] = [m for m in mail.outbox if cast["moderator"].email in m.to]
    assert "موازنة البلدية ٢٠٢٠" in digest.body
    mail.outbox.clear()
    send_daily_digests()
    assert not [m for m in mail.outbox if cast["moderator"].email in m.to]  # sent once


def test_in_app_notifications_count_then_clear(client, cast, committed):
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body="رد")
    client.force_login(cast["author"])
    home = client.get("/ar/").content.decode()
    assert re.search(r'badge--new">1<', home)
    page = client.get("/ar/community/notifications/").content.decode()
    assert cast["topic"].title in page
    assert not re.search(r'badge--new">1<', client.get("/ar/").content.decode())


def test_notification_text_is_not_shown_after_leaving_a_members_only_platform(
    client, cast, committed
):
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body="رد")
    from community.models import Membership

    Membership.objects.filter(platform=cast["platform"], user=cast["author"]).update(status="left")
    client.force_login(cast["author"])
    page = client.get("/ar/community/notifications/").content.decode()
    assert cast["topic"].title not in page


def test_subscription_form_requires_read_access(client, cast):
    client.force_login(cast["non_member"])
    response = client.post(
        "/ar/community/subscription/", {"topic": cast["topic"].pk, "level": "watching"}
    )
    assert response.status_code == 404
    add_member(cast["platform"], cast["non_member"])
    client.post("/ar/community/subscription/", {"topic": cast["topic"].pk, "level": "watching"})
    from community.models import Subscription

    assert Subscription.objects.get(user=cast["non_member"], topic=cast["topic"]).level == (
        "watching"
    )


def test_a_mention_finds_a_handle_written_in_another_case(cast, committed):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=cast["moderator"].pk).update(handle="Moderator.Case")
    committed(
        services.post_reply, topic=cast["topic"], author=cast["member"], body="@moderator.case ؟"
    )
    assert Notification.objects.filter(user=cast["moderator"], kind="mention").exists()


def test_the_unread_badge_follows_new_and_read_notifications_without_a_count_query(
    client, cast, committed
):
    client.force_login(cast["author"])
    assert "badge--new" not in client.get("/ar/").content.decode()  # 0, now remembered
    committed(services.post_reply, topic=cast["topic"], author=cast["member"], body="رد")
    assert re.search(r'badge--new">1<', client.get("/ar/").content.decode())
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/ar/").content.decode()
    assert re.search(r'badge--new">1<', again)
    assert not [q for q in queries if "community_notification" in q["sql"]]
    committed(services.post_reply, topic=cast["topic"], author=cast["moderator"], body="رد ثان")
    assert re.search(r'badge--new">2<', client.get("/ar/").content.decode())
    client.get("/ar/community/notifications/")
    assert "badge--new" not in client.get("/ar/").content.decode()
