"""Invitations to invitation-only platforms: to accounts, and to people with no account yet."""

import re
from datetime import timedelta
from http import HTTPStatus

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from community import services
from community.models import JoinPolicy, Membership, MembershipStatus, PlatformInvitation, Role

from .conftest import add_member, url

pytestmark = pytest.mark.django_db

PASSWORD = "Mahalli-2026-secure"


@pytest.fixture
def invite_only(make_platform, make_person):
    platform = make_platform("engineers", join_policy=JoinPolicy.INVITE)
    coordinator = make_person("coordinator", name_ar="سلمى المهندسة")
    add_member(platform, coordinator, role=Role.COORDINATOR)
    return platform, coordinator


def confirm(user, email):
    """What allauth does when someone opens their confirmation link."""
    address = EmailAddress.objects.create(user=user, email=email, verified=True)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)


def test_a_stranger_is_invited_to_sign_up_and_joins_once_their_address_is_confirmed(
    client, invite_only, django_capture_on_commit_callbacks
):
    platform, coordinator = invite_only
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(platform, "manage"), {"email": " Nour.Eng@Example.TN "})
    assert response.status_code == HTTPStatus.FOUND
    notice = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("nour.eng@example.tn" in text for text in notice), notice
    invitation = PlatformInvitation.objects.get(platform=platform)
    assert invitation.email == "nour.eng@example.tn"
    assert invitation.invited_by == coordinator

    # The e-mail, in the coordinator's language (Arabic here), names who invites to what
    # and links to the sign-up form, which brings the newcomer back to the platform.
    message = next(m for m in mail.outbox if m.to == ["nour.eng@example.tn"])
    assert platform.title in message.subject
    assert "سلمى المهندسة" in message.body
    assert "invited" not in message.subject  # Arabic, not the English source
    signup = re.search(r"https?://[^/\s]+(/ar/accounts/signup/\?next=\S+)", message.body)
    assert signup, message.body
    assert "engineers" in signup.group(1)

    # The coordinator sees the address waiting.
    page = client.get(url(platform, "manage")).content.decode()
    assert "nour.eng@example.tn" in page

    # The newcomer signs up through the link and confirms the address.
    client.logout()
    mail.outbox.clear()
    response = client.post(
        signup.group(1),
        {
            "email": "nour.eng@example.tn",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "name_ar": "نور المهندسة",
            "name_latin": "Nour Eng",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    newcomer = get_user_model().objects.get(email="nour.eng@example.tn")
    assert not Membership.objects.filter(user=newcomer).exists()  # not before confirming
    link = re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    response = client.post(link.group(1), follow=True)
    assert response.status_code == HTTPStatus.OK

    membership = Membership.objects.get(user=newcomer, platform=platform)
    assert membership.status == MembershipStatus.INVITED
    assert membership.decided_by == coordinator
    invitation.refresh_from_db()
    assert invitation.accepted_by == newcomer and invitation.accepted_at is not None
    # Where confirming leads, a notice links to the platform that waits for them.
    assert f'<a href="{platform.url}">{platform.title}</a>' in response.content.decode()

    # The invitation waits on the platform's page; accepting makes a member.
    page = client.get(url(platform)).content.decode()
    assert f'action="{url(platform, "join")}"' in page
    client.post(url(platform, "join"))
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE

    # It is no longer waiting on the coordinator's page.
    client.force_login(coordinator)
    assert "nour.eng@example.tn" not in client.get(url(platform, "manage")).content.decode()


def test_inviting_an_address_again_resends_rather_than_duplicating(
    invite_only, django_capture_on_commit_callbacks
):
    platform, coordinator = invite_only
    for _round in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.membership_invite(platform=platform, email="twice@example.ly", by=coordinator)
    assert PlatformInvitation.objects.filter(platform=platform).count() == 1
    assert [m.to for m in mail.outbox].count(["twice@example.ly"]) == 2


def test_an_address_already_confirmed_on_an_account_invites_that_account(invite_only, make_person):
    platform, coordinator = invite_only
    colleague = make_person("colleague")
    EmailAddress.objects.create(user=colleague, email="work@baladiya.ly", verified=True)
    invited = services.membership_invite(
        platform=platform, email="WORK@baladiya.ly", by=coordinator
    )
    assert isinstance(invited, Membership) and invited.user == colleague
    assert not PlatformInvitation.objects.filter(platform=platform).exists()


def test_a_withdrawn_or_lapsed_invitation_lets_nobody_in(invite_only, make_person, client):
    platform, coordinator = invite_only
    withdrawn = services.membership_invite(
        platform=platform, email="late@example.ps", by=coordinator
    )
    lapsed = services.membership_invite(platform=platform, email="old@example.ps", by=coordinator)
    PlatformInvitation.objects.filter(pk=lapsed.pk).update(
        sent_at=timezone.now() - timedelta(days=91)
    )
    client.force_login(coordinator)
    client.post(url(platform, "withdraw_invitation", withdrawn.pk))
    withdrawn.refresh_from_db()
    assert withdrawn.withdrawn_at is not None
    page = client.get(url(platform, "manage")).content.decode()
    assert url(platform, "withdraw_invitation", withdrawn.pk) not in page
    assert url(platform, "withdraw_invitation", lapsed.pk) not in page
    assert "old@example.ps" not in page

    for email in ("late@example.ps", "old@example.ps"):
        person = get_user_model().objects.create_user(email=email, password="x")
        confirm(person, email)
        assert not Membership.objects.filter(user=person).exists()


def test_only_coordinators_invite_and_withdraw(invite_only, make_person, client):
    platform, coordinator = invite_only
    moderator = make_person("moderator-only")
    add_member(platform, moderator, role=Role.MODERATOR)
    with pytest.raises(PermissionDenied):
        services.membership_invite(platform=platform, email="x@example.ly", by=moderator)
    invitation = services.membership_invite(platform=platform, email="y@example.ly", by=coordinator)
    client.force_login(moderator)
    response = client.post(url(platform, "withdraw_invitation", invitation.pk))
    assert response.status_code == HTTPStatus.NOT_FOUND
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_a_malformed_address_is_refused_in_the_coordinators_language(invite_only, client):
    platform, coordinator = invite_only
    with translation.override("ar"), pytest.raises(ValidationError) as error:
        services.membership_invite(platform=platform, email="not an address", by=coordinator)
    assert re.search(r"[\u0600-\u06ff]", error.value.messages[0]), error.value.messages
    assert not PlatformInvitation.objects.filter(platform=platform).exists()


def test_confirming_keeps_a_members_or_a_banned_persons_status(invite_only, make_person):
    platform, coordinator = invite_only
    banned = make_person("banned-one")
    add_member(platform, banned, status=MembershipStatus.BANNED)
    services.membership_invite(platform=platform, email="second@example.ly", by=coordinator)
    confirm(banned, "second@example.ly")
    assert Membership.objects.get(user=banned).status == MembershipStatus.BANNED
    assert PlatformInvitation.objects.get(platform=platform).accepted_by == banned
