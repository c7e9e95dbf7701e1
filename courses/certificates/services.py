"""Issuing, re-issuing and revoking certificates.

Issuing is idempotent: a database constraint allows one valid certificate per
learner and run, so concurrent completions (or a retried task) end with the
same single certificate.
"""

import csv
import io
import logging

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.csv_rows import RowError, RowErrors, decode_csv
from courses.models import Certificate, CertificateTemplate, CourseRun, Enrollment

from .badges import Achievement, credential_sign, signing_key
from .codes import code_generate
from .pdf import render_pdf

logger = logging.getLogger(__name__)

# Any constant: the key of the PostgreSQL advisory lock that hands out status list indices.
STATUS_LIST_LOCK = 0x4D524B5A
# Constants only, no parameters: psycopg sends it as one simple query.
NEXT_STATUS_INDEX_SQL = (
    f"SELECT pg_advisory_xact_lock({STATUS_LIST_LOCK:d}); "  # noqa: S608 - an int constant
    "SELECT COALESCE(MAX(status_index) + 1, 0) FROM courses_certificate"
)


def _lock_and_next_status_index() -> int:
    """Serialise the short step that takes the next status list index, and take it.

    Without the lock two workers read the same MAX and one fails on the unique
    index (and waits for a Celery retry). SQLite already writes one transaction
    at a time.
    """
    if connection.vendor != "postgresql":
        last = Certificate.objects.aggregate(last=Max("status_index"))["last"]
        return 0 if last is None else last + 1
    with connection.cursor() as cursor:
        # Two statements in one round trip: under READ COMMITTED the second takes
        # its snapshot once the first holds the lock, so it sees every earlier issue.
        cursor.execute(NEXT_STATUS_INDEX_SQL)
        cursor.nextset()
        return cursor.fetchone()[0]


def template_for(run: CourseRun) -> CertificateTemplate | None:
    return (
        run.course.certificate_template
        or CertificateTemplate.objects.filter(is_default=True).order_by("pk").first()
    )


def _valid(user, run) -> Certificate | None:
    return Certificate.objects.filter(user=user, run=run, revoked_at__isnull=True).first()


def certificate_issue(
    *,
    user,
    run: CourseRun,
    enrollment: Enrollment | None = None,
    issued_by=None,
    completed_on=None,
    expires_on=None,
) -> Certificate:
    """The learner's valid certificate for the run, created (with its PDF) if missing."""
    existing = _valid(user, run)
    if existing is not None:
        return existing
    return certificate_create(
        user=user,
        run=run,
        enrollment=enrollment,
        issued_by=issued_by,
        completed_on=completed_on,
        expires_on=expires_on,
    )


def certificate_create(
    *,
    user,
    run: CourseRun,
    enrollment: Enrollment | None = None,
    template: CertificateTemplate | None = None,
    issued_by=None,
    completed_on=None,
    expires_on=None,
) -> Certificate:
    """A new certificate, for a caller that already found no valid one.

    The constraint still decides: when another worker got there in between,
    its certificate is returned instead.
    """
    template = template or template_for(run)
    certificate = _build(
        user=user,
        run=run,
        enrollment=enrollment,
        template=template,
        issued_by=issued_by,
        completed_on=completed_on,
        expires_on=expires_on,
    )
    pdf = render_pdf(certificate, template)  # before the transaction: it takes time
    return _store(certificate, pdf, signer=Signer.for_course(run.course))


def _build(*, user, run, enrollment, template, issued_by, completed_on, expires_on) -> Certificate:
    return Certificate(
        code=code_generate(),
        user=user,
        run=run,
        enrollment=enrollment,
        template=template,
        name_ar=user.name_ar,
        name_latin=user.name_latin or user.get_full_name(),
        course_title=run.course.title,
        hours=run.course.estimated_hours,
        grade=enrollment.score if enrollment else None,
        completed_on=completed_on
        or (
            enrollment.completed_at.date()
            if enrollment and enrollment.completed_at
            else timezone.localdate()
        ),
        issued_by=issued_by,
        expires_on=expires_on,
    )


class Signer:
    """Signs the Open Badges credentials of one course's certificates as they are stored.

    Without a configured key (``badge_keys``) certificates are still issued, and each
    credential is signed when it is first downloaded.
    """

    def __init__(self, achievement: Achievement, key):
        self.achievement, self.key = achievement, key

    @classmethod
    def for_course(cls, course) -> "Signer":
        try:
            key = signing_key()
        except ImproperlyConfigured:
            logger.warning("No Open Badges signing key: credentials are signed on download")
            key = None
        return cls(Achievement.of(course), key)

    def sign(self, certificate: Certificate) -> None:
        if self.key is not None:
            credential_sign(certificate, self.achievement, self.key)


def _store(certificate: Certificate, pdf: bytes, *, signer: Signer) -> Certificate:
    """Number, credential, file and row of one certificate, or the valid one that won a race."""
    try:
        with transaction.atomic():
            certificate.status_index = _lock_and_next_status_index()
            signer.sign(certificate)  # its status entry names the index
            # The file first, then one INSERT that already names it.
            if not certificate.pdf.name:
                certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
            certificate.save()
    except IntegrityError:
        # Another worker issued it first (or the code collided): theirs stands,
        # and the file this attempt wrote goes.
        _delete_file(certificate)
        existing = _valid(certificate.user, certificate.run)
        if existing is None:
            raise
        return existing
    except BaseException:
        # Any other failure (the connection lost, a lock timeout, the worker stopped):
        # no row names the file, and a retry writes a new one under a new code.
        _delete_file(certificate)
        raise
    return certificate


def _delete_file(certificate: Certificate) -> None:
    if certificate.pdf.name:
        certificate.pdf.storage.delete(certificate.pdf.name)
        certificate.pdf.name = ""


@transaction.atomic
def certificate_reissue(*, certificate: Certificate) -> Certificate:
    """Same code, new PDF: after the template or the learner's name changed."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    certificate.template = template_for(certificate.run)
    old = certificate.pdf.name
    certificate.pdf.save(
        f"{certificate.code}.pdf",
        ContentFile(render_pdf(certificate, certificate.template)),
        save=True,
    )
    if old and old != certificate.pdf.name:
        transaction.on_commit(lambda: certificate.pdf.storage.delete(old))
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
        certificate.revoke_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    return certificate


class AttendanceError(RowErrors):
    pass


def attendance_parse_csv(*, run: CourseRun, data: bytes) -> list:
    """Users named by an attendance list (an "email" column or one address a line), checked."""
    from django.contrib.auth import get_user_model

    emails = []
    errors = []
    rows = list(csv.reader(io.StringIO(decode_csv(data, AttendanceError))))
    if not rows:
        raise AttendanceError([RowError(1, _("The file is empty."))])
    header = [cell.strip().lower() for cell in rows[0]]
    column, start = (header.index("email"), 1) if "email" in header else (0, 0)
    seen = {}
    for line, row in enumerate(rows[start:], start=start + 1):
        email = (row[column] if len(row) > column else "").strip().lower()
        if not email:
            continue
        if email in seen:
            errors.append(
                RowError(
                    line,
                    _("%(email)s already appears on line %(other)d.")
                    % {"email": email, "other": seen[email]},
                )
            )
            continue
        seen[email] = line
        emails.append((line, email))
    users = {
        u.email.lower(): u
        for u in get_user_model().objects.filter(email__in=[e for _l, e in emails])
    }
    for line, email in emails:
        if email not in users:
            errors.append(RowError(line, _("No account uses %(email)s.") % {"email": email}))
    if errors:
        raise AttendanceError(errors)
    if not emails:
        raise AttendanceError([RowError(1, _("The file has no e-mail addresses."))])
    return [users[email] for _line, email in emails]


def certificates_issue_for_attendance(*, run: CourseRun, data: bytes, issued_by) -> int:
    """Queue certificates for everyone on an in-person attendance list; how many.

    A bad list queues nothing. The certificates are issued by batch tasks, as
    dated today.
    """
    from .batch import BATCH_SIZE
    from .tasks import issue_certificates

    ids = [user.pk for user in attendance_parse_csv(run=run, data=data)]
    today = timezone.localdate().isoformat()
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        transaction.on_commit(
            lambda chunk=chunk: issue_certificates.delay(
                run.pk, user_ids=chunk, issued_by_id=issued_by.pk, completed_on=today
            )
        )
    return len(ids)
