from django.core.cache import cache

import pytest

from cms import demo


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never the developer's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters and cached pages must not leak between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _badge_signing_key(tmp_path_factory):
    """Certificates sign their Open Badges credential when issued: every test run has
    its own key file, never the developer's (tests of the keys make their own)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = tmp_path_factory.mktemp("badge-key") / "badge.pem"
    path.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPEN_BADGES_KEY_FILE", str(path))
        patch.delenv("OPEN_BADGES_PRIVATE_KEY", raising=False)
        yield path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once per test database; tests roll back to it."""
    with django_db_blocker.unblock():
        demo.load()


@pytest.fixture
def demo_site(db):
    """The demo content (again, if a transactional test flushed it)."""
    from cms.news.models import NewsPage

    if not NewsPage.objects.exists():
        demo.load()
    return demo.ensure_home_pages(demo.ensure_locales())


@pytest.fixture
def home_pages(db):
    """The Arabic home page at the site root with its en and fr translations."""
    locales = demo.ensure_locales()
    return demo.ensure_home_pages(locales)


@pytest.fixture
def user_password():
    return "correct-horse-battery-staple-42"


@pytest.fixture
def verified_user(db, user_password):
    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user(
        email="salma@example.org", password=user_password, name_ar="سلمى الورفلي"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
