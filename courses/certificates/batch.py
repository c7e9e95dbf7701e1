"""Issuing many certificates of one run at once: bulk issues by trainers and administrators.

One lookup of the enrolments, the template and the valid certificates serves
the whole batch, and one transaction numbers and inserts it; the guarantees are
those of :func:`services.certificate_issue`. Completing a course still issues
its certificate alone (``tasks.issue_certificate``).
"""

import logging
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction

from courses.models import Certificate, CourseRun, Enrollment, EnrollmentStatus

from .pdf import render_pdf
from .services import (
    Signer,
    _build,
    _delete_file,
    _lock_and_next_status_index,
    _store,
    template_for,
)

logger = logging.getLogger(__name__)

# Certificates per batch task: big enough that one transaction and one set of
# lookups serve many, small enough that a retry or a lost worker redoes little.
BATCH_SIZE = 50


@dataclass
class BatchOutcome:
    """What a batch did, by enrolment id (or user id for attendance lists)."""

    issued: dict[int, Certificate] = field(default_factory=dict)  # new certificates
    existing: dict[int, Certificate] = field(default_factory=dict)  # already valid
    skipped: list[int] = field(default_factory=list)  # not completed, gone, other run
    failed: dict[int, str] = field(default_factory=dict)  # worth another try

    @property
    def certificates(self) -> list[Certificate]:
        return [*self.existing.values(), *self.issued.values()]


def certificates_issue_batch(
    *,
    run: CourseRun,
    enrollment_ids=(),
    user_ids=(),
    issued_by=None,
    completed_on=None,
) -> BatchOutcome:
    """Issue the certificates of many learners of one run with one set of lookups.

    Either completed enrolments (``enrollment_ids``; any other is skipped) or
    users from an attendance list (``user_ids``). The same guarantees as
    :func:`certificate_issue`: one valid certificate per learner and run, and a
    learner whose certificate fails is reported in ``failed`` without costing
    the others theirs. Numbers are taken in one transaction for the whole batch.
    """
    from django.contrib.auth import get_user_model

    outcome = BatchOutcome()
    # Each learner once, in the order given, keyed as the caller named them.
    entries: dict[int, tuple] = {}
    if enrollment_ids:
        found = {
            enrollment.pk: enrollment
            for enrollment in Enrollment.objects.select_related("user").filter(
                pk__in=enrollment_ids, run=run, status=EnrollmentStatus.COMPLETED
            )
        }
        for pk in dict.fromkeys(enrollment_ids):
            if pk in found:
                entries[pk] = (found[pk].user, found[pk])
            else:
                outcome.skipped.append(pk)
    if user_ids:
        users = get_user_model().objects.in_bulk(list(user_ids))
        for pk in dict.fromkeys(user_ids):
            if pk in users:
                entries[pk] = (users[pk], None)
            else:
                outcome.skipped.append(pk)
    if not entries:
        return outcome
    template = template_for(run)
    valid = _valid_by_user(run, [user.pk for user, _enrollment in entries.values()])
    pending, seen = {}, set()
    for key, (user, enrollment) in entries.items():
        if user.pk in valid:
            outcome.existing[key] = valid[user.pk]
            continue
        if user.pk in seen:
            outcome.skipped.append(key)  # the same learner twice in one batch
            continue
        seen.add(user.pk)
        try:
            certificate = _build(
                user=user,
                run=run,
                enrollment=enrollment,
                template=template,
                issued_by=issued_by,
                completed_on=completed_on,
                expires_on=None,
            )
            pdf = render_pdf(certificate, template)
        except Exception as error:
            logger.exception("Certificate for %s (run %s) failed", key, run.pk)
            outcome.failed[key] = repr(error)
            continue
        # Kept in memory until stored: a worker killed before then leaves no file behind.
        pending[key] = (certificate, pdf)
    if pending:
        _store_batch(run, pending, outcome, Signer.for_course(run.course))
    return outcome


def _valid_by_user(run: CourseRun, user_ids) -> dict[int, Certificate]:
    return {
        certificate.user_id: certificate
        for certificate in Certificate.objects.filter(
            run=run, user_id__in=user_ids, revoked_at__isnull=True
        )
    }


def _store_batch(
    run: CourseRun, pending: dict[int, tuple[Certificate, bytes]], outcome: BatchOutcome, signer
) -> None:
    """One transaction numbers, signs, files and inserts the whole batch; on a failure, one
    by one. Files are written under the numbering lock, just before the rows that name them."""
    try:
        with transaction.atomic():
            index = _lock_and_next_status_index()
            # Under the lock every other issuer has committed: who got there first?
            won = _valid_by_user(run, [c.user_id for c, _pdf in pending.values()])
            fresh = {}
            for key, (certificate, _pdf) in pending.items():
                if certificate.user_id in won:
                    outcome.existing[key] = won[certificate.user_id]
                else:
                    fresh[key] = certificate
            for offset, (key, certificate) in enumerate(fresh.items()):
                certificate.status_index = index + offset
                signer.sign(certificate)
                certificate.pdf.save(
                    f"{certificate.code}.pdf", ContentFile(pending[key][1]), save=False
                )
            Certificate.objects.bulk_create(fresh.values())
    except DatabaseError:
        # A code collision or a bad row: the rest must not pay for it, so each
        # certificate gets its own transaction (and its own error).
        logger.warning("Batch of certificates for run %s stored one by one", run.pk, exc_info=True)
        for key, (certificate, pdf) in pending.items():
            _delete_file(certificate)  # written in the transaction that was rolled back
            if key in outcome.existing:
                continue  # issued by another worker
            try:
                certificate.status_index = None
                stored = _store(certificate, pdf, signer=signer)
            except Exception as error:
                logger.exception("Certificate for %s (run %s) failed", key, run.pk)
                outcome.failed[key] = repr(error)
                continue
            if stored is certificate:
                outcome.issued[key] = stored
            else:
                outcome.existing[key] = stored
        return
    except BaseException:
        # Not the database refusing a row (the connection lost, the worker stopped):
        # nothing was stored, so no file written for this batch may stay.
        for certificate, _pdf in pending.values():
            _delete_file(certificate)
        raise
    outcome.issued.update(fresh)


def waiting_enrollments(run: CourseRun):
    """The run's completed enrolments whose learner holds no certificate of it, oldest first.

    A revoked certificate counts: a revoked learner is issued a new one only by hand.
    """
    return (
        Enrollment.objects.filter(run=run, status=EnrollmentStatus.COMPLETED)
        .exclude(user__in=Certificate.objects.filter(run=run).values("user"))
        .order_by("pk")
    )


def certificates_issue_for_run(*, run: CourseRun, issued_by=None) -> int:
    """Queue certificates for every completed enrolment of the run that has none; how many."""
    from .tasks import issue_certificates

    ids = list(waiting_enrollments(run).values_list("pk", flat=True))
    by = issued_by.pk if issued_by else None
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        transaction.on_commit(
            lambda chunk=chunk: issue_certificates.delay(
                run.pk, enrollment_ids=chunk, issued_by_id=by
            )
        )
    return len(ids)
