"""Settings for pytest: SQLite unless DATABASE_URL/REDIS_URL point at real services."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import REDIS_URL

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Never the developer's media/: each test run writes into a temporary folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="markaz-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="markaz-test-private-"))
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if REDIS_URL:
    # Each pytest-xdist worker gets its own Redis database, counted from the one after
    # REDIS_URL's (the broker's): tests clear the cache, and one worker (or one test run
    # given another database) must not wipe another's rate-limit counters or pages.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    address = urlsplit(REDIS_URL)
    database = 1 + (int(address.path.strip("/") or 0) + worker) % 15
    CACHES["default"]["LOCATION"] = urlunsplit(address._replace(path=f"/{database}"))
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run in the test process; against Redis the broker is still checked by /healthz.
CELERY_TASK_ALWAYS_EAGER = True
# Rate limits are exercised by their own tests through override_settings.
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key"}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the finders, as in development: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
