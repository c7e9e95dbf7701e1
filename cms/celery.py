"""The Celery application.

Broker and result store are Redis when REDIS_URL is set; without it
CELERY_TASK_ALWAYS_EAGER runs every task in-process (see settings/base.py).
"""

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("markaz")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def close_stale_connections(sender=None, **kwargs):
    """Workers keep their database connection between tasks (CELERY_DB_REUSE_MAX); like a
    request, each task starts by dropping one that an error broke or CONN_MAX_AGE retired.
    Not for eager tasks: they run inside the caller's request or transaction."""
    from django.db import close_old_connections

    if not getattr(getattr(sender, "request", None), "is_eager", False):
        close_old_connections()
