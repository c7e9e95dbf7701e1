"""Throttling of sign-in, e-mail verification, password reset and certificate look-ups.

Each test runs with the limits the site ships with (cms/settings/base.py); the test settings
relax them for the rest of the suite. With REDIS_URL set the counters live in Redis.
"""

import re
from http import HTTPStatus

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest
from allauth.account.models import EmailAddress

from cms.settings import base

from ..courses.conftest import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "pass-1234-word"  # make_user's
TOO_MANY_FAILED = "Too many failed login attempts"


@pytest.fixture(autouse=True)
def shipped_limits(settings, home_pages):
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS


def url(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def log_in(client, email, password, **extra):
    return client.post(url("account_login"), {"login": email, "password": password}, **extra)


def test_failed_logins_lock_the_account_even_against_the_right_password(client):
    user = make_user("target@example.ly")
    for _ in range(5):  # "5/5m/key"
        response = log_in(client, user.email, "guess")
        assert response.status_code == HTTPStatus.OK
        assert TOO_MANY_FAILED not in response.content.decode()
    response = log_in(client, user.email, PASSWORD)
    assert TOO_MANY_FAILED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_address_trying_many_accounts_is_stopped(client):
    """Password spraying: one failure per account, from one address ("20/m/ip")."""
    for n in range(20):
        response = log_in(client, f"sprayed{n}@example.ly", "Spring2026!")
        assert TOO_MANY_FAILED not in response.content.decode(), n
    user = make_user("next@example.ly")
    response = log_in(client, user.email, PASSWORD)
    assert TOO_MANY_FAILED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_posts_from_one_address_get_429(client):
    statuses = [log_in(client, "nobody@example.ly", "x").status_code for _ in range(31)]
    assert statuses[:30].count(HTTPStatus.TOO_MANY_REQUESTS) == 0  # "30/m/ip"
    assert statuses[30] == HTTPStatus.TOO_MANY_REQUESTS


def test_behind_the_proxy_each_client_has_its_own_budget(settings):
    """Production reads the client from X-Forwarded-For (one trusted proxy): one client
    locked out for spraying does not lock out the next one behind the same proxy."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    sprayer, neighbour = Client(), Client()
    for n in range(21):
        response = log_in(
            sprayer, f"sprayed{n}@example.ly", "x", HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
    assert TOO_MANY_FAILED in response.content.decode()
    user = make_user("neighbour@example.ly")
    response = log_in(neighbour, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert response.status_code == HTTPStatus.FOUND
    assert neighbour.session["_auth_user_id"] == str(user.pk)


def sign_up(client, email):
    password = "Mahalli-2026-secure"
    client.post(
        url("account_signup"),
        {"email": email, "password1": password, "password2": password, "name_ar": "عمر"},
    )
    return password


def test_confirmation_mail_is_not_sent_again_at_every_login_attempt(client):
    password = sign_up(client, "omar@example.ly")
    assert len(mail.outbox) == 1
    for _ in range(3):
        Client().post(url("account_login"), {"login": "omar@example.ly", "password": password})
    assert len(mail.outbox) == 1  # "1/3m/key"


def test_resending_from_the_email_page_is_limited(client):
    user = make_user("salma@example.ly")
    client.force_login(user)
    client.post(url("account_email"), {"action_add": "", "email": "salma.work@example.ly"})
    assert len(mail.outbox) == 1
    resend = {"action_send": "", "email": "salma.work@example.ly"}
    client.post(url("account_email"), resend)
    assert len(mail.outbox) == 1  # within 3 minutes of the first: not sent again
    # "10/m/user" on the page's actions: after that, 429.
    statuses = [client.post(url("account_email"), resend).status_code for _ in range(10)]
    assert HTTPStatus.TOO_MANY_REQUESTS in statuses
    assert len(mail.outbox) == 1


def test_confirmation_keys_cannot_be_tried_one_after_another(client):
    sign_up(client, "key@example.ly")
    link = re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    statuses = [client.get(f"/ar/accounts/confirm-email/guess{n}/").status_code for n in range(10)]
    assert HTTPStatus.TOO_MANY_REQUESTS not in statuses  # "10/m/ip"
    # The right key now comes too late: the address has to wait.
    assert client.get(link.group(1)).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert client.post(link.group(1)).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not EmailAddress.objects.get(email="key@example.ly").verified


def test_a_confirmation_link_still_works_within_the_limit(client):
    sign_up(client, "ok@example.ly")
    link = re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    assert client.get(link.group(1)).status_code == HTTPStatus.OK
    assert client.post(link.group(1)).status_code == HTTPStatus.FOUND
    assert EmailAddress.objects.get(email="ok@example.ly").verified


def test_password_reset_mails_to_one_address_are_limited(client):
    user = make_user("reset@example.ly")
    statuses = [
        client.post(url("account_reset_password"), {"email": user.email}).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [HTTPStatus.FOUND] * 5  # "5/h/key"
    assert statuses[5] == HTTPStatus.TOO_MANY_REQUESTS
    assert len(mail.outbox) == 5


def test_password_reset_from_one_address_is_limited_across_accounts(client):
    statuses = [
        client.post(url("account_reset_password"), {"email": f"r{n}@example.ly"}).status_code
        for n in range(21)
    ]
    assert HTTPStatus.TOO_MANY_REQUESTS not in statuses[:20]  # "20/m/ip"
    assert statuses[20] == HTTPStatus.TOO_MANY_REQUESTS


def test_certificate_look_ups_count_per_client_behind_the_proxy(settings):
    """/verify/<code>/ allows 30 look-ups a minute per client (tested in test_certificates);
    behind the proxy, per client too, not for every visitor together."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    guesser, visitor = Client(), Client()
    statuses = [
        guesser.get("/verify/MRKZ-0000-0000/", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code
        for _ in range(31)
    ]
    assert statuses[-1] == HTTPStatus.TOO_MANY_REQUESTS
    response = visitor.get("/verify/MRKZ-0000-0000/", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert response.status_code == HTTPStatus.NOT_FOUND
