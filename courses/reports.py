"""Participation report for administrators: per course, per municipality, per gender."""

import csv

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.accounts.models import Gender

from .models import Enrollment, EnrollmentStatus
from .models.enrolment import SEAT_STATUSES

DIMENSIONS = {
    "course": ("run__course__title", _("Course")),
    "municipality": ("user__municipality__name_ar", _("Municipality")),
    "gender": ("user__gender", _("Gender")),
}


def participation(dimension: str) -> list[dict]:
    field, _label = DIMENSIONS[dimension]
    rows = (
        Enrollment.objects.filter(status__in=SEAT_STATUSES)
        .values(key=F(field))
        .annotate(
            enrolled=Count("user", distinct=True),
            completed=Count("user", filter=Q(status=EnrollmentStatus.COMPLETED), distinct=True),
            certified=Count(
                "user",
                filter=Q(
                    user__certificates__run=F("run"), user__certificates__revoked_at__isnull=True
                ),
                distinct=True,
            ),
        )
        .order_by("-enrolled", "key")
    )
    genders = dict(Gender.choices)
    for row in rows:
        if dimension == "gender":
            row["key"] = genders.get(row["key"], _("Not given"))
        elif not row["key"]:
            row["key"] = _("Not given")
        row["rate"] = round(100 * row["completed"] / row["enrolled"]) if row["enrolled"] else 0
    return list(rows)


def training_report(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    dimension = request.GET.get("by", "course")
    if dimension not in DIMENSIONS:
        dimension = "course"
    rows = participation(dimension)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="participation-{dimension}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(
            [
                DIMENSIONS[dimension][1],
                _("Enrolled"),
                _("Completed"),
                _("Certified"),
                _("Completion rate (%)"),
            ]
        )
        writer.writerows(
            [row["key"], row["enrolled"], row["completed"], row["certified"], row["rate"]]
            for row in rows
        )
        return response
    return render(
        request,
        "courses/admin/training_report.html",
        {
            "rows": rows,
            "dimension": dimension,
            "dimensions": [(key, label) for key, (_field, label) in DIMENSIONS.items()],
            "dimension_label": DIMENSIONS[dimension][1],
        },
    )
