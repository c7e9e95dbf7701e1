"""Security headers on the pages people open, and no inline script the policy would need."""

import re

import pytest

from community.models import PlatformPage, Topic
from courses.models import CoursePage

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def _pages():
    from cms.news.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="ar").first()
    course = CoursePage.objects.live().filter(locale__language_code="ar").first()
    platform = (
        PlatformPage.objects.live().filter(locale__language_code="ar", visibility="public").first()
    )
    topic = Topic.objects.filter(platform=platform).first()
    return [
        "/ar/",
        "/en/",
        news.url,
        "/ar/courses/",
        course.url,
        platform.url,
        platform.url + platform.reverse_subpage("topic", args=[topic.pk]),
        "/verify/",
        "/ar/accounts/signup/",
    ]


@pytest.mark.django_db
def test_site_pages_send_a_strict_policy_and_carry_no_inline_script(client, demo_site):
    for path in _pages():
        response = client.get(path)
        assert response.status_code == 200, path
        policy = dict(
            (part.split(" ", 1) + [""])[:2]
            for part in response["Content-Security-Policy"].split("; ")
        )
        assert policy["script-src"] == "'self'", path
        assert policy["frame-ancestors"] == "'self'", path
        assert policy["object-src"] == "'none'", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert not INLINE_SCRIPT.findall(response.content.decode()), path


@pytest.mark.django_db
def test_the_admin_keeps_its_own_headers(client, demo_site):
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_a_lesson_playing_h5p_allows_inline_script_and_only_that_lesson(
    client, demo_site, django_user_model
):
    """h5p-standalone writes its settings into the player frame as an inline script."""
    from courses.models import Enrollment, EnrollmentStatus, LessonPage

    lessons = LessonPage.objects.live().filter(locale__language_code="ar")
    with_h5p = next(lesson for lesson in lessons if "h5p" in {b.block_type for b in lesson.body})
    without = next(
        lesson
        for lesson in lessons
        if lesson.course.pk == with_h5p.course.pk
        and "h5p" not in {b.block_type for b in lesson.body}
    )
    learner = django_user_model.objects.create_user(email="csp@example.ly", password="x")
    run = with_h5p.course.runs.first()
    Enrollment.objects.create(user=learner, run=run, status=EnrollmentStatus.ACTIVE)
    client.force_login(learner)
    h5p_policy = client.get(with_h5p.url)["Content-Security-Policy"]
    plain_policy = client.get(without.url)["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in h5p_policy
    assert "script-src 'self';" in plain_policy


PRODUCTION_SECURITY = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
]


@pytest.fixture
def production_security(settings):
    """The security settings cms.settings.production gives (read in a process of its own,
    since it refuses to load without its secrets), applied to this test's settings."""
    import json

    from .test_settings import PRODUCTION_ENV, run

    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {PRODUCTION_SECURITY!r}}}))"
    )
    result = run(["-c", "import django; django.setup(); " + code], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    for name, value in values.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    return values


@pytest.mark.django_db
def test_production_headers_and_cookies(client, production_security, verified_user, user_password):
    assert production_security["SECURE_HSTS_SECONDS"] >= 31536000
    # Plain HTTP is sent to HTTPS (the proxy says which one it was), except the health check.
    response = client.get("/ar/accounts/login/", HTTP_X_FORWARDED_PROTO="http")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz", HTTP_X_FORWARDED_PROTO="http").status_code in (200, 503)

    https = {"HTTP_X_FORWARDED_PROTO": "https"}
    page = client.get("/ar/accounts/login/", **https)
    assert page.status_code == 200
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "frame-ancestors 'self'" in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "SAMEORIGIN"
    assert page.cookies["csrftoken"]["secure"]

    response = client.post(
        "/ar/accounts/login/", {"login": verified_user.email, "password": user_password}, **https
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
    language = client.get("/en/", **https).cookies.get("markaz_language")
    if language is not None:  # set when the language changes
        assert language["secure"]
