"""Who can do what on a members-only platform, through the real URLs.

Each cell performs the action as that person and checks its effect in the
database or on the page, so a view that forgets a check fails here.
"""

import pytest

from community.models import Post, Topic

from ..accounts.test_signup import translated
from .conftest import url

ROLES = [
    "anonymous",
    "non_member",
    "pending",
    "member",
    "moderator",
    "other_coordinator",
    "admin",
]
ALLOWED = {
    # role: actions allowed on a members-only platform it may or may not belong to
    "anonymous": set(),
    "non_member": set(),
    "pending": set(),
    "member": {"read", "list", "search", "download", "post", "reply"},
    "moderator": {"read", "list", "search", "download", "post", "reply", "edit", "hide", "pin"},
    "other_coordinator": set(),
    "admin": {"read", "list", "search", "download", "post", "reply", "edit", "hide", "pin"},
}


def _read(client, cast):
    response = client.get(url(cast["platform"], "topic", cast["topic"].pk))
    return response.status_code == 200 and cast["topic"].title in response.content.decode()


def _list(client, cast):
    response = client.get(url(cast["platform"]))
    return cast["topic"].title in response.content.decode()


def _search(client, cast):
    response = client.get(url(cast["platform"]), {"q": "الدليل"})
    return cast["topic"].title in response.content.decode()


def _download(client, cast):
    attachment = cast["reply"].attachments.get()
    return client.get(url(cast["platform"], "attachment", attachment.pk)).status_code == 200


def _post(client, cast):
    before = Topic.objects.count()
    client.post(url(cast["platform"], "new_topic"), {"title": "سؤال", "body": "نص"})
    return Topic.objects.count() == before + 1


def _reply(client, cast):
    before = Post.objects.count()
    client.post(url(cast["platform"], "topic", cast["topic"].pk), {"body": "رد جديد"})
    return Post.objects.count() == before + 1


def _edit(client, cast):
    """Edit the author's opening post: someone else's for every role in the matrix."""
    opening = cast["topic"].posts.first()
    client.post(url(cast["platform"], "edit_post", opening.pk), {"body": "نص معدّل"})
    opening.refresh_from_db()
    return opening.source == "نص معدّل"


def _hide(client, cast):
    client.post(url(cast["platform"], "post_action", cast["reply"].pk, "hide"))
    cast["reply"].refresh_from_db()
    return cast["reply"].hidden_at is not None


def _pin(client, cast):
    client.post(url(cast["platform"], "topic_action", cast["topic"].pk, "pin"))
    cast["topic"].refresh_from_db()
    return cast["topic"].pinned


ACTIONS = {
    "read": _read,
    "list": _list,
    "search": _search,
    "download": _download,
    "post": _post,
    "reply": _reply,
    "edit": _edit,
    "hide": _hide,
    "pin": _pin,
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, cast, role, action):
    if cast[role] is not None:
        client.force_login(cast[role])
    assert ACTIONS[action](client, cast) == (action in ALLOWED[role])


def test_members_only_topic_answers_404_to_outsiders(client, cast):
    """Not 403: an outsider must not learn that the topic exists."""
    client.force_login(cast["non_member"])
    assert client.get(url(cast["platform"], "topic", cast["topic"].pk)).status_code == 404
    page = client.get(url(cast["platform"])).content.decode()
    assert translated("ar", "The forum of this platform is open to its members only.") in page


def test_public_platform_is_read_by_anyone_but_written_by_members(client, cast, make_platform):
    from community import services
    from community.models import Visibility

    from .conftest import add_member

    public = make_platform("public-platform", visibility=Visibility.PUBLIC)
    add_member(public, cast["member"])
    topic = services.topic_create(
        platform=public, author=cast["member"], title="تجربة بلدية نابلس", body="نص"
    )
    assert topic.title in client.get(url(public, "topic", topic.pk)).content.decode()
    client.force_login(cast["non_member"])
    before = Post.objects.count()
    response = client.post(url(public, "topic", topic.pk), {"body": "أنا لست عضواً"})
    assert response.status_code == 403
    assert Post.objects.count() == before


def test_moderators_act_only_in_their_own_platform(client, cast):
    """A coordinator of another platform cannot hide posts here, even by direct POST."""
    client.force_login(cast["other_coordinator"])
    client.post(url(cast["platform"], "post_action", cast["reply"].pk, "hide"))
    cast["reply"].refresh_from_db()
    assert cast["reply"].hidden_at is None


def test_a_closed_forum_takes_no_posts_even_from_members(client, cast):
    platform = cast["platform"]
    platform.forum_closed = True
    platform.save_revision().publish()
    client.force_login(cast["member"])
    before = Post.objects.count()
    client.post(url(platform, "topic", cast["topic"].pk), {"body": "رد"})
    assert Post.objects.count() == before


def test_site_search_never_shows_forum_titles(client, cast):
    """Topics are not in the site search at all: members-only titles cannot leak there."""
    client.force_login(cast["non_member"])
    page = client.get("/ar/search/", {"q": "المشاريع الهندسية"}).content.decode()
    assert cast["topic"].title not in page
