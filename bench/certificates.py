"""Certificate issuing benchmark: the Celery paths against a bare WeasyPrint render.

Issues N certificates for one run through each path, a run of its own each:

- ``completion``: what completing a course does. N learners' completions are
  announced (the ``enrollment_completed`` signal, as the course's last activity
  sends it), and the tasks they queue issue the run's waiting certificates a
  batch at a time (``courses/certificates/completion.py``).
- ``batched``: what a trainer's bulk issue queues, ``issue_certificates`` in
  chunks of ``--chunk``.
- ``single`` (only with ``--paths``): one ``issue_certificate`` task per
  enrolment, the path completions took before.

Each certificate is a PDF with the embedded Amiri font and a QR code, a signed
Open Badges credential, a stored file and its database rows. After each path
the same certificate HTML is rendered N times with bare WeasyPrint as the
reference (also once before the first path: each path is compared with the mean
of the references on either side of it), and the benchmark reports for each path
certificates per second, the ratio to the reference, total seconds, CPU time per
certificate and the peak memory of the largest worker process.

With a PostgreSQL and a Redis URL (the default of ``make bench-certificates``)
it runs as production does: production settings, a throw-away PostgreSQL
database, Redis as broker, and a fresh ``celery worker`` per path with one
process per core; the reference render then uses the same number of processes,
so the ratio compares like with like. Without them (``--eager``) it runs
everything in this one process on SQLite.

    python bench/certificates.py [--count 1000] [--workers 2] [--chunk 50]
        [--paths completion,batched,single]
        [--database-url postgres://…/markaz_bench] [--redis-url redis://…/14] [--eager]
"""

import argparse
import atexit
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PATHS = {
    "completion": "on completion",
    "batched": "batched",
    "single": "per enrolment",
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--chunk", type=int, default=50, help="certificates per batch task")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", ""))
    parser.add_argument("--eager", action="store_true", help="one process, SQLite, no worker")
    parser.add_argument(
        "--paths", default="completion,batched", help="which of completion,batched,single"
    )
    args = parser.parse_args()
    args.paths = [path.strip() for path in args.paths.split(",") if path.strip()]
    if unknown := set(args.paths) - set(PATHS):
        parser.error(f"unknown path(s): {', '.join(sorted(unknown))}")
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
        # A throw-away signing key (made after migrating), never the site's own.
        "OPEN_BADGES_KEY_FILE": str(work / "open-badges.pem"),
    }
    os.environ.pop("OPEN_BADGES_PRIVATE_KEY", None)
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


def tree_peak_mb(pid: int) -> float:
    """The largest peak resident size (VmHWM) among a process and its children, in MB."""
    peak, pids = 0.0, [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) / 1024)
        pids.extend(int(child) for child in children)
    return peak


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its children."""
    total, pids, tick = 0.0, [pid], os.sysconf("SC_CLK_TCK")
    while pids:
        current = pids.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        pids.extend(int(child) for child in children)
    return total


def bare_render(html: str, count: int, ready, go, cpu) -> None:
    """A fresh process that renders ``html`` ``count`` times once ``go`` is set."""
    import django

    django.setup()
    from weasyprint import HTML

    from courses.certificates.pdf import CertificateURLFetcher, font_configuration

    ready.release()
    go.wait()
    started = time.process_time()
    for _ in range(count):
        HTML(string=html, base_url=str(ROOT), url_fetcher=CertificateURLFetcher()).render(
            font_config=font_configuration()
        ).write_pdf()
    with cpu.get_lock():
        cpu.value += time.process_time() - started


def main() -> None:
    args = parse_args()
    work = Path(tempfile.mkdtemp(prefix="markaz-bench-"))
    # Its PDFs (thousands of them), key and SQLite file go when the benchmark ends.
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    env = configure(args, work)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from cms import demo
    from courses.certificates.pdf import render_certificate_html
    from courses.certificates.services import _build, template_for
    from courses.certificates.tasks import issue_certificate, issue_certificates
    from courses.models import (
        Certificate,
        CourseIndexPage,
        CoursePage,
        CourseRun,
        Enrollment,
        EnrollmentStatus,
    )
    from courses.signals import enrollment_completed

    call_command("migrate", verbosity=0)
    call_command("badge_keys", "generate", stdout=open(os.devnull, "w"))  # noqa: SIM115
    home = demo.ensure_home_pages(demo.ensure_locales())
    catalogue = home.add_child(instance=CourseIndexPage(title="الدورات", slug="courses"))
    course = catalogue.add_child(
        instance=CoursePage(title="التخطيط الاستراتيجي المحلي", slug="bench", summary="ملخص")
    )
    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"learner{n}@bench.ly", name_ar=f"متدرب رقم {n}", name_latin=f"Learner {n}")
        for n in range(args.count)
    )
    now = timezone.now()
    processes = 1 if args.eager else args.workers

    def completed_run(title: str) -> tuple[CourseRun, list[Enrollment]]:
        """A run in which every learner has just completed the course."""
        run = CourseRun.objects.create(course=course, title=title)
        enrollments = Enrollment.objects.bulk_create(
            Enrollment(
                user=user,
                run=run,
                status=EnrollmentStatus.COMPLETED,
                completed_at=now,
                progress=100,
            )
            for user in users
        )
        return run, enrollments

    def on_completion(enrollments) -> None:
        # What each completion sends once its transaction has committed.
        for enrollment in enrollments:
            enrollment_completed.send(sender=Enrollment, enrollment=enrollment)

    def batched(enrollments) -> None:
        ids = [enrollment.pk for enrollment in enrollments]
        for start in range(0, len(ids), args.chunk):
            issue_certificates.delay(
                enrollments[0].run_id, enrollment_ids=ids[start : start + args.chunk]
            )

    def single(enrollments) -> None:
        for enrollment in enrollments:
            issue_certificate.delay(enrollment.pk)

    enqueuers = {"completion": on_completion, "batched": batched, "single": single}
    runs = {name: completed_run(f"دفعة القياس: {PATHS[name]}") for name in args.paths}
    # The reference: one learner's certificate as the paths print it, unsaved.
    first_run, first_enrollments = runs[args.paths[0]]
    sample = _build(
        user=first_enrollments[0].user,
        run=first_run,
        enrollment=first_enrollments[0],
        template=template_for(first_run),
        issued_by=None,
        completed_on=None,
        expires_on=None,
    )
    html = render_certificate_html(sample, template_for(first_run))
    # Rendered before the first path and after each one: a path is compared with the
    # mean of the references on either side of it, as the machine's other load (and
    # this virtual machine's stalls) shift over minutes.
    references = [reference(html, args.count, processes)]
    results = {}
    for name in args.paths:
        target, enrollments = runs[name]
        # A fresh worker for each path, so each has its own peak memory.
        worker = None if args.eager else start_worker(env, processes)
        try:
            cpu = tree_cpu_seconds(worker.pid) if worker else time.process_time()
            started = time.perf_counter()
            enqueuers[name](enrollments)
            wait_for(target, args.count, worker)
            seconds = time.perf_counter() - started
            cpu = (tree_cpu_seconds(worker.pid) if worker else time.process_time()) - cpu
            peak = tree_peak_mb(worker.pid) if worker else peak_mb()
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(30)
        issued = Certificate.objects.filter(run=target, revoked_at__isnull=True)
        assert issued.count() == args.count
        assert not issued.filter(credential="").exists(), "a certificate without its credential"
        references.append(reference(html, args.count, processes))
        before, after = references[-2:]
        results[name] = (seconds, cpu, peak, before, after)

    where = "eager, SQLite" if args.eager else f"Celery worker ×{processes}, PostgreSQL, Redis"
    print(f"setting:       {where}; reference in {processes} process(es)")
    labels = PATHS | {"batched": f"batched ×{args.chunk}"}
    for name, (seconds, cpu, peak, before, after) in results.items():
        bare_seconds, bare_cpu = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
        rate, bare_rate = args.count / seconds, args.count / bare_seconds
        print(
            f"{labels[name] + ':':14} {args.count} in {seconds:.1f} s ({rate:.1f}/s); "
            f"bare WeasyPrint {bare_seconds:.1f} s ({before[0]:.1f} before, {after[0]:.1f} "
            f"after; {bare_rate:.1f}/s); ratio {rate / bare_rate:.2f}; peak memory {peak:.0f} MB"
        )
        # Other load on a shared machine moves wall time; CPU time much less. The
        # workers' figure leaves out PostgreSQL's and Redis's own CPU.
        print(
            f"{'':14} CPU per certificate {cpu / args.count * 1000:.1f} ms in the worker, "
            f"{bare_cpu / args.count * 1000:.1f} ms bare; CPU ratio {bare_cpu / cpu:.2f}"
        )


def reference(html: str, count: int, processes: int) -> tuple[float, float]:
    """Wall and CPU seconds to render ``html`` ``count`` times with bare WeasyPrint."""
    # Fresh processes (a fork of this one can deadlock on a lock a broker
    # thread held), timed from a common start signal to the last one's end.
    context = multiprocessing.get_context("spawn")
    ready, go, cpu = context.Semaphore(0), context.Event(), context.Value("d", 0.0)
    children = [
        context.Process(
            target=bare_render,
            args=(html, count // processes + (i < count % processes), ready, go, cpu),
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
    return time.perf_counter() - started, cpu.value


def start_worker(env: dict, processes: int) -> subprocess.Popen:
    """A real ``celery worker``, returned once it answers a ping (startup is not measured)."""
    from django.db import connections

    from cms.celery import app

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
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if time.monotonic() > deadline or worker.poll() is not None:
            raise SystemExit("the Celery worker did not start")
    return worker


def wait_for(run, count: int, worker) -> None:
    """Until the run has ``count`` certificates; gives up after 60 s without one more."""
    from courses.models import Certificate

    done, moved = 0, time.monotonic()
    while done < count:
        if worker is not None and worker.poll() is not None:
            raise SystemExit("the Celery worker stopped")
        if time.monotonic() - moved > 60:
            raise SystemExit(f"no certificate issued for 60 s ({done} of {count})")
        time.sleep(0.1)
        if (now_done := Certificate.objects.filter(run=run).count()) > done:
            done, moved = now_done, time.monotonic()


if __name__ == "__main__":
    main()
