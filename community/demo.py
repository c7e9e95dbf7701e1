"""Demo platforms, members, topics and replies (idempotent, like the rest of the demo)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from cms.demo import aware, bullets, child, paragraphs, translation
from cms.municipalities.models import Municipality

from . import services
from .demo_content import MEMBERS, PLATFORMS
from .models import (
    Membership,
    MembershipStatus,
    PlatformIndexPage,
    PlatformInvitation,
    PlatformPage,
    Post,
    Topic,
    TopicRead,
)

INDEX = {
    "title": {
        "ar": "منصات تبادل الخبرات",
        "en": "Exchange platforms",
        "fr": "Plateformes d'échange",
    },
    "intro": {
        "ar": "مجموعات مهنية يلتقي فيها موظفو الهيئات المحلية لتبادل الخبرات بين ورشات العمل.",
        "en": "Professional groups where local-authority staff exchange experience "
        "between workshops.",
        "fr": "Des groupes professionnels où les agents des collectivités locales échangent "
        "leur expérience entre les ateliers.",
    },
}
GENDERS = {"f": "female", "m": "male"}


def _members() -> dict:
    User = get_user_model()
    users = {}
    for row in MEMBERS:
        user = User.objects.filter(email=row["email"]).first()
        if user is None:
            user = User(
                email=row["email"],
                name_ar=row["name_ar"],
                name_latin=row["name_latin"],
                handle=row["handle"],
                municipality=Municipality.objects.filter(slug=row["municipality"]).first(),
                position=row["position"],
                gender=GENDERS.get(row["gender"], ""),
                organisation_type="municipality",
            )
            user.set_unusable_password()  # demo people do not sign in
            user.save()
        users[row["key"]] = user
    return users


def _platform_fields(data: dict, code: str) -> dict:
    return {
        "title": data["title"][code],
        "purpose": data["purpose"][code],
        "audience": data["audience"][code],
        "goals": bullets(data["goals"][code]),
        "work_plan": bullets(data["work_plan"][code]),
    }


def _forum(platform: PlatformPage, data: dict, users: dict) -> int:
    show_email = {row["key"]: row.get("show_email", False) for row in MEMBERS}
    launched = aware(datetime.datetime.fromisoformat(data["launched"]).replace(hour=10))
    for key, role in data["members"]:
        Membership.objects.update_or_create(
            platform=platform,
            user=users[key],
            defaults={
                "role": role,
                "status": MembershipStatus.ACTIVE,
                "joined_at": launched,
                "show_email": show_email[key],
                "approved_posts": 5,
            },
        )
    for key in data.get("pending", []):
        Membership.objects.get_or_create(
            platform=platform,
            user=users[key],
            defaults={"status": MembershipStatus.PENDING, "message": "أرغب في الانضمام."},
        )
    coordinator = next(users[key] for key, role in data["members"] if role == "coordinator")
    for email in data.get("invited_addresses", []):
        # Written directly: the demo e-mails nobody.
        PlatformInvitation.objects.get_or_create(
            platform=platform,
            email=email,
            accepted_at=None,
            withdrawn_at=None,
            defaults={"invited_by": coordinator},
        )
    categories = {
        item["slug"]: services.category_ensure(
            platform=platform, slug=item["slug"], name=item["name"]["ar"], sort_order=n
        )
        for n, item in enumerate(data["categories"])
    }
    if Topic.objects.filter(platform=platform).exists():
        return 0
    moment = launched
    count = 0
    for n, item in enumerate(data["topics"]):
        moment += datetime.timedelta(days=3 + n, hours=2)
        topic = Topic(
            platform=platform,
            category=categories.get(item.get("category")),
            author=users[item["author"]],
            title=item["title"],
            created_at=moment,
            pinned=item.get("pinned", False),
        )
        topic.refresh_search_text(item["body"])
        topic.save()
        posts = [(item["author"], item["body"], False)] + [
            (reply["author"], reply["body"], reply.get("accepted", False))
            for reply in item["replies"]
        ]
        for author, body, accepted in posts:
            html, _mentions = services.render_post(platform, body)
            post = Post.objects.create(
                topic=topic, author=users[author], source=body, html=html, created_at=moment
            )
            if accepted:
                topic.accepted_post = post
            moment += datetime.timedelta(hours=5)
            count += 1
        topic.reply_count = len(posts) - 1
        topic.last_posted_at = post.created_at
        topic.last_poster = post.author
        topic.save()
        TopicRead.objects.get_or_create(
            user=users[item["author"]], topic=topic, defaults={"read_at": post.created_at}
        )
    return count


def _draft_resource(platform: PlatformPage) -> None:
    """The first thread of a platform, turned by its coordinator into a draft resource."""
    from .models import Resource, Role
    from .resources import resource_from_topic

    coordinator = (
        Membership.objects.filter(platform=platform, role=Role.COORDINATOR).select_related("user")
    ).first()
    topic = Topic.objects.filter(platform=platform).order_by("created_at").first()
    if coordinator and topic and not Resource.objects.filter(platform=platform).exists():
        resource_from_topic(topic=topic, by=coordinator.user)


@transaction.atomic
def load(home, locales) -> list[str]:
    index = child(
        home,
        PlatformIndexPage,
        "platforms",
        title=INDEX["title"]["ar"],
        intro=paragraphs([INDEX["intro"]["ar"]]),
        show_in_menus=True,
    )
    for code in ("en", "fr"):
        translation(
            index,
            locales[code],
            title=INDEX["title"][code],
            intro=paragraphs([INDEX["intro"][code]]),
        )
    users = _members()
    posts = 0
    for data in PLATFORMS:
        platform = child(
            index,
            PlatformPage,
            data["slug"],
            visibility=data["visibility"],
            join_policy=data["join_policy"],
            post_approval=data["post_approval"],
            **_platform_fields(data, "ar"),
        )
        for code in ("en", "fr"):
            translation(platform, locales[code], **_platform_fields(data, code))
        posts += _forum(platform, data, users)
        _draft_resource(platform)
    return [
        f"{PlatformPage.objects.filter(locale=index.locale).count()} platforms, "
        f"{Membership.objects.count()} memberships, {Topic.objects.count()} topics, "
        f"{Post.objects.count()} posts" + (f" ({posts} new)" if posts else ""),
    ]
