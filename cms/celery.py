"""The Celery application.

Broker and result store are Redis when REDIS_URL is set; without it
CELERY_TASK_ALWAYS_EAGER runs every task in-process (see settings/base.py).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("markaz")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
