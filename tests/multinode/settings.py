"""Production settings for the many-machines tests, with static files from the finders.

Everything the tests exercise is production's: PostgreSQL, Redis for cache,
sessions and broker, Celery workers (not eager), Secure cookies, HSTS and the
SSL redirect behind a proxy that sends ``X-Forwarded-Proto``. Only static files
differ, as in ``cms.settings.test`` (no ``collectstatic`` run, no manifest), and
every Redis key carries the run's prefix, so that runs can share a Redis database.
"""

import os

from cms.settings.production import *  # noqa: F403
from cms.settings.production import CELERY_BROKER_TRANSPORT_OPTIONS, STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# The cache's keys carry CACHE_KEY_PREFIX already; Celery's queues, unacknowledged
# messages, bindings and results get the same prefix.
REDIS_PREFIX = os.environ["CACHE_KEY_PREFIX"] + ":"
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "global_keyprefix": REDIS_PREFIX,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"global_keyprefix": REDIS_PREFIX}
