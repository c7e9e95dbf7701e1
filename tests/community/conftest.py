"""Platforms and people in every role, for the community tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from community import services
from community.models import (
    JoinPolicy,
    Membership,
    MembershipStatus,
    PlatformIndexPage,
    PlatformPage,
    Role,
    Visibility,
)


@pytest.fixture
def make_person(django_user_model):
    def make(key: str, **fields):
        fields.setdefault("name_ar", f"عضو {key}")
        fields.setdefault("name_latin", f"Member {key}")
        return django_user_model.objects.create_user(
            email=f"{key}@example.ps", password="x", **fields
        )

    return make


@pytest.fixture
def make_platform(demo_site):
    index = PlatformIndexPage.objects.get(locale__language_code="ar")

    def make(slug: str, **fields):
        fields.setdefault("visibility", Visibility.MEMBERS)
        fields.setdefault("join_policy", JoinPolicy.REQUEST)
        page = PlatformPage(title=f"منصة {slug}", slug=slug, purpose="تبادل الخبرات", **fields)
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


def add_member(platform, user, role=Role.MEMBER, status=MembershipStatus.ACTIVE, established=True):
    """An established member has posted before (no approval queue, no new-member limits)."""
    from django.utils import timezone

    membership, _created = Membership.objects.update_or_create(
        platform=platform,
        user=user,
        defaults={
            "role": role,
            "status": status,
            "joined_at": timezone.now(),
            "approved_posts": services.NEW_MEMBER_POSTS if established else 0,
        },
    )
    services.handle_ensure(user)
    return membership


@pytest.fixture
def cast(make_person, make_platform, django_user_model):
    """A members-only platform with a topic, and one person for each role."""
    platform = make_platform("closed-platform")
    other = make_platform("other-platform")
    people = {
        "anonymous": None,
        "non_member": make_person("outsider"),
        "pending": make_person("pending"),
        "member": make_person("member"),
        "author": make_person("author"),
        "moderator": make_person("moderator"),
        "other_coordinator": make_person("other-coordinator"),
        "admin": django_user_model.objects.create_superuser(email="root@example.ps", password="x"),
    }
    add_member(platform, people["pending"], status=MembershipStatus.PENDING)
    add_member(platform, people["member"])
    add_member(platform, people["author"])
    add_member(platform, people["moderator"], role=Role.MODERATOR)
    add_member(other, people["other_coordinator"], role=Role.COORDINATOR)
    topic = services.topic_create(
        platform=platform,
        author=people["author"],
        title="دليل إدارة المشاريع الهندسية",
        body="ما رأيكم في **المسودة الأولى** من الدليل؟",
    )
    reply = services.post_reply(
        topic=topic,
        author=people["member"],
        body="ملاحظاتي مرفقة.",
        files=[SimpleUploadedFile("ملاحظات.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    return {"platform": platform, "other": other, "topic": topic, "reply": reply, **people}


def url(platform, name="home", *args) -> str:
    return platform.url + platform.reverse_subpage(name, args=args)
