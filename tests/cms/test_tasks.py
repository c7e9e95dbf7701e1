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


def test_a_worker_registers_every_task_the_code_defines():
    """A worker knows only the tasks autodiscovery imports: one it misses fails in production
    with NotRegistered while every eager test passes. Checked in a fresh interpreter, as a
    worker starts."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(settings.BASE_DIR)
    defined = set()
    for path in root.glob("*/**/*.py"):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for name in re.findall(r"@shared_task(?:\(.*?\))?\s*\ndef (\w+)", text, re.S):
            defined.add(f"{module}.{name}")
    assert "courses.certificates.tasks.issue_certificate" in defined
    registered = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from cms.celery import app; "
            "app.loader.import_default_modules(); print('\\n'.join(app.tasks))",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert defined - set(registered) == set()
