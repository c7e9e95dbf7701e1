"""Issuing, re-issuing and revoking certificates.

Issuing is idempotent: a database constraint allows one valid certificate per
learner and run, so concurrent completions (or a retried task) end with the
same single certificate.
"""

import csv
import io

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.csv_rows import RowError, RowErrors, decode_csv
from courses.models import Certificate, CertificateTemplate, CourseRun, Enrollment

from .codes import code_generate
from .pdf import render_pdf

# Any constant: the key of the PostgreSQL advisory lock that hands out status list indices.
STATUS_LIST_LOCK = 0x4D524B5A


def _lock_status_list() -> None:
    """Serialise the short step that takes the next status list index.

    Without it two workers read the same MAX and one fails on the unique index
    (and waits for a Celery retry). SQLite already writes one transaction at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STATUS_LIST_LOCK])


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
    template = template_for(run)
    certificate = Certificate(
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
    pdf = render_pdf(certificate, template)  # before the transaction: it takes time
    try:
        with transaction.atomic():
            _lock_status_list()
            last = Certificate.objects.aggregate(last=Max("status_index"))["last"]
            certificate.status_index = 0 if last is None else last + 1
            # The file first, then one INSERT that already names it.
            certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
            certificate.save()
    except IntegrityError:
        # Another worker issued it first (or the code collided): theirs stands,
        # and the file this attempt wrote goes.
        if certificate.pdf.name:
            certificate.pdf.storage.delete(certificate.pdf.name)
        existing = _valid(user, run)
        if existing is None:
            raise
        return existing
    return certificate


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


def certificates_issue_for_attendance(
    *, run: CourseRun, data: bytes, issued_by
) -> list[Certificate]:
    """Certificates for everyone on an in-person attendance list; a bad list issues nothing."""
    users = attendance_parse_csv(run=run, data=data)
    with transaction.atomic():
        return [certificate_issue(user=user, run=run, issued_by=issued_by) for user in users]
