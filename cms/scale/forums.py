"""Exchange-platform forums: members, topics and posts; and news pages."""

import json
import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from taggit.models import Tag

from cms import demo
from cms.municipalities.models import Municipality
from cms.news.models import NewsIndexPage, NewsPage, NewsPageTag
from community.markdown import render_markdown
from community.models import (
    Category,
    Membership,
    MembershipStatus,
    PlatformIndexPage,
    PlatformPage,
    Post,
    Role,
    Topic,
)

from . import text
from .bulk import PageTree, insert
from .plan import PREFIX, Context

# --- forums --------------------------------------------------------------------------


def platforms(ctx: Context, index: PlatformIndexPage) -> list[PlatformPage]:
    """The demo's platforms when they are there, else five new ones."""
    found = list(PlatformPage.objects.filter(locale=ctx.locale).order_by("path"))
    if found:
        return found[: ctx.plan.platforms]
    return [
        demo.child(index, PlatformPage, slug, title=title, purpose=ctx.sentences(2))
        for slug, title in text.PLATFORMS[: ctx.plan.platforms]
    ]


def _post_texts(ctx: Context, count: int = 400) -> list[tuple[str, str]]:
    """Markdown posts and their sanitised HTML, each distinct text rendered once."""
    rng, texts = ctx.rng, []
    for n in range(count):
        paragraphs = [ctx.sentences(rng.randint(1, 2)) for _ in range(rng.randint(1, 3))]
        if n % 4 == 1:
            paragraphs.append("\n".join(f"- {s}" for s in rng.sample(text.SENTENCES, 3)))
        if n % 5 == 2:
            paragraphs[0] = f"**{paragraphs[0]}**"
        if n % 7 == 3:
            paragraphs.insert(0, f"> {rng.choice(text.SENTENCES)}")
        source = "\n\n".join(paragraphs)
        texts.append((source, render_markdown(source)[0]))
    return texts


def build_forums(ctx: Context, index: PlatformIndexPage) -> dict[str, int]:
    """Members on every platform and topics of ten posts written by them."""
    plan, rng = ctx.plan, ctx.rng
    forums = platforms(ctx, index)
    members: list[list[int]] = [[] for _ in forums]
    memberships = []
    for number, (user_pk, _email, _name) in enumerate(ctx.users):
        chosen = {number % len(forums)}
        if number % 3 == 0:
            chosen.add(number // 3 % len(forums))
        for f in sorted(chosen):
            joined = ctx.ago(days_from=200, days_to=700)
            memberships.append(
                Membership(
                    platform_id=forums[f].pk,
                    user_id=user_pk,
                    # A couple of moderators per platform among the scale users.
                    role=Role.MODERATOR if len(members[f]) < 2 else Role.MEMBER,
                    status=MembershipStatus.ACTIVE,
                    approved_posts=5,
                    created_at=joined,
                    joined_at=joined,
                )
            )
            members[f].append(user_pk)
    insert(Membership, memberships)

    categories = [
        list(Category.objects.filter(platform=forum).values_list("pk", flat=True))
        for forum in forums
    ]
    texts = _post_texts(ctx)
    topics, bodies = [], []
    for number in range(plan.topics):
        f = number % len(forums)
        author = rng.choice(members[f])
        created = ctx.ago(days_from=1, days_to=700)
        source, html = rng.choice(texts)
        title = rng.choice(text.TOPIC_TITLES).format(subject=rng.choice(text.COURSE_SUBJECTS))
        topic = Topic(
            platform_id=forums[f].pk,
            category_id=rng.choice(categories[f]) if categories[f] else None,
            author_id=author,
            title=title,
            created_at=created,
            reply_count=plan.posts_per_topic - 1,
        )
        topic.refresh_search_text(source)
        posts = [(author, source, html, created)]
        for n in range(1, plan.posts_per_topic):
            posts.append(
                (rng.choice(members[f]), *rng.choice(texts), created + timedelta(hours=5 * n))
            )
        topic.last_posted_at, topic.last_poster_id = posts[-1][3], posts[-1][0]
        topics.append(topic)
        bodies.append(posts)
    insert(Topic, topics, returning=True)
    count = 0
    for start in range(0, len(topics), 2000):
        rows = [
            Post(topic_id=topic.pk, author_id=a, source=s, html=h, created_at=c, approved=True)
            for topic, posts in zip(
                topics[start : start + 2000], bodies[start : start + 2000], strict=True
            )
            for a, s, h, c in posts
        ]
        insert(Post, rows)
        count += len(rows)
    return {
        "platforms": len(forums),
        "memberships": len(memberships),
        "topics": len(topics),
        "posts": count,
        "distinct post texts rendered": len(texts),
    }


# --- news ----------------------------------------------------------------------------


def build_news(ctx: Context, index: NewsIndexPage) -> dict[str, int]:
    """News pages over the past five years, tagged and linked to municipalities."""
    rng = ctx.rng
    municipalities = list(Municipality.objects.values_list("pk", "name_ar"))
    places = [name for _pk, name in municipalities] or ["طرابلس"]
    tags = [Tag.objects.get_or_create(name=name)[0].pk for name in text.NEWS_TAGS]
    tree = PageTree(published_at=ctx.now)
    pages, links = [], []
    for number in range(ctx.plan.news):
        day = (ctx.now - timedelta(days=rng.randint(0, 5 * 365))).date()
        place = rng.choice(places)
        title = rng.choice(text.NEWS_TITLES).format(
            subject=rng.choice(text.COURSE_SUBJECTS), place=place
        )
        body = [
            {"type": "paragraph", "value": f"<p>{ctx.sentences(3)}</p>", "id": str(uuid.uuid4())},
            {"type": "paragraph", "value": f"<p>{ctx.sentences(2)}</p>", "id": str(uuid.uuid4())},
        ]
        page = NewsPage(
            title=title,
            slug=f"{PREFIX}news-{number + 1:05d}",
            date=day,
            lead=ctx.sentences(1),
            body=json.dumps(body, ensure_ascii=False),
        )
        published = timezone.make_aware(datetime.combine(day, time(10)))
        pages.append(tree.add(index, page, published_at=published))
        links.append(
            (
                rng.sample(tags, 2),
                rng.sample([pk for pk, _name in municipalities], min(2, len(municipalities))),
            )
        )
    tree.save()
    Municipalities = NewsPage.municipalities.through
    insert(
        NewsPageTag,
        [
            NewsPageTag(content_object_id=p.pk, tag_id=t)
            for p, (ts, _m) in zip(pages, links, strict=True)
            for t in ts
        ],
    )
    insert(
        Municipalities,
        [
            Municipalities(newspage_id=p.pk, municipality_id=m)
            for p, (_ts, ms) in zip(pages, links, strict=True)
            for m in ms
        ],
    )
    ctx.news_pages = pages
    return {"news pages": len(pages), "tags": sum(len(t) for t, _m in links)}
