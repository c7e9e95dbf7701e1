"""Sign-up, mandatory e-mail verification, login and profile, as a trainee meets them."""

import re
from http import HTTPStatus

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

import pytest

from cms.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "ar", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def sign_up(client, email="omar@example.ly", language="ar", **extra):
    data = {
        "email": email,
        "password1": "Mahalli-2026-secure",
        "password2": "Mahalli-2026-secure",
        "name_ar": "عمر بن علي",
        "name_latin": "Omar Ben Ali",
        **extra,
    }
    return client.post(url("account_signup", language), data)


def translated(language: str, message: str) -> str:
    with translation.override(language):
        text = translation.gettext(message)
    assert language == "en" or text != message, f"{message!r} has no {language} translation"
    return text


def verification_link(message) -> str:
    match = re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_verify_login_and_complete_profile(client, home_pages):
    response = sign_up(client)
    assert response.status_code == HTTPStatus.FOUND
    user = get_user_model().objects.get(email="omar@example.ly")
    assert user.name_ar == "عمر بن علي"
    assert user.preferred_language == "ar"

    # Verification is mandatory: the account cannot log in before it.
    client.logout()
    response = client.post(
        url("account_login"), {"login": "omar@example.ly", "password": "Mahalli-2026-secure"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1  # the re-send at this login attempt is rate-limited
    assert mail.outbox[0].to == ["omar@example.ly"]

    link = verification_link(mail.outbox[0])
    assert link.startswith("/ar/")
    page = client.get(link)
    assert page.status_code == HTTPStatus.OK
    assert "تأكيد" in page.content.decode()  # allauth's page, in Arabic, in our layout
    assert 'dir="rtl"' in page.content.decode()
    response = client.post(link)
    # Confirming logs the user in and, with an incomplete profile, sends them to it.
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url("accounts:profile")
    assert client.session["_auth_user_id"] == str(user.pk)

    tripoli = Municipality.objects.get(slug="tripoli")
    response = client.post(
        url("accounts:profile"),
        {
            "name_ar": "عمر بن علي",
            "name_latin": "Omar Ben Ali",
            "municipality": tripoli.pk,
            "position": "مسؤول التخطيط",
            "organisation_type": "municipality",
            "gender": "male",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    user.refresh_from_db()
    assert user.municipality == tripoli
    assert user.position == "مسؤول التخطيط"
    assert user.preferred_language == "fr"
    assert user.profile_complete

    # Next login lands in the language the user prefers.
    client.logout()
    response = client.post(
        url("account_login"), {"login": "omar@example.ly", "password": "Mahalli-2026-secure"}
    )
    assert response["Location"] == url("accounts:profile", "fr")


def test_signup_needs_a_name(client, home_pages):
    response = sign_up(client, name_ar="", name_latin="")
    assert response.status_code == HTTPStatus.OK
    expected = translated("ar", "Give your full name in Arabic or in Latin script.")
    assert escape(expected) in response.content.decode()
    assert not get_user_model().objects.filter(email="omar@example.ly").exists()


def test_profile_rejects_names_in_the_wrong_script_in_the_users_language(client, verified_user):
    client.force_login(verified_user)
    for language in ("ar", "en", "fr"):
        expected = translated(language, "Write this name in Arabic letters only.")
        response = client.post(
            url("accounts:profile", language),
            {"name_ar": "Salma", "name_latin": "Salma Warfalli", "preferred_language": "ar"},
        )
        assert response.status_code == HTTPStatus.OK
        assert escape(expected) in response.content.decode()
    verified_user.refresh_from_db()
    assert verified_user.name_ar == "سلمى الورفلي"


def test_profile_needs_login(client, home_pages):
    response = client.get(url("accounts:profile"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(url("account_login"))


def test_password_change_and_reset(client, verified_user, user_password, home_pages):
    client.force_login(verified_user)
    response = client.post(
        url("account_change_password"),
        {
            "oldpassword": user_password,
            "password1": "A-new-Password-2026",
            "password2": "A-new-Password-2026",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    verified_user.refresh_from_db()
    assert verified_user.check_password("A-new-Password-2026")

    client.logout()
    mail.outbox.clear()
    response = client.post(url("account_reset_password"), {"email": verified_user.email})
    assert response.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 1
    match = re.search(r"https?://testserver(/\S+/password/reset/key/\S+/)", mail.outbox[0].body)
    assert match
    follow = client.get(match.group(1))  # allauth redirects to a tokenless URL
    assert follow.status_code == HTTPStatus.FOUND
    response = client.post(
        follow["Location"], {"password1": "Reset-Password-2026", "password2": "Reset-Password-2026"}
    )
    assert response.status_code == HTTPStatus.FOUND
    verified_user.refresh_from_db()
    assert verified_user.check_password("Reset-Password-2026")


def test_logout_by_post(client, verified_user, home_pages):
    client.force_login(verified_user)
    response = client.post(url("account_logout"))
    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_rate_limited(client, verified_user, settings, home_pages):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/5m/key"}
    for _ in range(3):
        response = client.post(
            url("account_login"), {"login": verified_user.email, "password": "wrong"}
        )
        assert response.status_code == HTTPStatus.OK
    # Even the right password is refused while the limit holds.
    response = client.post(
        url("account_login", "en"), {"login": verified_user.email, "password": "wrong-again"}
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_allauth_pages_render_in_site_layout_in_each_language(client, home_pages):
    for language, direction, text in (
        ("ar", "rtl", "تسجيل الدخول"),
        ("en", "ltr", "Sign In"),
        ("fr", "ltr", "Connexion"),
    ):
        response = client.get(url("account_login", language))
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert text in html
        assert 'class="site-header"' in html
