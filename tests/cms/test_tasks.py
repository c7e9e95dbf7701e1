"""Celery configuration and the scheduled-publishing task that beat runs."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

import pytest

from cms.celery import app
from cms.home.models import HomePage
from cms.tasks import publish_scheduled


def test_beat_runs_scheduled_publishing_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert entry["task"] == "cms.tasks.publish_scheduled"
    assert entry["schedule"] == 60.0
    assert "cms.tasks.publish_scheduled" in app.tasks


def test_tasks_are_acknowledged_late_and_retried():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert publish_scheduled.max_retries == 5
    assert publish_scheduled.retry_backoff


@pytest.mark.django_db
def test_publish_scheduled_task_publishes_due_pages(home_pages):
    page = home_pages.add_child(
        instance=HomePage(title="صفحة مجدولة", slug="scheduled", live=False)
    )
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    page.refresh_from_db()
    assert not page.live

    publish_scheduled.delay()

    page.refresh_from_db()
    assert page.live
    # Running again (a retry or a second beat) changes nothing.
    publish_scheduled.delay()
    page.refresh_from_db()
    assert page.live
