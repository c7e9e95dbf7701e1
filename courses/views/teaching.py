"""What a trainer does with a run: follow learners, decide requests, enrol, export, remind."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from openpyxl import Workbook

from cms.pages import localize_all
from courses import selectors, services
from courses.forms import BulkEnrolForm, DecisionForm, LearnerFilterForm
from courses.models import CourseRun, Enrollment, ReflectionAnswer


def _run_for_teacher(request, run_id) -> CourseRun:
    run = get_object_or_404(CourseRun.objects.select_related("course"), pk=run_id)
    if not selectors.may_teach(user=request.user, run=run):
        raise PermissionDenied
    return run


def _filtered(request, run):
    form = LearnerFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    learners = selectors.run_learners(
        run=run,
        status=filters.get("status", ""),
        query=filters.get("q", ""),
        inactive_days=filters.get("inactive") or 0,
    )
    return form, learners


@login_required
@require_GET
def runs(request):
    taught = list(selectors.runs_taught(user=request.user))
    # Course titles in the reader's language, in one query for the whole table.
    for run, course in zip(taught, localize_all(run.course for run in taught), strict=True):
        run.course_shown = course
    return render(request, "courses/teaching/runs.html", {"runs": taught})


@login_required
@require_GET
def run_dashboard(request, run_id):
    run = _run_for_teacher(request, run_id)
    form, learners = _filtered(request, run)
    return render(
        request,
        "courses/teaching/run.html",
        {
            "run": run,
            "filter_form": form,
            "learners": learners,
            "summary": selectors.run_summary(run=run),
            "bulk_form": BulkEnrolForm(),
            "attendance_form": BulkEnrolForm(auto_id="attendance_%s"),
            "decision_form": DecisionForm(),
            "query_string": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def decide(request, run_id, enrollment_id, decision):
    if decision not in ("approve", "reject"):
        raise Http404
    run = _run_for_teacher(request, run_id)
    enrollment = get_object_or_404(Enrollment, pk=enrollment_id, run=run)
    form = DecisionForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    if decision == "approve":
        services.enrollment_approve(enrollment=enrollment, message=message)
        messages.success(request, _("Request approved."))
    else:
        services.enrollment_reject(enrollment=enrollment, message=message)
        messages.success(request, _("Request declined."))
    return redirect("courses:run", run_id=run.pk)


@login_required
@require_POST
def bulk_enrol(request, run_id):
    run = _run_for_teacher(request, run_id)
    form = BulkEnrolForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, error)
        return redirect("courses:run", run_id=run.pk)
    try:
        result = services.enrollments_import_csv(
            run=run, data=form.cleaned_data["file"].read(), invited_by=request.user
        )
    except services.BulkEnrolmentError as error:
        messages.error(
            request,
            "\n".join(
                [_("Nobody was enrolled: correct the file and try again."), *map(str, error.errors)]
            ),
        )
    else:
        messages.success(
            request,
            _("%(enrolled)d enrolled, %(already)d already enrolled, %(invited)d invited by e-mail.")
            % {
                "enrolled": len(result.enrolled),
                "already": len(result.already),
                "invited": len(result.invited),
            },
        )
    return redirect("courses:run", run_id=run.pk)


@login_required
@require_POST
def remind(request, run_id):
    from courses.tasks import remind_inactive_learners

    run = _run_for_teacher(request, run_id)
    remind_inactive_learners.delay(run_id=run.pk, days=7)
    messages.success(
        request, _("Reminders are being sent to learners inactive for 7 days or more.")
    )
    return redirect("courses:run", run_id=run.pk)


EXPORT_COLUMNS = (
    ("name", lambda e: e.user.display_name),
    ("email", lambda e: e.user.email),
    ("municipality", lambda e: e.user.municipality.name if e.user.municipality else ""),
    ("position", lambda e: e.user.position),
    ("status", lambda e: e.get_status_display()),
    ("progress", lambda e: e.progress),
    ("score", lambda e: float(e.score) if e.score is not None else ""),
    ("enrolled", lambda e: e.enrolled_at.strftime("%Y-%m-%d") if e.enrolled_at else ""),
    (
        "last_activity",
        lambda e: e.last_activity_at.strftime("%Y-%m-%d %H:%M") if e.last_activity_at else "",
    ),
    ("completed", lambda e: e.completed_at.strftime("%Y-%m-%d") if e.completed_at else ""),
)


def _export_headers() -> list[str]:
    labels = {
        "name": _("Name"),
        "email": _("E-mail"),
        "municipality": _("Municipality"),
        "position": _("Position"),
        "status": _("Status"),
        "progress": _("Progress (%)"),
        "score": _("Score (%)"),
        "enrolled": _("Enrolled"),
        "last_activity": _("Last activity"),
        "completed": _("Completed"),
    }
    return [labels[key] for key, _getter in EXPORT_COLUMNS]


@login_required
@require_GET
def export(request, run_id, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    run = _run_for_teacher(request, run_id)
    _form, learners = _filtered(request, run)
    rows = [[getter(enrollment) for _key, getter in EXPORT_COLUMNS] for enrollment in learners]
    stamp = timezone.localdate().isoformat()
    filename = f"run-{run.pk}-learners-{stamp}"
    if fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "learners"
        sheet.sheet_view.rightToLeft = request.LANGUAGE_CODE == "ar"
        sheet.append(_export_headers())
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Arabic as UTF-8
    writer = csv.writer(response)
    writer.writerow(_export_headers())
    writer.writerows(rows)
    return response


@login_required
@require_GET
def reflections(request, run_id):
    run = _run_for_teacher(request, run_id)
    answers = (
        ReflectionAnswer.objects.filter(enrollment__run=run)
        .select_related("enrollment__user", "lesson")
        .order_by("lesson__path", "enrollment__user__name_ar")
    )
    return render(request, "courses/teaching/reflections.html", {"run": run, "answers": answers})


@login_required
@require_GET
def quiz_report(request, run_id):
    from collections import defaultdict

    from courses import quizzes
    from courses.models import Attempt

    run = _run_for_teacher(request, run_id)
    report = []
    for lesson in run.course.lessons():
        for child in lesson.body:
            if child.block_type != "quiz":
                continue
            attempts = list(
                Attempt.objects.filter(
                    lesson__translation_key=lesson.translation_key,
                    block_id=child.id,
                    enrollment__run=run,
                )
                .exclude(submitted_at=None)
                .select_related("user")
            )
            by_user = defaultdict(list)
            for attempt in attempts:
                by_user[attempt.user].append(attempt)
            learners = [
                {
                    "user": user,
                    "attempts": len(items),
                    "best": max(a.score for a in items),
                    "passed": any(a.passed for a in items),
                }
                for user, items in by_user.items()
            ]
            report.append(
                {
                    "lesson": lesson,
                    "value": child.value,
                    "learners": learners,
                    "questions": quizzes.question_statistics(
                        lesson=lesson, block_id=child.id, attempts=attempts
                    ),
                }
            )
    return render(request, "courses/teaching/quizzes.html", {"run": run, "quizzes": report})


@login_required
@require_POST
def issue_certificate(request, run_id, enrollment_id):
    from courses.certificates.services import certificate_issue

    run = _run_for_teacher(request, run_id)
    enrollment = get_object_or_404(Enrollment, pk=enrollment_id, run=run)
    certificate = certificate_issue(
        user=enrollment.user, run=run, enrollment=enrollment, issued_by=request.user
    )
    messages.success(request, _("Certificate %(code)s issued.") % {"code": certificate.code})
    return redirect("courses:run", run_id=run.pk)


@login_required
@require_POST
def revoke_certificate(request, run_id, code):
    from courses.certificates.services import certificate_revoke
    from courses.models import Certificate

    run = _run_for_teacher(request, run_id)
    certificate = get_object_or_404(Certificate, code=code, run=run)
    reason = request.POST.get("reason", "").strip()[:500]
    if not reason:
        messages.error(request, _("Give the reason for revoking the certificate."))
    else:
        certificate_revoke(certificate=certificate, by=request.user, reason=reason)
        messages.success(request, _("Certificate %(code)s revoked.") % {"code": code})
    return redirect("courses:run", run_id=run.pk)


@login_required
@require_POST
def attendance_certificates(request, run_id):
    from courses.certificates.services import AttendanceError, certificates_issue_for_attendance

    run = _run_for_teacher(request, run_id)
    form = BulkEnrolForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, error)
        return redirect("courses:run", run_id=run.pk)
    try:
        queued = certificates_issue_for_attendance(
            run=run, data=form.cleaned_data["file"].read(), issued_by=request.user
        )
    except AttendanceError as error:
        messages.error(
            request,
            "\n".join(
                [
                    _("No certificate was issued: correct the list and try again."),
                    *map(str, error.errors),
                ]
            ),
        )
    else:
        messages.success(
            request,
            _("%(count)d certificates are being issued; they appear on this page shortly.")
            % {"count": queued},
        )
    return redirect("courses:run", run_id=run.pk)


@login_required
@require_POST
def reissue_certificate(request, run_id, code):
    from courses.certificates.services import certificate_reissue
    from courses.models import Certificate

    run = _run_for_teacher(request, run_id)
    certificate = get_object_or_404(Certificate, code=code, run=run, revoked_at__isnull=True)
    certificate_reissue(certificate=certificate)
    messages.success(
        request, _("Certificate %(code)s re-issued with the current template.") % {"code": code}
    )
    return redirect("courses:run", run_id=run.pk)


@login_required
@require_POST
def missing_certificates(request, run_id):
    """Certificates for the learners who completed the run but hold none (issued in batches).

    Completion issues them on its own; this catches up after the run got a template,
    or after issuing failed for good.
    """
    from courses.certificates.batch import certificates_issue_for_run

    run = _run_for_teacher(request, run_id)
    queued = certificates_issue_for_run(run=run, issued_by=request.user)
    if queued:
        messages.success(
            request,
            _("%(count)d certificates are being issued; they appear on this page shortly.")
            % {"count": queued},
        )
    else:
        messages.info(request, _("Everyone who completed this run already has a certificate."))
    return redirect("courses:run", run_id=run.pk)
