"""Enrolment, progress and completion: every write of the courses app goes through here.

Functions are keyword-only and transactional. Capacity is guarded by locking the
run row, progress by the unique (enrolment, lesson) row, completion by a
conditional UPDATE, so concurrent requests cannot double-book a seat, lose a
score or complete an enrolment twice.
"""

import csv
import hmac
import io
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.csv_rows import RowError, RowErrors, decode_csv

from .models import (
    CourseRun,
    Enrollment,
    EnrollmentInvitation,
    EnrollmentStatus,
    EnrolmentPolicy,
    LessonPage,
    LessonProgress,
    ProgressStatus,
)
from .models.enrolment import SEAT_STATUSES
from .signals import enrollment_completed


class EnrolmentError(Exception):
    """A request the rules refuse; ``message`` is in the user's language."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def _notify(enrollment: Enrollment, kind: str) -> None:
    from .tasks import send_enrollment_email

    transaction.on_commit(lambda: send_enrollment_email.delay(enrollment.pk, kind))


def _seats_taken(run: CourseRun) -> int:
    return run.enrollments.filter(status__in=SEAT_STATUSES).count()


def _has_seat(run: CourseRun) -> bool:
    return run.capacity is None or _seats_taken(run) < run.capacity


def _activate_or_waitlist(enrollment: Enrollment) -> None:
    if _has_seat(enrollment.run):
        enrollment.status = EnrollmentStatus.ACTIVE
        enrollment.enrolled_at = timezone.now()
        enrollment.last_activity_at = enrollment.enrolled_at
    else:
        enrollment.status = EnrollmentStatus.WAITLISTED


def _locked_run(run: CourseRun) -> CourseRun:
    # Serialises seat counting for one run (a no-op on SQLite, which locks the file).
    return CourseRun.objects.select_for_update().get(pk=run.pk)


@transaction.atomic
def enrollment_request(*, user, run: CourseRun, key: str = "") -> Enrollment:
    """A learner asks to join a run: enrolled, waiting for approval, or waitlisted."""
    run = _locked_run(run)
    existing = Enrollment.objects.filter(user=user, run=run).first()
    if existing and existing.status not in (EnrollmentStatus.WITHDRAWN, EnrollmentStatus.REJECTED):
        return existing  # asking twice changes nothing
    if not run.enrolment_is_open:
        raise EnrolmentError(_("Enrolment in this run is closed."))
    if run.enrolment_policy == EnrolmentPolicy.KEY and not hmac.compare_digest(
        key.strip().encode(), run.enrolment_key.encode()
    ):
        raise EnrolmentError(_("That enrolment key is not right."))
    enrollment = existing or Enrollment(user=user, run=run)
    enrollment.completed_at = None
    if run.enrolment_policy == EnrolmentPolicy.APPROVAL:
        enrollment.status = EnrollmentStatus.PENDING
    else:
        _activate_or_waitlist(enrollment)
    enrollment.save()
    _notify(enrollment, enrollment.status)
    return enrollment


@transaction.atomic
def enrollment_add(*, user, run: CourseRun) -> tuple[Enrollment, bool]:
    """A trainer or administrator enrols a learner directly. Returns (enrolment, created)."""
    run = _locked_run(run)
    enrollment = Enrollment.objects.filter(user=user, run=run).first()
    if enrollment and enrollment.status in (*SEAT_STATUSES, EnrollmentStatus.WAITLISTED):
        return enrollment, False
    enrollment = enrollment or Enrollment(user=user, run=run)
    _activate_or_waitlist(enrollment)
    enrollment.save()
    _notify(enrollment, enrollment.status)
    return enrollment, True


@transaction.atomic
def enrollment_approve(*, enrollment: Enrollment, message: str = "") -> Enrollment:
    _locked_run(enrollment.run)
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status != EnrollmentStatus.PENDING:
        return enrollment
    enrollment.decision_message = message
    _activate_or_waitlist(enrollment)
    enrollment.save()
    _notify(
        enrollment, "approved" if enrollment.status == EnrollmentStatus.ACTIVE else "waitlisted"
    )
    return enrollment


@transaction.atomic
def enrollment_reject(*, enrollment: Enrollment, message: str = "") -> Enrollment:
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status not in (EnrollmentStatus.PENDING, EnrollmentStatus.WAITLISTED):
        return enrollment
    enrollment.status = EnrollmentStatus.REJECTED
    enrollment.decision_message = message
    enrollment.save(update_fields=["status", "decision_message"])
    _notify(enrollment, "rejected")
    return enrollment


@transaction.atomic
def enrollment_withdraw(*, enrollment: Enrollment) -> Enrollment:
    run = _locked_run(enrollment.run)
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status in (EnrollmentStatus.WITHDRAWN, EnrollmentStatus.COMPLETED):
        return enrollment
    freed = enrollment.status == EnrollmentStatus.ACTIVE
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save(update_fields=["status"])
    if freed:
        waitlist_promote(run=run)
    return enrollment


def waitlist_promote(*, run: CourseRun) -> list[Enrollment]:
    """Give free seats to the longest-waiting learners. Call inside the run's lock."""
    promoted = []
    waiting = run.enrollments.filter(status=EnrollmentStatus.WAITLISTED).order_by("created_at")
    for enrollment in waiting:
        if not _has_seat(run):
            break
        enrollment.status = EnrollmentStatus.ACTIVE
        enrollment.enrolled_at = timezone.now()
        enrollment.last_activity_at = enrollment.enrolled_at
        enrollment.save(update_fields=["status", "enrolled_at", "last_activity_at"])
        _notify(enrollment, "promoted")
        promoted.append(enrollment)
    return promoted


# --- Bulk enrolment from CSV ------------------------------------------------------


class BulkEnrolmentError(RowErrors):
    pass


@dataclass
class BulkEnrolmentResult:
    enrolled: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    invited: list[str] = field(default_factory=list)


MAX_CSV_ROWS = 2000


def _csv_emails(data: bytes) -> list[tuple[int, str]]:
    text = decode_csv(data, BulkEnrolmentError)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise BulkEnrolmentError([RowError(1, _("The file is empty."))])
    header = [cell.strip().lower() for cell in rows[0]]
    if "email" in header or "e-mail" in header:
        column = header.index("email") if "email" in header else header.index("e-mail")
        body = list(enumerate(rows[1:], start=2))
    else:
        column, body = 0, list(enumerate(rows, start=1))
    if len(body) > MAX_CSV_ROWS:
        raise BulkEnrolmentError(
            [RowError(1, _("At most %(count)d rows per file.") % {"count": MAX_CSV_ROWS})]
        )
    return [
        (line, row[column].strip() if len(row) > column else "")
        for line, row in body
        if any(cell.strip() for cell in row)
    ]


def enrollments_parse_csv(*, data: bytes) -> list[str]:
    """E-mail addresses from a CSV (an "email" column, or the first column), all checked."""
    errors, emails, seen = [], [], {}
    for line, email in _csv_emails(data):
        normalised = email.lower()
        try:
            validate_email(normalised)
        except ValidationError:
            errors.append(
                RowError(line, _("“%(value)s” is not an e-mail address.") % {"value": email})
            )
            continue
        if normalised in seen:
            errors.append(
                RowError(
                    line,
                    _("%(email)s already appears on line %(other)d.")
                    % {"email": normalised, "other": seen[normalised]},
                )
            )
            continue
        seen[normalised] = line
        emails.append(normalised)
    if errors:
        raise BulkEnrolmentError(errors)
    if not emails:
        raise BulkEnrolmentError([RowError(1, _("The file has no e-mail addresses."))])
    return emails


@transaction.atomic
def enrollments_import_csv(*, run: CourseRun, data: bytes, invited_by) -> BulkEnrolmentResult:
    """Enrol every address in the file, inviting those without an account; all or nothing."""
    from django.contrib.auth import get_user_model

    from .tasks import send_invitation_email

    emails = enrollments_parse_csv(data=data)
    users = {user.email.lower(): user for user in get_user_model().objects.filter(email__in=emails)}
    result = BulkEnrolmentResult()
    for email in emails:
        if email in users:
            _enrollment, created = enrollment_add(user=users[email], run=run)
            (result.enrolled if created else result.already).append(email)
        else:
            invitation, created = EnrollmentInvitation.objects.get_or_create(
                run=run, email=email, defaults={"invited_by": invited_by}
            )
            if created:
                transaction.on_commit(lambda pk=invitation.pk: send_invitation_email.delay(pk))
            result.invited.append(email)
    return result


@transaction.atomic
def invitations_accept(*, user) -> list[Enrollment]:
    """Enrol a newly verified user in every run they were invited to."""
    enrollments = []
    invitations = EnrollmentInvitation.objects.select_for_update().filter(
        email__iexact=user.email, accepted_at__isnull=True
    )
    for invitation in invitations:
        enrollment, _created = enrollment_add(user=user, run=invitation.run)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        enrollments.append(enrollment)
    return enrollments


# --- Progress and completion ----------------------------------------------------


def lesson_in_course_language(*, lesson: LessonPage, run: CourseRun) -> LessonPage:
    """The lesson as the run's course has it, whichever translation the learner read."""
    if lesson.locale_id == run.course.locale_id:
        return lesson
    return LessonPage.objects.get(
        translation_key=lesson.translation_key, locale_id=run.course.locale_id
    )


def _progress_row(enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    try:
        with transaction.atomic():
            return LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)[0]
    except IntegrityError:
        # Another request created it between our read and our insert.
        return LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)


# Reopening the lesson one is already on within this time writes nothing: "where to
# continue" and the last activity a trainer sees are already right to the minute.
VISIT_RESOLUTION = timedelta(minutes=1)


def lesson_visit(
    *, enrollment: Enrollment, lesson: LessonPage, progress: LessonProgress | None = None
) -> LessonProgress:
    """The learner opened a lesson: it is in progress, and where to continue next time.

    ``progress`` is the learner's row for this lesson when the caller has already read it.
    """
    lesson = lesson_in_course_language(lesson=lesson, run=enrollment.run)
    now = timezone.now()
    if (
        progress is not None
        and progress.lesson_id == lesson.pk
        and enrollment.last_lesson_id == lesson.pk
        and enrollment.last_activity_at is not None
        and now - enrollment.last_activity_at < VISIT_RESOLUTION
    ):
        return progress
    with transaction.atomic():
        progress = _progress_row(enrollment, lesson)
        Enrollment.objects.filter(pk=enrollment.pk).update(last_lesson=lesson, last_activity_at=now)
    return progress


@transaction.atomic
def lesson_progress_record(
    *,
    enrollment: Enrollment,
    lesson: LessonPage,
    complete: bool = True,
    score: Decimal | float | None = None,
) -> LessonProgress:
    """Record a result for a lesson: idempotent, never moves backwards, keeps the best score.

    Called by "mark as done" (no score), H5P statements and quiz attempts.
    """
    lesson = lesson_in_course_language(lesson=lesson, run=enrollment.run)
    progress = _progress_row(enrollment, lesson)
    progress = LessonProgress.objects.select_for_update().get(pk=progress.pk)
    changed = []
    if score is not None:
        score = Decimal(str(score)).quantize(Decimal("0.01"))
        if progress.score is None or score > progress.score:
            progress.score = score
            changed.append("score")
    newly_complete = complete and progress.status != ProgressStatus.COMPLETE
    if newly_complete:
        progress.status = ProgressStatus.COMPLETE
        progress.completed_at = timezone.now()
        changed += ["status", "completed_at"]
    if changed:
        progress.save(update_fields=[*changed, "updated_at"])
        enrollment_recompute(enrollment=enrollment)
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=timezone.now())
    return progress


@transaction.atomic
def lesson_time_add(*, enrollment: Enrollment, lesson: LessonPage, spent) -> None:
    """Add time an activity reported (xAPI ``result.duration``) to the lesson's total."""
    lesson = lesson_in_course_language(lesson=lesson, run=enrollment.run)
    progress = _progress_row(enrollment, lesson)
    LessonProgress.objects.filter(pk=progress.pk).update(time_spent=F("time_spent") + spent)


def enrollment_recompute(*, enrollment: Enrollment) -> Enrollment:
    """Progress % and average score from the lesson rows; then completion if due."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    course = enrollment.run.course
    required = course.lessons().filter(required=True)
    totals = LessonProgress.objects.filter(enrollment=enrollment).aggregate(
        done=Count("pk", filter=Q(status=ProgressStatus.COMPLETE, lesson__in=required)),
        score=Avg("score"),
    )
    total = required.count()
    enrollment.progress = 100 if total == 0 else round(100 * totals["done"] / total)
    enrollment.score = totals["score"]
    enrollment.save(update_fields=["progress", "score"])
    enrollment_complete_if_due(enrollment=enrollment, required_total=total, done=totals["done"])
    return enrollment


def enrollment_complete_if_due(*, enrollment: Enrollment, required_total: int, done: int) -> bool:
    """Mark complete exactly once when the course's rule is met; True if this call did it."""
    course = enrollment.run.course
    if done < required_total:
        return False
    if course.min_score is not None and (enrollment.score or 0) < course.min_score:
        return False
    now = timezone.now()
    updated = Enrollment.objects.filter(pk=enrollment.pk, status=EnrollmentStatus.ACTIVE).update(
        status=EnrollmentStatus.COMPLETED, completed_at=now, progress=100
    )
    if not updated:
        return False
    enrollment.status, enrollment.completed_at = EnrollmentStatus.COMPLETED, now

    def announce():
        completed = Enrollment.objects.get(pk=enrollment.pk)
        enrollment_completed.send(sender=Enrollment, enrollment=completed)

    transaction.on_commit(announce)
    _notify(enrollment, "completed")
    return True
