"""Certificate issuing benchmark: the Celery path against a bare WeasyPrint render.

Issues N certificates for one run through ``issue_certificate`` (PDF with the
embedded Amiri font and a QR code, stored file, database rows), then renders the
same certificate HTML N times with bare WeasyPrint, and reports certificates
per second, the ratio of the two, and peak memory. Runs on a throw-away SQLite
database with eager Celery, in one process.

    python bench/certificates.py [--count 1000]
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
work = Path(tempfile.mkdtemp(prefix="markaz-bench-"))
# DEBUG off (cached templates, no query log), eager Celery, SQLite: like a worker.
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(work / "media")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from weasyprint import HTML  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from cms import demo
    from courses.certificates.pdf import font_configuration, render_certificate_html
    from courses.certificates.services import template_for
    from courses.certificates.tasks import issue_certificate
    from courses.models import (
        Certificate,
        CourseIndexPage,
        CoursePage,
        CourseRun,
        Enrollment,
        EnrollmentStatus,
    )

    home = demo.ensure_home_pages(demo.ensure_locales())
    catalogue = home.add_child(instance=CourseIndexPage(title="الدورات", slug="courses"))
    course = catalogue.add_child(
        instance=CoursePage(title="التخطيط الاستراتيجي المحلي", slug="bench", summary="ملخص")
    )
    run = CourseRun.objects.create(course=course, title="دفعة القياس")
    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"learner{n}@bench.ly", name_ar=f"متدرب رقم {n}", name_latin=f"Learner {n}")
        for n in range(args.count)
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=user, run=run, status=EnrollmentStatus.COMPLETED, completed_at=now, progress=100
        )
        for user in users
    )

    started = time.perf_counter()
    for enrollment in enrollments:
        issue_certificate.delay(enrollment.pk)
    issued_seconds = time.perf_counter() - started
    assert Certificate.objects.filter(run=run).count() == args.count
    issued_peak = peak_mb()

    html = render_certificate_html(Certificate.objects.filter(run=run).first(), template_for(run))
    started = time.perf_counter()
    for _ in range(args.count):
        HTML(string=html, base_url=str(ROOT)).render(font_config=font_configuration()).write_pdf()
    bare_seconds = time.perf_counter() - started

    rate, bare_rate = args.count / issued_seconds, args.count / bare_seconds
    print(f"certificates issued:  {args.count} in {issued_seconds:.1f} s ({rate:.1f}/s)")
    print(f"bare WeasyPrint:      {args.count} in {bare_seconds:.1f} s ({bare_rate:.1f}/s)")
    print(f"ratio issued/bare:    {rate / bare_rate:.2f}")
    print(f"peak memory:          {issued_peak:.0f} MB while issuing, {peak_mb():.0f} MB overall")


if __name__ == "__main__":
    main()
