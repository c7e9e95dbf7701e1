"""CSRF: every view is protected unless it is on a short, reasoned list."""

from django.test import Client

import pytest

from .urlwalk import routes

# Views Django's CSRF middleware lets through, and why that is safe.
EXEMPT = {
    # RFC 8058 one-click unsubscribe: mail clients post without a form; the signed
    # token is the authority and all it can do is mute e-mails about one topic.
    "community.account_views.unsubscribe",
}


def test_no_view_skips_csrf_but_the_listed_ones():
    exempt = {}
    for route in routes():
        callback = route.callback
        if not getattr(callback, "csrf_exempt", False):
            continue
        api = getattr(callback, "cls", None)
        if api is not None:
            # Django REST framework views (Wagtail's admin API): exempt from the middleware,
            # but their session authentication enforces CSRF itself.
            from rest_framework.authentication import SessionAuthentication

            classes = getattr(api, "authentication_classes", [])
            assert any(issubclass(c, SessionAuthentication) for c in classes), route.route
            continue
        exempt[route.view] = route.route
    assert set(exempt) == EXEMPT, exempt


@pytest.mark.django_db
def test_posts_without_a_token_are_refused(demo_site, django_user_model):
    from community.models import PlatformPage, Topic

    platform = PlatformPage.objects.filter(locale__language_code="ar", join_policy="open").first()
    topic = Topic.objects.filter(platform=platform).first()
    user = django_user_model.objects.create_user(email="csrf@example.ly", password="x")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    paths = [
        platform.url + platform.reverse_subpage("join"),
        platform.url + platform.reverse_subpage("topic", args=[topic.pk]),
        "/ar/accounts/profile/",
        "/ar/accounts/logout/",
        "/ar/community/subscription/",
        "/ar/search/",
    ]
    for path in paths:
        assert client.post(path, {"body": "x", "level": "muted"}).status_code == 403, path
    assert not platform.memberships.filter(user=user).exists()
