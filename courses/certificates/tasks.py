import datetime

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from courses.models import Certificate, CourseRun, Enrollment, EnrollmentStatus

from .batch import certificates_issue_batch
from .completion import certificates_issue_waiting, certificates_schedule, certificates_task_started
from .services import certificate_create

# What issuing reads (services._build, pdf.certificate_text); the certificate template
# comes whole.
ENROLLMENT_COLUMNS = (
    "status",
    "score",
    "completed_at",
    "user__name_ar",
    "user__name_latin",
    "user__first_name",
    "user__last_name",
    "user__email",  # the credential's hashed recipient
    "run__starts",
    "run__ends",
    "run__course__title",
    "run__course__estimated_hours",
    "run__course__certificate_template",
    "run__course__url_path",  # the credential names the course's page
    "run__course__summary",  # and its criteria
)


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
    ignore_result=True,  # nobody waits for it: the certificate row is the result
)
def issue_certificate(enrollment_id: int) -> str | None:
    """Issue the certificate of one completed enrolment now; safe to run twice.

    Completions go through ``issue_waiting_certificates`` instead (see completion.py).
    """
    # One query for the enrolment, its learner, run, course, template, and the
    # code of a valid certificate if there is one already (a retry, a double signal).
    # Only the columns a certificate prints, and no ORDER BY (one row by its key):
    # with every column of six tables it took about 3 ms more per task, 2 ms of them
    # Django's CPU (measured; a render is about 50 ms).
    enrollment = (
        Enrollment.objects.select_related("user", "run__course__certificate_template")
        .only(*ENROLLMENT_COLUMNS)
        .annotate(
            valid_code=Subquery(
                Certificate.objects.filter(
                    user=OuterRef("user"), run=OuterRef("run"), revoked_at__isnull=True
                )
                .order_by()
                .values("code")[:1]
            )
        )
        .filter(pk=enrollment_id, status=EnrollmentStatus.COMPLETED)
        .order_by()[:1]
    )
    enrollment = next(iter(enrollment), None)
    if enrollment is None:
        return None
    if enrollment.valid_code:
        return enrollment.valid_code
    return certificate_create(user=enrollment.user, run=enrollment.run, enrollment=enrollment).code


class CertificatesFailed(Exception):
    """Some certificates of a batch failed; the task retries those alone."""


def _backoff(task) -> int:
    """Seconds before a batch task's next try, as ``retry_backoff`` would wait."""
    return get_exponential_backoff_interval(
        factor=1, retries=task.request.retries, maximum=600, full_jitter=True
    )


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(Exception,),  # the batch rolled back: its learners wait again
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
    ignore_result=True,
)
def issue_waiting_certificates(self, run_id: int) -> dict:
    """Issue a batch of the certificates a run's completions are waiting for.

    Queued by ``completion.certificates_schedule``. A worker takes one batch and,
    when the batch is full, queues its successor first, so that every worker process
    can take a batch of a large run; run eagerly (no worker), it takes them all.
    Learners whose certificate failed are retried with the run's next attempt.
    """
    certificates_task_started(run_id)
    run = CourseRun.objects.select_related("course__certificate_template").filter(pk=run_id).first()
    if run is None:
        return {"issued": 0, "failed": []}
    eager = bool(self.request.is_eager)
    issued, failed = 0, {}
    while True:
        outcome = certificates_issue_waiting(
            run=run,
            exclude=failed,
            on_full=None if eager else lambda: certificates_schedule(run_id),
        )
        if outcome is None:
            break
        issued += len(outcome.issued)
        failed.update(outcome.failed)
        if not eager:
            break
    if failed:
        # The others are stored; the failed ones still wait, and the retry takes them.
        raise self.retry(
            exc=CertificatesFailed(failed),
            countdown=_backoff(self),
        )
    return {"issued": issued, "failed": []}


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(Exception,),  # the whole batch: the database went away…
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
    ignore_result=True,
)
def issue_certificates(
    self,
    run_id: int,
    enrollment_ids: list[int] | None = None,
    user_ids: list[int] | None = None,
    issued_by_id: int | None = None,
    completed_on: str | None = None,
) -> dict:
    """Issue the certificates of many learners of one run (see certificates_issue_batch).

    Safe to run twice or beside ``issue_certificate``. Learners whose certificate
    failed are retried by themselves; the others' certificates are kept.
    """
    run = CourseRun.objects.select_related("course__certificate_template").filter(pk=run_id).first()
    if run is None:
        return {"issued": 0, "existing": 0, "skipped": 0, "failed": []}
    issued_by = get_user_model().objects.filter(pk=issued_by_id).first() if issued_by_id else None
    outcome = certificates_issue_batch(
        run=run,
        enrollment_ids=enrollment_ids or (),
        user_ids=user_ids or (),
        issued_by=issued_by,
        completed_on=datetime.date.fromisoformat(completed_on) if completed_on else None,
    )
    if outcome.failed:
        # Only the failed ones again; the others' certificates are committed.
        raise self.retry(
            args=(run_id,),
            kwargs={
                "enrollment_ids": [pk for pk in enrollment_ids or () if pk in outcome.failed],
                "user_ids": [pk for pk in user_ids or () if pk in outcome.failed],
                "issued_by_id": issued_by_id,
                "completed_on": completed_on,
            },
            exc=CertificatesFailed(outcome.failed),
            countdown=_backoff(self),
        )
    return {
        "issued": len(outcome.issued),
        "existing": len(outcome.existing),
        "skipped": len(outcome.skipped),
        "failed": [],
    }
