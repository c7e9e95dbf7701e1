"""Journey 5: an employee asks to join a platform, is let in, posts, and hears of a reply.

Three people, three browser contexts: the employee, the platform's coordinator and
another member. Notifications are fanned out by a Celery task (eager here) after the
request's transaction commits.
"""

from django.utils import translation

import pytest
from playwright.sync_api import expect

from cms.municipalities.models import Municipality
from community.models import JoinPolicy, Membership, MembershipStatus, Notification, Role, Topic

from ..accounts.test_signup import translated
from ..community.conftest import add_member, make_platform  # noqa: F401
from ..courses.conftest import make_user
from .conftest import login, read

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def ar(message: str) -> str:
    return translated("ar", message)


def ar_count(singular: str, plural: str, count: int) -> str:
    with translation.override("ar"):
        text = translation.ngettext(singular, plural, count)
    assert text not in (singular, plural), f"{singular!r} has no Arabic translation"
    return text % {"counter": count}


def test_employee_joins_on_request_posts_and_hears_of_the_reply(
    page,
    new_page,
    make_platform,  # noqa: F811 (the community tests' fixture, imported above)
    mailoutbox,
):
    platform = make_platform("structural-plans", join_policy=JoinPolicy.REQUEST)
    coordinator = make_user("nour.coordinator@example.ps", name_ar="نور المنسقة")
    add_member(platform, coordinator, role=Role.COORDINATOR)
    colleague = make_user("karim.engineer@example.ps", name_ar="كريم المهندس")
    add_member(platform, colleague)
    employee = make_user(
        "amal.engineer@example.ps",
        name_ar="أمل الحسيني",
        municipality=Municipality.objects.first(),
        position="مهندسة تخطيط",
    )

    # The employee asks to join; the forum stays closed to her until a coordinator answers.
    login(page, employee.email, "pass-1234-word")
    page.goto(platform.url)
    assert page.locator("h1").inner_text() == platform.title
    assert ar("The forum of this platform is open to its members only.") in page.inner_text("main")
    page.fill("#join-message", "أعمل على المخطط الهيكلي لبلديتي.")
    page.get_by_role("button", name=ar("Ask to join")).click()
    expect(page.locator(".messages")).to_have_text(
        ar("Your request has been sent. A coordinator will answer it.")
    )
    assert ar("Your request to join is waiting for a coordinator.") in page.inner_text("main")
    assert (
        read(lambda: Membership.objects.get(platform=platform, user=employee).status)
        == MembershipStatus.PENDING
    )

    # The coordinator, in a browser of her own, finds the request and approves it.
    coordinating = new_page("coordinator")
    login(coordinating, coordinator.email, "pass-1234-word")
    coordinating.goto(platform.url)
    coordinating.get_by_role(
        "link", name=ar_count("%(counter)s request to join.", "%(counter)s requests to join.", 1)
    ).click()
    expect(coordinating.locator("h1")).to_have_text(ar("Manage members"))
    request = coordinating.locator("article.request", has_text="أمل الحسيني")
    assert "مهندسة تخطيط" in request.inner_text()
    assert "أعمل على المخطط الهيكلي لبلديتي." in request.inner_text()
    request.get_by_role("button", name=ar("Approve")).click()
    expect(coordinating.locator(".messages")).to_have_text(ar("Saved."))
    assert ar("No request waits.") in coordinating.inner_text("main")
    approval = next(mail for mail in mailoutbox if mail.to == [employee.email])
    assert platform.title in approval.body

    # Now a member, the employee opens a topic.
    page.goto(platform.url)
    assert ar("You are a member of this platform (%(role)s).") % {
        "role": ar("Member")
    } in page.inner_text("main")
    page.get_by_role("link", name=ar("New topic")).click()
    expect(page.locator("h1")).to_have_text(ar("New topic"))
    page.fill("#topic-title", "تجارب في إعداد المخطط الهيكلي")
    page.fill("#topic-body", "كيف أشركتم **المواطنين** في مرحلة التشخيص؟")
    page.get_by_role("button", name=ar("Publish the topic")).click()
    expect(page.locator("h1")).to_have_text("تجارب في إعداد المخطط الهيكلي")
    assert page.locator(".post__body strong").inner_text() == "المواطنين"
    topic = read(lambda: Topic.objects.get(title="تجارب في إعداد المخطط الهيكلي"))

    # Another member replies, from the platform's topic list.
    replying = new_page("colleague")
    login(replying, colleague.email, "pass-1234-word")
    replying.goto(platform.url)
    replying.get_by_role("link", name="تجارب في إعداد المخطط الهيكلي").click()
    replying.fill("#reply-body", "عقدنا جلسات استماع في كل حي.")
    replying.get_by_role("button", name=ar("Reply")).click()
    replying.locator(".post", has_text="عقدنا جلسات استماع في كل حي.").wait_for()
    assert (
        read(
            lambda: Notification.objects.filter(
                user=employee, post__topic=topic, kind="reply"
            ).count()
        )
        == 1
    )

    # Back in her browser, the employee sees the unread badge and the notification.
    page.goto(platform.url)
    account = page.get_by_role("navigation", name=ar("Account"))
    badge = account.locator(".badge--new")
    assert badge.inner_text().split()[0] == "1"
    account.get_by_role("link", name=ar("Notifications")).click()
    expect(page.locator("h1")).to_have_text(ar("Notifications"))
    item = page.locator(".topic-list__item").first
    expected = ar("%(name)s replied in «%(title)s»") % {
        "name": "كريم المهندس",
        "title": "تجارب في إعداد المخطط الهيكلي",
    }
    assert item.locator(".topic-list__title").inner_text().strip() == expected
    assert ar("New") in item.inner_text()
    item.locator(".topic-list__title").click()
    expect(page.locator("h1")).to_have_text("تجارب في إعداد المخطط الهيكلي")
    assert "عقدنا جلسات استماع في كل حي." in page.inner_text("main")
    # Read now: the badge is gone.
    assert page.get_by_role("navigation", name=ar("Account")).locator(".badge--new").count() == 0
    reply_mail = next(
        mail for mail in mailoutbox if mail.to == [employee.email] and mail is not approval
    )
    assert "تجارب في إعداد المخطط الهيكلي" in reply_mail.subject + reply_mail.body
