"""`load_demo` and `ensure_admin`: idempotent set-up commands that `make run` calls."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Site

import pytest
from allauth.account.models import EmailAddress

from cms.home.models import HomePage

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent():
    from community.models import PlatformInvitation

    def counts():
        return (
            Page.objects.count(),
            HomePage.objects.count(),
            Site.objects.count(),
            PlatformInvitation.objects.count(),
        )

    call_command("load_demo", stdout=StringIO())
    before = counts()
    assert before[-1] >= 1  # an invitation waits on the village councils' platform
    call_command("load_demo", stdout=StringIO())
    assert counts() == before
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == [
        "ar",
        "en",
        "fr",
    ]
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "ar"


def test_ensure_admin_from_environment(monkeypatch):
    monkeypatch.setenv("MARKAZ_ADMIN_EMAIL", "Director@Markaz.example")
    monkeypatch.setenv("MARKAZ_ADMIN_PASSWORD", "a-strong-admin-password")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    admin = get_user_model().objects.get(is_superuser=True)
    assert admin.email == "director@markaz.example"
    assert admin.check_password("a-strong-admin-password")
    assert "a-strong-admin-password" not in out.getvalue()
    assert EmailAddress.objects.get(user=admin).verified

    call_command("ensure_admin", stdout=out)
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_ensure_admin_generates_and_prints_a_password_once(monkeypatch):
    monkeypatch.delenv("MARKAZ_ADMIN_PASSWORD", raising=False)
    first, second = StringIO(), StringIO()
    call_command("ensure_admin", stdout=first)
    password = first.getvalue().split("password:")[1].split()[0]
    admin = get_user_model().objects.get(is_superuser=True)
    assert len(password) >= 12
    assert admin.check_password(password)
    call_command("ensure_admin", stdout=second)
    assert password not in second.getvalue()
