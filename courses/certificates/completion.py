"""Certificates on completion: a run's completions are issued together, a batch at a time.

Completing a course queues no task of its own. It asks for its run's waiting
certificates to be issued (:func:`certificates_schedule`): when no issuing task of
that run is already waiting in the queue, one is queued, so a hundred learners who
finish a workshop's last activity within a minute cost a few tasks, not a hundred.

The task (``tasks.issue_waiting_certificates``) claims up to ``batch.BATCH_SIZE`` of the
run's completed enrolments that hold no certificate at all — a revoked one counts,
so revoking is never undone behind a trainer's back — by locking their rows with
``FOR UPDATE SKIP LOCKED``: tasks running side by side take different learners and
never render one twice. When its claim is full it queues its successor before it
renders, so every worker process shares a large run. The batch is rendered, numbered,
signed and stored while the rows stay locked, and the locks go with the commit; a
task that dies or fails rolls back, its learners wait again, and its retry (or the
next task of the run) takes them. The database constraint of
:func:`services.certificate_issue` still guarantees one valid certificate per
learner and run.
"""

import logging

from django.core.cache import cache
from django.db import transaction

from courses.models import CourseRun

from . import batch
from .batch import BatchOutcome, certificates_issue_batch, waiting_enrollments

logger = logging.getLogger(__name__)

# How long "a task of this run is waiting in the queue" is believed without the task
# starting; afterwards the next completion queues another (a lost message costs this).
QUEUED_SECONDS = 300


def _queued_key(run_id: int) -> str:
    return f"certificates:run-queued:{run_id}"


def certificates_schedule(run_id: int) -> bool:
    """Have the run's waiting certificates issued; True if this call queued a task.

    Safe to call for every completion: a task already waiting for the run takes
    this one too. Without the cache every call queues a task (the tasks still
    share the work without overlapping).
    """
    from .tasks import issue_waiting_certificates

    try:
        first = cache.add(_queued_key(run_id), 1, QUEUED_SECONDS)
    except Exception:  # the cache is down: better one task too many than none
        logger.warning("Cache unavailable: queueing certificates of run %s", run_id, exc_info=True)
        first = True
    if first:
        issue_waiting_certificates.delay(run_id)
    return first


def certificates_task_started(run_id: int) -> None:
    """An issuing task of the run is running: completions from now on queue the next one."""
    try:
        cache.delete(_queued_key(run_id))
    except Exception:
        logger.warning("Cache unavailable: run %s stays marked queued", run_id, exc_info=True)


def certificates_issue_waiting(
    *, run: CourseRun, limit: int | None = None, exclude=(), on_full=None
) -> BatchOutcome | None:
    """Claim up to ``limit`` (``batch.BATCH_SIZE``) waiting learners of the run and
    issue their certificates.

    Returns what the batch did, or None when no learner waits (or every one is
    claimed by another task, or in ``exclude``). ``on_full`` is called, rows
    claimed and before rendering, when the claim took ``limit`` learners: more may
    be waiting.
    """
    limit = limit or batch.BATCH_SIZE
    with transaction.atomic():
        claimed = list(
            waiting_enrollments(run)
            .exclude(pk__in=list(exclude))
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        if not claimed:
            return None
        if on_full is not None and len(claimed) == limit:
            on_full()
        return certificates_issue_batch(run=run, enrollment_ids=claimed)
