"""Membership, topics, replies, moderation and reading, as members meet them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community import services
from community.models import JoinPolicy, Membership, MembershipStatus, Post, Role, Topic

from .conftest import add_member, url

# --- membership ---------------------------------------------------------------------------


def test_request_approve_and_decline_with_a_message(client, cast, make_person):
    platform, coordinator = cast["platform"], cast["moderator"]
    Membership.objects.filter(user=coordinator).update(role=Role.COORDINATOR)
    hopeful, unlucky = make_person("hopeful"), make_person("unlucky")
    client.force_login(hopeful)
    client.post(url(platform, "join"), {"message": "أعمل في قسم التخطيط"})
    request = Membership.objects.get(user=hopeful)
    assert request.status == MembershipStatus.PENDING
    assert request.message == "أعمل في قسم التخطيط"
    services.membership_request(user=unlucky, platform=platform)

    client.force_login(coordinator)
    manage = client.get(url(platform, "manage")).content.decode()
    assert hopeful.display_name in manage and unlucky.display_name in manage
    client.post(url(platform, "manage_member", request.pk, "approve"), {"message": "أهلاً"})
    declined = Membership.objects.get(user=unlucky)
    client.post(url(platform, "manage_member", declined.pk, "reject"), {"message": "للمهندسين"})
    request.refresh_from_db()
    declined.refresh_from_db()
    assert request.status == MembershipStatus.ACTIVE and request.decision_message == "أهلاً"
    assert request.decided_by == coordinator
    assert declined.status == MembershipStatus.REJECTED
    assert declined.decision_message == "للمهندسين"
    hopeful.refresh_from_db()
    assert hopeful.handle  # members get an @name to be mentioned by


def test_plain_moderators_cannot_decide_requests(cast, make_person):
    hopeful = make_person("hopeful2")
    request = services.membership_request(user=hopeful, platform=cast["platform"])
    with pytest.raises(PermissionDenied):
        services.membership_decide(membership=request, by=cast["moderator"], approve=True)


def test_open_platform_joins_at_once_and_invite_only_refuses_requests(make_platform, make_person):
    open_ = make_platform("open-one", join_policy=JoinPolicy.OPEN)
    closed = make_platform("invite-one", join_policy=JoinPolicy.INVITE)
    person = make_person("joiner")
    assert services.membership_request(user=person, platform=open_).status == "active"
    with pytest.raises(PermissionDenied):
        services.membership_request(user=person, platform=closed)


def test_invitation_then_acceptance(client, make_platform, make_person):
    platform = make_platform("invite-two", join_policy=JoinPolicy.INVITE)
    coordinator, guest = make_person("coord"), make_person("guest")
    add_member(platform, coordinator, role=Role.COORDINATOR)
    client.force_login(coordinator)
    client.post(url(platform, "manage"), {"email": guest.email.upper()})
    assert Membership.objects.get(user=guest).status == MembershipStatus.INVITED
    client.force_login(guest)
    page = client.get(url(platform)).content.decode()
    assert f'action="{url(platform, "join")}"' in page
    client.post(url(platform, "join"))
    assert Membership.objects.get(user=guest).status == MembershipStatus.ACTIVE


def test_leave_and_the_last_coordinator_cannot(make_platform, make_person):
    platform = make_platform("leaving")
    coordinator, member = make_person("lastcoord"), make_person("leaver")
    only = add_member(platform, coordinator, role=Role.COORDINATOR)
    leaving = add_member(platform, member)
    assert services.membership_leave(membership=leaving).status == MembershipStatus.LEFT
    with pytest.raises(ValidationError):
        services.membership_leave(membership=only)


def test_a_banned_member_can_neither_read_nor_rejoin(client, cast):
    platform, member = cast["platform"], cast["member"]
    membership = Membership.objects.get(platform=platform, user=member)
    services.membership_ban(membership=membership, by=cast["moderator"], reason="إساءة")
    client.force_login(member)
    assert client.get(url(platform, "topic", cast["topic"].pk)).status_code == 404
    with pytest.raises(PermissionDenied):
        services.membership_request(user=member, platform=platform)


def test_directory_shows_email_only_to_members_and_only_when_chosen(client, cast):
    platform, member, author = cast["platform"], cast["member"], cast["author"]
    client.force_login(member)
    page = client.get(url(platform, "members")).content.decode()
    assert author.display_name in page
    assert author.email not in page
    Membership.objects.filter(platform=platform, user=author).update(show_email=True)
    assert author.email in client.get(url(platform, "members")).content.decode()
    client.force_login(cast["non_member"])
    assert client.get(url(platform, "members")).status_code == 404


# --- writing ---------------------------------------------------------------------------


def test_posts_are_stored_sanitised_with_mentions_of_members(cast):
    member, author = cast["member"], cast["author"]
    post = services.post_reply(
        topic=cast["topic"],
        author=member,
        body=f"شكراً @{author.handle} <script>alert(1)</script> [x](javascript:alert(1))",
    )
    assert "<script" not in post.html and 'href="javascript' not in post.html
    mention = f'<a href="{url(cast["platform"], "members")}#{author.handle}" class="mention"'
    assert mention in post.html
    outsider = services.post_reply(topic=cast["topic"], author=member, body="@nobody.here مرحباً")
    assert 'class="mention"' not in outsider.html


def test_a_reply_looks_up_only_the_handles_it_mentions(cast, make_person):
    """Resolving mentions reads the handles the text names, not every member's."""
    platform, member, author = cast["platform"], cast["member"], cast["author"]
    for n in range(3):
        add_member(platform, make_person(f"crowd-{n}"))

    def handles_read(body: str) -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            services.post_reply(topic=cast["topic"], author=member, body=body)
        return [q["sql"] for q in queries if '"accounts_user"."handle"' in q["sql"]]

    assert handles_read("ردّ بلا إشارة إلى أحد") == []
    assert len(handles_read(f"شكراً @{author.handle.upper()} و@{author.handle}")) == 1


def test_edit_keeps_the_history(client, cast):
    reply, member = cast["reply"], cast["member"]
    client.force_login(member)
    client.post(url(cast["platform"], "edit_post", reply.pk), {"body": "نص بعد التعديل"})
    reply.refresh_from_db()
    assert reply.source == "نص بعد التعديل" and reply.edited_at
    assert list(reply.revisions.values_list("source", flat=True)) == ["ملاحظاتي مرفقة."]
    page = client.get(url(cast["platform"], "edit_post", reply.pk)).content.decode()
    assert "ملاحظاتي مرفقة." in page


def test_author_deletes_to_a_tombstone_and_nothing_is_lost(client, cast):
    reply, member = cast["reply"], cast["member"]
    client.force_login(member)
    client.post(url(cast["platform"], "post_action", reply.pk, "delete"))
    reply.refresh_from_db()
    assert reply.deleted_at and reply.source == "ملاحظاتي مرفقة."
    page = client.get(url(cast["platform"], "topic", cast["topic"].pk)).content.decode()
    assert "ملاحظاتي مرفقة." not in page
    client.force_login(cast["moderator"])
    page = client.get(url(cast["platform"], "topic", cast["topic"].pk)).content.decode()
    assert "ملاحظاتي مرفقة." in page  # moderators still read it


def test_hide_and_restore_keep_the_reply_count_right(cast):
    topic, reply, moderator = cast["topic"], cast["reply"], cast["moderator"]
    services.post_set_hidden(post=reply, by=moderator, hidden=True, reason="خارج الموضوع")
    topic.refresh_from_db()
    assert topic.reply_count == 0
    assert Post.objects.filter(pk=reply.pk).exists()
    services.post_set_hidden(post=reply, by=moderator, hidden=False)
    topic.refresh_from_db()
    assert topic.reply_count == 1


def test_hiding_the_opening_post_hides_the_topic(client, cast):
    opening = cast["topic"].posts.first()
    services.post_set_hidden(post=opening, by=cast["moderator"], hidden=True)
    client.force_login(cast["member"])
    assert cast["topic"].title not in client.get(url(cast["platform"])).content.decode()
    assert client.get(url(cast["platform"], "topic", cast["topic"].pk)).status_code == 404


def test_accepted_answer_by_the_topic_author(client, cast):
    client.force_login(cast["member"])  # not the topic's author
    client.post(url(cast["platform"], "post_action", cast["reply"].pk, "accept"))
    cast["topic"].refresh_from_db()
    assert cast["topic"].accepted_post is None
    client.force_login(cast["author"])
    client.post(url(cast["platform"], "post_action", cast["reply"].pk, "accept"))
    cast["topic"].refresh_from_db()
    assert cast["topic"].accepted_post == cast["reply"]


def test_lock_move_and_pin(client, cast):
    from community.services import category_ensure

    category = category_ensure(platform=cast["platform"], slug="gis", name="نظم المعلومات")
    client.force_login(cast["moderator"])
    topic_url = url(cast["platform"], "topic_action", cast["topic"].pk, "lock")
    client.post(topic_url)
    client.post(
        url(cast["platform"], "topic_action", cast["topic"].pk, "move"), {"category": category.pk}
    )
    cast["topic"].refresh_from_db()
    assert cast["topic"].locked and cast["topic"].category == category
    client.force_login(cast["member"])
    before = Post.objects.count()
    client.post(url(cast["platform"], "topic", cast["topic"].pk), {"body": "رد"})
    assert Post.objects.count() == before


def test_empty_and_oversized_posts_are_refused_with_the_text_kept(client, cast):
    client.force_login(cast["member"])
    response = client.post(
        url(cast["platform"], "topic", cast["topic"].pk), {"body": "   "}, HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert response.status_code == 200
    long = "ب" * (services.BODY_MAX + 1)
    response = client.post(url(cast["platform"], "topic", cast["topic"].pk), {"body": long})
    assert long in response.content.decode()  # the text stays in the form
    assert Post.objects.filter(source=long).count() == 0


def test_new_members_are_rate_limited_and_established_ones_are_not(cast, make_person):
    newcomer = make_person("newcomer")
    add_member(cast["platform"], newcomer, established=False)
    services.post_reply(topic=cast["topic"], author=newcomer, body="أول رد")
    with pytest.raises(ValidationError) as error:
        services.post_reply(topic=cast["topic"], author=newcomer, body="رد ثانٍ سريع")
    assert "30" in error.value.messages[0]
    services.topic_create(platform=cast["platform"], author=newcomer, title="موضوع", body="نص")
    with pytest.raises(ValidationError):
        services.topic_create(platform=cast["platform"], author=newcomer, title="آخر", body="نص")
    services.post_reply(topic=cast["topic"], author=cast["member"], body="رد")
    services.post_reply(topic=cast["topic"], author=cast["member"], body="رد آخر")


def test_rate_limit_window_passes(cast, make_person):
    from datetime import timedelta

    newcomer = make_person("patient")
    add_member(cast["platform"], newcomer, established=False)
    first = services.post_reply(topic=cast["topic"], author=newcomer, body="أول رد")
    Post.objects.filter(pk=first.pk).update(created_at=first.created_at - timedelta(seconds=31))
    services.post_reply(topic=cast["topic"], author=newcomer, body="بعد نصف دقيقة")


def test_first_posts_wait_for_approval_when_the_platform_asks(client, cast, make_person):
    platform = cast["platform"]
    platform.post_approval = True
    platform.save_revision().publish()
    newcomer = make_person("queued")
    add_member(platform, newcomer, established=False)
    post = services.post_reply(topic=cast["topic"], author=newcomer, body="رد ينتظر الموافقة")
    assert not post.approved
    client.force_login(cast["member"])
    assert (
        "رد ينتظر الموافقة"
        not in client.get(url(platform, "topic", cast["topic"].pk)).content.decode()
    )
    client.force_login(cast["moderator"])
    assert "رد ينتظر الموافقة" in client.get(url(platform, "queue")).content.decode()
    client.post(url(platform, "post_action", post.pk, "approve"), {"next": "queue"})
    post.refresh_from_db()
    assert post.approved
    assert Membership.objects.get(platform=platform, user=newcomer).approved_posts == 1
    client.force_login(cast["member"])
    assert (
        "رد ينتظر الموافقة" in client.get(url(platform, "topic", cast["topic"].pk)).content.decode()
    )


# --- reading ---------------------------------------------------------------------------


def test_unread_marks_follow_what_each_member_has_read(client, cast):
    platform, topic = cast["platform"], cast["topic"]
    client.force_login(cast["moderator"])
    assert "badge--new" in client.get(url(platform)).content.decode()
    client.get(url(platform, "topic", topic.pk))
    assert "badge--new" not in client.get(url(platform)).content.decode()
    # Reading it again with nothing new writes nothing.
    with CaptureQueriesContext(connection) as queries:
        client.get(url(platform, "topic", topic.pk))
    assert not [q["sql"] for q in queries if q["sql"].startswith('UPDATE "community_topicread')]
    services.post_reply(topic=topic, author=cast["member"], body="جديد")
    assert "badge--new" in client.get(url(platform)).content.decode()
    client.get(url(platform, "topic", topic.pk))
    assert "badge--new" not in client.get(url(platform)).content.decode()


def test_search_within_a_platform_folds_arabic(client, cast):
    client.force_login(cast["member"])
    page = client.get(url(cast["platform"]), {"q": "ادارة المشاريع"}).content.decode()
    assert cast["topic"].title in page  # «إدارة» found by «ادارة»
    page = client.get(url(cast["platform"]), {"q": "موازنة"}).content.decode()
    assert cast["topic"].title not in page


def _grow(cast, replies: int, topics: int) -> None:
    from django.utils import timezone

    topic = cast["topic"]
    Post.objects.bulk_create(
        Post(
            topic=topic,
            author=cast["member"],
            source=f"رد {n}",
            html=f"<p>رد {n}</p>",
            created_at=timezone.now(),
        )
        for n in range(replies)
    )
    Topic.objects.bulk_create(
        Topic(platform=cast["platform"], author=cast["author"], title=f"موضوع {n}")
        for n in range(topics)
    )


@pytest.mark.parametrize("page_name", ["home", "topic"])
def test_query_counts_do_not_grow_with_the_forum(client, cast, page_name):
    client.force_login(cast["member"])
    args = (cast["topic"].pk,) if page_name == "topic" else ()
    address = url(cast["platform"], page_name, *args)
    _grow(cast, replies=20, topics=20)
    client.get(address)
    with CaptureQueriesContext(connection) as small:
        assert client.get(address).status_code == 200
    _grow(cast, replies=980, topics=980)
    with CaptureQueriesContext(connection) as large:
        assert client.get(address).status_code == 200
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]


# --- reactions and reports ---------------------------------------------------------------


def test_members_react_once_per_kind_and_can_take_it_back(client, cast):
    from community.models import Reaction

    client.force_login(cast["author"])
    address = url(cast["platform"], "post_action", cast["reply"].pk, "react")
    client.post(address, {"kind": "thanks"})
    client.post(address, {"kind": "like"})
    assert set(Reaction.objects.filter(post=cast["reply"]).values_list("kind", flat=True)) == {
        "thanks",
        "like",
    }
    page = client.get(url(cast["platform"], "topic", cast["topic"].pk)).content.decode()
    assert 'aria-pressed="true">🙏 1' in page
    client.post(address, {"kind": "thanks"})
    assert not Reaction.objects.filter(post=cast["reply"], kind="thanks").exists()
    with pytest.raises(ValidationError):  # not to one's own post
        services.reaction_toggle(post=cast["reply"], user=cast["member"], kind="like")
    with pytest.raises(PermissionDenied):
        services.reaction_toggle(post=cast["reply"], user=cast["non_member"], kind="like")


def test_the_reaction_and_report_forms_on_the_page_send_what_was_pressed(client, cast):
    """One reaction form per post, whose buttons name their kind; one report form per post."""
    import re

    from community.models import Flag, Reaction

    client.force_login(cast["author"])
    page = client.get(url(cast["platform"], "topic", cast["topic"].pk)).content.decode()
    reply = cast["reply"]
    article = re.search(rf'<article id="post-{reply.pk}".*?</article>', page, re.S).group(0)
    forms = re.findall(r'<form method="post" action="([^"]+)"(.*?)</form>', article, re.S)
    react = [body for action, body in forms if action.endswith(f"/posts/{reply.pk}/react/")]
    assert len(react) == 1
    kinds = re.findall(r'<button type="submit" name="kind" value="(\w+)"', react[0])
    assert kinds == ["like", "thanks", "insight", "agree"]
    # What a browser sends when "thanks" is pressed: the token and that button's value.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', react[0]).group(1)
    action = next(action for action, body in forms if body is react[0])
    client.post(action, {"csrfmiddlewaretoken": token, "kind": "thanks"})
    assert list(Reaction.objects.filter(post=reply).values_list("kind", flat=True)) == ["thanks"]
    # The report form: every reason once, posted to the post's own address.
    report = [body for action, body in forms if action.endswith(f"/posts/{reply.pk}/flag/")]
    assert len(report) == 1
    reasons = re.findall(r'name="reason" value="(\w+)" required', report[0])
    assert reasons == ["off_topic", "abuse", "spam", "private", "other"]
    assert "ما المشكلة في هذه المشاركة؟" in report[0]  # in the reader's language
    client.post(f"{url(cast['platform'], 'post_action', reply.pk, 'flag')}", {"reason": "spam"})
    assert Flag.objects.filter(post=reply, reporter=cast["author"], reason="spam").exists()


def test_readers_alike_share_each_posts_html_with_their_own_token(cast, make_person, monkeypatch):
    """A post's HTML is rendered once for readers in the same position (community/fragments.py),
    each page's forms carry that reader's own CSRF token, and a reaction or an edit shows at
    once."""
    import re

    from django.test import Client

    from community import fragments

    platform, topic, reply = cast["platform"], cast["topic"], cast["reply"]
    topic_url = url(platform, "topic", topic.pk)
    readers = []
    for key in ("reader-a", "reader-b"):
        person = make_person(key)
        add_member(platform, person)
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(person)
        readers.append(browser)
    rendered = []
    render = fragments.render_to_string

    def counted(template, context):
        rendered.append(context["row"]["post"].pk)
        return render(template, context)

    monkeypatch.setattr(fragments, "render_to_string", counted)
    first, second = readers
    first.get(topic_url)
    assert sorted(rendered) == sorted(topic.posts.values_list("pk", flat=True))
    rendered.clear()
    page = second.get(topic_url).content.decode()
    assert rendered == []  # both posts from the cache
    assert "\x00" not in page
    # The reaction form on the second reader's page is accepted with the token it carries.
    form = re.search(rf'action="([^"]*/posts/{reply.pk}/react/)"[^>]*>(.*?)</form>', page, re.S)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(2)).group(1)
    response = second.post(form.group(1), {"csrfmiddlewaretoken": token, "kind": "like"})
    assert response.status_code == 302
    # The first reader sees the reaction at once: that post alone is rendered again.
    page = first.get(topic_url).content.decode()
    assert rendered == [reply.pk]
    assert re.search(rf'id="post-{reply.pk}".*?👍 1', page, re.S)
    services.post_edit(post=reply, by=cast["member"], body="ملاحظاتي بعد المراجعة.")
    assert "ملاحظاتي بعد المراجعة." in first.get(topic_url).content.decode()


def test_reports_reach_the_queue_and_three_hide_the_post(client, cast, make_person):
    from community.models import Flag

    reply = cast["reply"]
    services.flag_create(post=reply, reporter=cast["author"], reason="abuse", note="شتائم")
    client.force_login(cast["moderator"])
    queue = client.get(url(cast["platform"], "queue")).content.decode()
    assert "شتائم" in queue and reply.html in queue
    for key in ("flagger-a", "flagger-b"):
        person = make_person(key)
        add_member(cast["platform"], person)
        services.flag_create(post=reply, reporter=person, reason="spam")
    reply.refresh_from_db()
    assert reply.hidden_at is not None  # hidden until a moderator looks
    client.post(url(cast["platform"], "post_action", reply.pk, "flags-dismiss"), {"next": "queue"})
    reply.refresh_from_db()
    assert reply.hidden_at is None
    assert not Flag.objects.filter(post=reply, resolved_at__isnull=True).exists()
    assert set(Flag.objects.values_list("outcome", flat=True)) == {"dismissed"}


def test_outsiders_cannot_report(cast):
    with pytest.raises(PermissionDenied):
        services.flag_create(post=cast["reply"], reporter=cast["non_member"], reason="spam")


def test_invitations_and_decisions_are_emailed_in_the_persons_language(
    cast, make_person, make_platform, django_capture_on_commit_callbacks
):
    from django.core import mail

    platform = make_platform("mailing", join_policy=JoinPolicy.REQUEST)
    coordinator = make_person("mail-coord")
    add_member(platform, coordinator, role=Role.COORDINATOR)
    guest = make_person("mail-guest", preferred_language="en")
    hopeful = make_person("mail-hopeful", preferred_language="ar")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_invite(platform=platform, email=guest.email, by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        request = services.membership_request(user=hopeful, platform=platform)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(
            membership=request, by=coordinator, approve=False, message="المنصة للمهندسين فقط"
        )
    invited = next(m for m in mail.outbox if guest.email in m.to)
    assert invited.subject.startswith("You are invited to join")
    declined = next(m for m in mail.outbox if hopeful.email in m.to)
    assert "المنصة للمهندسين فقط" in declined.body
    assert "/ar/" in declined.body


def test_quoting_a_post_starts_the_reply_with_it(client, cast):
    client.force_login(cast["author"])
    page = client.get(
        url(cast["platform"], "topic", cast["topic"].pk), {"quote": cast["reply"].pk}
    ).content.decode()
    assert f"&gt; @{cast['member'].handle}:\n&gt; ملاحظاتي مرفقة.\n" in page


def test_the_platform_page_names_its_coordinators(client, cast):
    Membership.objects.filter(user=cast["moderator"]).update(role=Role.COORDINATOR)
    page = client.get(url(cast["platform"])).content.decode()
    assert cast["moderator"].display_name in page


def test_each_post_offers_each_reader_what_they_may_do(client, cast):
    """Quote, edit, delete, accept, report and react, post by post and reader by reader."""
    from bs4 import BeautifulSoup

    platform, topic, reply = cast["platform"], cast["topic"], cast["reply"]
    opener = topic.posts.order_by("created_at", "pk").first()
    gone = services.post_reply(topic=topic, author=cast["moderator"], body="ردّ سيُحذف")
    services.post_delete(post=gone, by=cast["moderator"])
    topic_url = url(platform, "topic", topic.pk)

    def actions(user) -> dict:
        client.force_login(user)
        page = BeautifulSoup(client.get(topic_url).content, "html.parser")
        seen = {}
        for post in (opener, reply, gone):
            article = page.find("article", id=f"post-{post.pk}")
            forms = {form["action"].rstrip("/").rsplit("/", 1)[-1] for form in article("form")}
            hrefs = [a["href"] for a in article.select(".post__actions a")]
            links = {
                "quote" if href.startswith("?quote=") else href.rstrip("/").rsplit("/")[-1]
                for href in hrefs
            }
            seen[post.pk] = forms | links
        return seen

    member = actions(cast["member"])  # the reply's author, not the topic's
    assert member[opener.pk] == {"react", "flag", "quote"}
    assert member[reply.pk] == {"delete", "quote", "edit"}
    assert member[gone.pk] == set()  # a deleted post offers nothing

    author = actions(cast["author"])  # started the topic: may accept a reply, not the opener
    assert "accept" in author[reply.pk] and "accept" not in author[opener.pk]
    assert {"react", "flag"} <= author[reply.pk]

    services.topic_accept(topic=topic, post=reply, by=cast["author"])
    accepted = BeautifulSoup(client.get(topic_url).content, "html.parser")
    article = accepted.find("article", id=f"post-{reply.pk}")
    assert "is-accepted" in article["class"]
    assert not article.find("form", action=lambda action: action.endswith("/accept/"))

    client.logout()
    public = BeautifulSoup(client.get(topic_url).content, "html.parser")
    assert not public.select(".post__actions")


# --- what a topic page shows of its reader --------------------------------------------------


def test_replies_since_the_last_visit_are_marked_new_once(client, cast):
    topic, reader = cast["topic"], cast["moderator"]
    client.force_login(reader)
    first = client.get(url(cast["platform"], "topic", topic.pk)).content.decode()
    assert "badge--new" not in first  # a first visit: nothing to tell apart
    later = services.post_reply(topic=topic, author=cast["author"], body="ردّ بعد زيارتك.")
    page = client.get(url(cast["platform"], "topic", topic.pk)).content.decode()
    assert page.count("badge--new") == 1
    article = page[page.index(f'id="post-{later.pk}"') :]
    assert article.index("badge--new") < article.index("ردّ بعد زيارتك.")
    again = client.get(url(cast["platform"], "topic", topic.pk)).content.decode()
    assert "badge--new" not in again


def test_the_topic_page_shows_the_readers_own_notification_level(client, cast):
    from community.models import Level
    from community.notifications import subscription_set

    topic, reader = cast["topic"], cast["member"]
    subscription_set(user=reader, level=Level.MUTED, topic=topic)
    client.force_login(reader)
    page = client.get(url(cast["platform"], "topic", topic.pk)).content.decode()
    assert f'<option value="{Level.MUTED}" selected>' in page
    client.force_login(cast["moderator"])  # someone else's choice is not theirs
    page = client.get(url(cast["platform"], "topic", topic.pk)).content.decode()
    assert f'<option value="{Level.MUTED}" selected>' not in page
