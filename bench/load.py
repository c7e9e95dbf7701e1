"""Load benchmark: gunicorn + PostgreSQL + Redis + a Celery worker, measured with wrk.

Serves the site with production settings from gunicorn on a database that holds
scale data (``manage.py generate_scale_data``), with a real Celery worker on
Redis, and drives it with wrk (Debian's package): each page type alone at
``--connections`` for ``--duration`` seconds, then a mixed soak at
``--soak-connections`` for ``--soak-duration`` seconds. It reports requests per
second, p50/p95/p99, errors and SQL queries per page type, and every page's
throughput as a ratio of the floor: the same gunicorn serving a bare Django view
that returns the home page's bytes (``bench/urls.py``).

    python bench/load.py --database-url postgres://…/markaz_scale --redis-url redis://…/6
        [--generate 0.1] [--duration 10] [--connections 16]
        [--soak-connections 50] [--soak-duration 60] [--json results.json]

``--generate N`` first creates the database (dropping one of that name), migrates
it, loads the demo and ``generate_scale_data --scale N`` into it.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, closing
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
LUA = ROOT / "bench" / "report.lua"
PASSWORD = "bench-pass-1234-word"  # noqa: S105  (a throw-away account of the benchmark)
LEARNER = "bench-learner@bench.markaz.invalid"
MEMBER = "bench-member@bench.markaz.invalid"
SEARCH_TERM = "البلدية"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/markaz_scale"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
    )
    parser.add_argument("--generate", type=float, help="create the database at this scale first")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--soak-connections", type=int, default=50)
    parser.add_argument("--soak-duration", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 2))
    parser.add_argument(
        "--worker-class",
        choices=["gthread", "sync"],
        default="gthread",
        help="gthread: --threads per worker, wrk's connections kept alive; sync: the README's"
        " production command behind a proxy that opens a connection per request (nginx's"
        " default to its upstreams), every request sent with Connection: close",
    )
    parser.add_argument("--threads", type=int, default=2, help="with --worker-class gthread")
    parser.add_argument(
        "--think-ms",
        type=int,
        default=0,
        help="each connection pauses this long on average between requests (a user reading;"
        " drawn at random, exponentially); 0 = none",
    )
    parser.add_argument(
        "--server-timing",
        action="store_true",
        help="also report each page's time inside gunicorn (its access log's request time,"
        " from the parsed request to the written response): what wrk measures beyond it was"
        " spent queueing, in the network or in wrk",
    )
    parser.add_argument("--only", help="comma-separated page types to measure")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.worker_class == "sync" and args.think_ms:
        # Seen here: with a connection closed after every response, wrk's pauses come out
        # in the latencies it reports (p50 480 ms for pages that take 50).
        parser.error("--think-ms needs --worker-class gthread (kept-alive connections)")
    return args


def environment(args: argparse.Namespace, work: Path) -> dict:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        # No mail server here: against a closed port 25 the demo's enrolment e-mails
        # were retried by the worker for minutes after the build. Rendered, then dropped.
        "EMAIL_BACKEND": os.environ.get(
            "EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
        ),
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(ROOT / "media")),
        "BENCH_BARE_FILE": str(work / "home.html"),
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict, *command: str) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *command], cwd=ROOT, env=env, check=True)


def generate(args: argparse.Namespace, env: dict) -> None:
    parts = urlsplit(args.database_url)
    name = parts.path.lstrip("/")
    server = {
        "host": parts.hostname,
        "port": parts.port or 5432,
        "user": parts.username or "postgres",
    }
    import psycopg

    with closing(psycopg.connect(dbname="postgres", autocommit=True, **server)) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_demo")
    manage(env, "generate_scale_data", "--scale", str(args.generate))
    seconds = time.perf_counter() - started
    print(f"database {name} built at scale {args.generate} in {seconds:.0f} s")


def prepare() -> dict:
    """The benchmark's own learner and forum member, and the URLs of each page type."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale

    from allauth.account.models import EmailAddress

    from cms.municipalities.models import Municipality
    from cms.news.models import NewsPage
    from community.models import Membership, MembershipStatus, PlatformPage, Role, Topic
    from courses import services
    from courses.models import CourseIndexPage, CourseRun, H5PContent, LessonPage

    arabic = Locale.objects.get(language_code="ar")
    municipality = Municipality.objects.order_by("pk").first()

    def account(email: str):
        user = get_user_model().objects.filter(email=email).first()
        if user is None:
            user = get_user_model().objects.create_user(email=email, password=PASSWORD)
        user.name_ar, user.name_latin = "متعلم القياس", "Bench Learner"
        user.municipality, user.position = municipality, "موظف"
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    with transaction.atomic():
        learner, member = account(LEARNER), account(MEMBER)
        lesson, content = None, None
        for candidate in LessonPage.objects.live().filter(locale=arabic).order_by("pk"):
            ids = [b.value["content"] for b in candidate.body if b.block_type == "h5p"]
            if ids:
                lesson, content = candidate, ids[0]
                break
        if lesson is None:
            raise SystemExit("no live lesson with an H5P activity: load the demo first")
        content = content if isinstance(content, H5PContent) else H5PContent.objects.get(pk=content)
        course = lesson.course
        run = CourseRun.objects.filter(course=course).order_by("pk").first()
        services.enrollment_add(user=learner, run=run)

        platform = PlatformPage.objects.live().filter(locale=arabic).order_by("pk").first()
        Membership.objects.update_or_create(
            platform=platform,
            user=member,
            defaults={
                "role": Role.MEMBER,
                "status": MembershipStatus.ACTIVE,
                "approved_posts": 100,
                "joined_at": timezone.now() - timezone.timedelta(days=365),
            },
        )
        topic = (
            Topic.objects.filter(platform=platform, hidden_at__isnull=True).order_by("-pk").first()
        )
        news = NewsPage.objects.live().filter(locale=arabic).order_by("-first_published_at")[0]
        catalogue = CourseIndexPage.objects.live().get(locale=arabic)

    topic_url = platform.url + platform.reverse_subpage("topic", args=(topic.pk,))
    statement = {
        "actor": {"objectType": "Agent", "name": "bench"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/interacted"},
        "object": {"id": f"https://markaz.example/h5p/{content.pk}"},
    }
    return {
        "home": ("anonymous", ["GET /ar/"]),
        "news article": ("anonymous", [f"GET {news.url}"]),
        "catalogue": ("anonymous", [f"GET {catalogue.url}"]),
        "course overview": ("anonymous", [f"GET {course.url}"]),
        "search": ("anonymous", [f"GET /ar/search/?q={quote(SEARCH_TERM)}"]),
        # A signed-in reader's search is never served from the page cache: the search's
        # own cost, as every query a visitor types for the first time pays it.
        "search (signed in)": ("learner", [f"GET /ar/search/?q={quote(SEARCH_TERM)}"]),
        "dashboard": ("learner", ["GET /ar/my/"]),
        "lesson": ("learner", [f"GET {lesson.url}"]),
        "xAPI statement": (
            "learner",
            [f"POST /h5p/{content.pk}/xapi/?lesson={lesson.pk}"],
            json.dumps(statement),
            "application/json",
        ),
        "forum topic": ("member", [f"GET {topic_url}"]),
        "forum reply": (
            "member",
            [f"POST {topic_url}"],
            urlencode({"body": "شكراً على هذه التجربة، سنجربها في بلديتنا."}),
            "application/x-www-form-urlencoded",
        ),
    }


def query_counts(pages: dict) -> dict:
    """SQL queries of one request of each page type, after a warm-up request."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {"anonymous": Client(HTTP_HOST="localhost")}
    for role, email in (("learner", LEARNER), ("member", MEMBER)):
        clients[role] = Client(HTTP_HOST="localhost")
        clients[role].force_login(get_user_model().objects.get(email=email))
    counts = {}
    for name, (role, paths, *_rest) in pages.items():
        method, path = paths[0].split(" ", 1)
        if method != "GET":
            continue
        clients[role].get(path)
        with CaptureQueriesContext(connection) as queries:
            clients[role].get(path)
        counts[name] = len(queries)
    return counts


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(stack: ExitStack, command: list, env: dict, log: Path) -> subprocess.Popen:
    handle = stack.enter_context(log.open("w"))
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
    )

    def stop():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    stack.callback(stop)
    return process


def wait_for(url: str, seconds: int = 60) -> None:
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not answer in {seconds} s")


def login(base: str, email: str) -> dict:
    """Sign in through the real login form; return the cookies to send."""
    import requests

    session = requests.Session()
    session.get(f"{base}/ar/accounts/login/", timeout=30)
    # Production cookies are Secure: requests keeps them but would not send them over http.
    cookies = session.cookies.get_dict()
    answer = session.post(
        f"{base}/ar/accounts/login/",
        data={"login": email, "password": PASSWORD, "csrfmiddlewaretoken": cookies["csrftoken"]},
        cookies=cookies,
        allow_redirects=False,
        timeout=30,
    )
    cookies |= session.cookies.get_dict()
    if answer.status_code != 302 or "sessionid" not in cookies:
        raise SystemExit(f"login as {email} failed: {answer.status_code}")
    return cookies


def wrk(
    base: str, paths: list, connections: int, seconds: int, headers=(), body=None, think=0
) -> dict:
    env = os.environ | {
        "BENCH_THINK_MS": str(think),
        "BENCH_PATHS": "\n".join(paths),
        "BENCH_HEADERS": "\n".join(headers),
        "BENCH_BODY": body or "",
    }
    threads = min(connections, 2)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
        + ["-s", str(LUA), base],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line[len("BENCH ") :])
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


# Set from --worker-class: how the proxy in front of sync workers talks to them.
CONNECTION_HEADERS: list[str] = []


def server_times(access_log: Path, offset: int) -> dict:
    """p50/p95/p99 (ms) of the requests gunicorn logged after ``offset``: its own time."""
    time.sleep(0.5)  # the last responses' lines
    with access_log.open("rb") as log:
        log.seek(offset)
        times = sorted(int(line) / 1000 for line in log.read().split() if line.isdigit())
    if not times:
        return {}
    return {
        f"p{n}": times[min(len(times) - 1, int(len(times) * n / 100))] for n in (50, 95, 99)
    } | {"requests": len(times)}


def worker_backlog(redis_url: str) -> int:
    """Tasks queued for the Celery worker or taken and not yet acknowledged."""
    import redis

    client = redis.Redis.from_url(redis_url)
    queued = sum(
        client.llen(key) for key in client.scan_iter(match="celery*", _type="list", count=1000)
    )
    return queued + client.hlen("unacked")


def wait_for_worker(redis_url: str, limit: int = 900) -> float:
    """Seconds until the worker has done what earlier requests queued (the fan-out of forum
    replies, an earlier run's leftovers): each page type is measured alone, not beside the
    work of the one before it."""
    started = time.perf_counter()
    while worker_backlog(redis_url):
        if time.perf_counter() - started > limit:
            raise SystemExit(f"the Celery worker did not catch up in {limit} s")
        time.sleep(0.25)
    return time.perf_counter() - started


def headers_for(role: str, cookies: dict, content_type: str | None = None) -> list:
    lines = list(CONNECTION_HEADERS)
    if role != "anonymous":
        jar = cookies[role]
        lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in jar.items()))
        lines.append(f"X-CSRFToken: {jar['csrftoken']}")
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    return lines


def main() -> None:
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (Debian's package)")
    work = Path(tempfile.mkdtemp(prefix="markaz-load-"))
    env = environment(args, work)
    os.environ.update(env)
    if args.generate is not None:
        generate(args, env)
    # Production serves fingerprinted, compressed static files from the manifest.
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    pages = prepare()
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        pages = {name: page for name, page in pages.items() if name in wanted}
    queries = query_counts(pages)
    from django.db import connections

    connections.close_all()

    if args.worker_class == "sync":
        CONNECTION_HEADERS.append("Connection: close")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    access_log = work / "access.log" if args.server_timing else None
    with ExitStack() as stack:
        start(
            stack,
            [str(BIN / "gunicorn"), "cms.wsgi:application", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", str(args.workers), "--worker-class", args.worker_class]
            + ["--backlog", "2048", "--log-level", "warning"]
            + (
                ["--access-logfile", str(access_log), "--access-logformat", "%(D)s"]
                if access_log
                else []
            )
            # With threads, wrk's connections stay open and each is served by the worker
            # that accepted it (a user pausing longer than gunicorn's 2 s default would
            # find it closed). A sync worker takes a new connection only when it is free.
            + (
                ["--threads", str(args.threads), "--keep-alive", "75"]
                if args.worker_class == "gthread"
                else []
            ),
            env,
            work / "gunicorn.log",
        )
        start(
            stack,
            [str(BIN / "celery"), "-A", "cms", "worker", "--concurrency", "1"]
            + ["--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
            env,
            work / "celery.log",
        )
        wait_for(f"{base}/healthz")
        import requests

        (work / "home.html").write_bytes(requests.get(f"{base}/ar/", timeout=30).content)
        cookies = {"learner": login(base, LEARNER), "member": login(base, MEMBER)}

        results = {}
        print(
            f"{args.connections} connections, {args.duration} s each, {args.workers} "
            f"{args.worker_class} workers, {args.think_ms} ms between a connection's requests"
        )

        def measured(*wrk_args) -> dict:
            """wrk's figures, and with --server-timing gunicorn's own for the same requests."""
            logged = access_log.stat().st_size if access_log else 0
            figures = wrk(base, *wrk_args)
            if access_log:
                figures["server"] = server_times(access_log, logged)
            return figures

        results["bare floor"] = measured(
            ["GET /bench/bare/"], args.connections, args.duration, CONNECTION_HEADERS
        )
        backlog = wait_for_worker(args.redis_url)
        if backlog > 1:
            print(f"  (the worker took {backlog:.0f} s to finish tasks left by an earlier run)")
        for name, (role, paths, *rest) in pages.items():
            body, content_type = rest if rest else (None, None)
            wrk(base, paths, 2, 1, headers_for(role, cookies, content_type), body)  # warm up
            wait_for_worker(args.redis_url)
            results[name] = measured(
                paths,
                args.connections,
                args.duration,
                headers_for(role, cookies, content_type),
                body,
                args.think_ms,
            ) | {"queries": queries.get(name)}
            results[name]["worker_catch_up"] = wait_for_worker(args.redis_url)
            print(
                f"  {name}: {results[name]['rps']:.0f}/s p95 {results[name]['p95']:.0f} ms"
                + (
                    f" (the worker then took {results[name]['worker_catch_up']:.1f} s"
                    " to finish the tasks these requests queued)"
                    if results[name]["worker_catch_up"] >= 0.5
                    else ""
                )
            )

        soak = None
        if args.soak_duration:
            soak = run_soak(base, pages, cookies, args)
        report(results, soak, args)
        if args.json:
            args.json.write_text(json.dumps({"pages": results, "soak": soak}, indent=2))
        errors = sum(r["http_errors"] + r["socket_errors"] for r in results.values())
        if errors or (soak and soak["errors"]):
            print(f"logs in {work}")


def run_soak(base: str, pages: dict, cookies: dict, args: argparse.Namespace) -> dict:
    """Everything at once: anonymous readers, learners and forum members side by side."""
    groups = {}
    for _name, (role, paths, *rest) in pages.items():
        key = (role, rest[1] if rest else None)
        groups.setdefault(key, {"paths": [], "body": rest[0] if rest else None})
        groups[key]["paths"] += paths
    # POST groups get their own wrk; GET groups too: one per (role, content type).
    share = max(1, args.soak_connections // len(groups))
    env_runs = []
    for (role, content_type), group in groups.items():
        env = os.environ | {
            "BENCH_PATHS": "\n".join(group["paths"]),
            "BENCH_HEADERS": "\n".join(headers_for(role, cookies, content_type)),
            "BENCH_BODY": group["body"] or "",
        }
        command = ["wrk", "-t1", f"-c{share}", f"-d{args.soak_duration}s", "--timeout", "10s"]
        command += ["-s", str(LUA), base]
        label = f"{role} {'POST' if content_type else 'GET'} ({share} connections)"
        env_runs.append(
            (label, subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True))
        )
    total = {"connections": share * len(groups), "seconds": args.soak_duration}
    total |= {"requests": 0, "errors": 0, "statuses": {}, "groups": {}}
    for label, process in env_runs:
        output, _ = process.communicate()
        line = next(line for line in output.splitlines() if line.startswith("BENCH "))
        figures = json.loads(line[len("BENCH ") :])
        total["groups"][label] = figures
        total["requests"] += figures["requests"]
        total["errors"] += figures["http_errors"] + figures["socket_errors"]
        for status, n in figures["statuses"].items():
            total["statuses"][status] = total["statuses"].get(status, 0) + n
    return total


def report(results: dict, soak: dict | None, args: argparse.Namespace) -> None:
    floor = results["bare floor"]["rps"]
    print()
    timed = args.server_timing
    print(
        f"| page ({args.connections} connections, {args.think_ms} ms pause) | req/s | × floor "
        "| p50 ms | p95 ms | p99 ms | errors | queries |"
        + (" in gunicorn: p50, p95, p99 ms |" if timed else "")
    )
    print("|---|---|---|---|---|---|---|---|" + ("---|" if timed else ""))
    for name, r in results.items():
        server = r.get("server") or {}
        print(
            f"| {name} | {r['rps']:.0f} | {r['rps'] / floor:.2f} | {r['p50']:.1f} "
            f"| {r['p95']:.1f} | {r['p99']:.1f} | {r['http_errors'] + r['socket_errors']} "
            f"| {'' if r.get('queries') is None else r['queries']} |"
            + (
                f" {server['p50']:.1f}, {server['p95']:.1f}, {server['p99']:.1f} |"
                if server
                else (" |" if timed else "")
            )
        )
    if soak:
        print()
        print(
            f"soak: {soak['connections']} connections for {soak['seconds']} s: "
            f"{soak['requests']} requests, {soak['errors']} errors, statuses {soak['statuses']}"
        )
        for label, figures in soak["groups"].items():
            print(
                f"  {label}: {figures['requests']} requests, p50 {figures['p50']:.0f} ms, "
                f"p95 {figures['p95']:.0f} ms, p99 {figures['p99']:.0f} ms"
            )


if __name__ == "__main__":
    main()
