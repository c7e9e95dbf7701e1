"""Certificate issuing benchmark: the Celery path against a bare WeasyPrint render.

Issues N certificates for one run through the ``issue_certificate`` task (PDF
with the embedded Amiri font and a QR code, stored file, database rows), then
renders the same certificate HTML N times with bare WeasyPrint as the
reference, and reports certificates per second, the ratio of the two, and peak
memory.

With a PostgreSQL and a Redis URL (the default of ``make bench-certificates``)
it runs as production does: production settings, a throw-away PostgreSQL
database, Redis as broker, and a real ``celery worker`` with one process per
core; the reference render then uses the same number of processes, so the
ratio compares like with like. Without them (``--eager``) it runs both sides in
this one process on SQLite.

    python bench/certificates.py [--count 1000] [--workers 2]
        [--database-url postgres://…/markaz_bench] [--redis-url redis://…/14] [--eager]
"""

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", ""))
    parser.add_argument("--eager", action="store_true", help="one process, SQLite, no worker")
    args = parser.parse_args()
    if not args.eager and not (args.database_url and args.redis_url):
        parser.error("give --database-url and --redis-url, or --eager")
    return args


def configure(args: argparse.Namespace, work: Path) -> dict:
    """Environment for this process and the worker; creates an empty database."""
    env = {
        "MEDIA_ROOT": str(work / "media"),
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "localhost",
        "WAGTAILADMIN_BASE_URL": "https://markaz.example",
    }
    if args.eager:
        env |= {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
            "REDIS_URL": "",
            "CELERY_TASK_ALWAYS_EAGER": "true",
        }
    else:
        import psycopg
        import redis

        url = urlsplit(args.database_url)
        name = url.path.lstrip("/")
        admin = urlunsplit(url._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        redis.Redis.from_url(args.redis_url).flushdb()
        env |= {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
    os.environ.update(env)
    return env


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def bare_render(html: str, count: int, ready, go) -> None:
    """A fresh process that renders ``html`` ``count`` times once ``go`` is set."""
    import django

    django.setup()
    from weasyprint import HTML

    from courses.certificates.pdf import font_configuration

    ready.release()
    go.wait()
    for _ in range(count):
        HTML(string=html, base_url=str(ROOT)).render(font_config=font_configuration()).write_pdf()


def main() -> None:
    args = parse_args()
    work = Path(tempfile.mkdtemp(prefix="markaz-bench-"))
    env = configure(args, work)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from cms import demo
    from courses.certificates.pdf import render_certificate_html
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

    call_command("migrate", verbosity=0)
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
    processes = 1 if args.eager else args.workers

    worker = None
    if not args.eager:
        from django.db import connections

        connections.close_all()
        worker = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "celery"),
                "--quiet",
                "-A",
                "cms",
                "worker",
                f"--concurrency={processes}",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=os.environ | env,
        )
        # Ready when a ping is answered: startup is not part of the measure.
        from cms.celery import app

        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline or worker.poll() is not None:
                raise SystemExit("the Celery worker did not start")

    try:
        started = time.perf_counter()
        for enrollment in enrollments:
            issue_certificate.delay(enrollment.pk)
        done, moved = 0, time.monotonic()
        while done < args.count:
            if worker is not None and worker.poll() is not None:
                raise SystemExit("the Celery worker stopped")
            if time.monotonic() - moved > 60:
                raise SystemExit(f"no certificate issued for 60 s ({done} of {args.count})")
            time.sleep(0.1)
            if (now_done := Certificate.objects.filter(run=run).count()) > done:
                done, moved = now_done, time.monotonic()
        issued_seconds = time.perf_counter() - started
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(30)
    assert Certificate.objects.filter(run=run).count() == args.count
    issued_peak = peak_mb(resource.RUSAGE_CHILDREN if worker else resource.RUSAGE_SELF)

    html = render_certificate_html(Certificate.objects.filter(run=run).first(), template_for(run))
    # Fresh processes (a fork of this one can deadlock on a lock a broker
    # thread held), timed from a common start signal to the last one's end.
    context = multiprocessing.get_context("spawn")
    ready, go = context.Semaphore(0), context.Event()
    children = [
        context.Process(
            target=bare_render,
            args=(html, args.count // processes + (i < args.count % processes), ready, go),
        )
        for i in range(processes)
    ]
    for child in children:
        child.start()
    for _ in children:
        ready.acquire()
    started = time.perf_counter()
    go.set()
    for child in children:
        child.join()
        if child.exitcode:
            raise SystemExit("a reference render failed")
    bare_seconds = time.perf_counter() - started

    rate, bare_rate = args.count / issued_seconds, args.count / bare_seconds
    where = "eager, SQLite" if args.eager else f"Celery worker ×{processes}, PostgreSQL, Redis"
    print(f"setting:              {where}; reference in {processes} process(es)")
    print(f"certificates issued:  {args.count} in {issued_seconds:.1f} s ({rate:.1f}/s)")
    print(f"bare WeasyPrint:      {args.count} in {bare_seconds:.1f} s ({bare_rate:.1f}/s)")
    print(f"ratio issued/bare:    {rate / bare_rate:.2f}")
    print(f"peak memory:          {issued_peak:.0f} MB (largest process while issuing)")


if __name__ == "__main__":
    main()
