"""Many machines: two gunicorn nodes and Celery workers on one PostgreSQL and one Redis.

The processes cannot see pytest-django's test database (its transactions never
commit), so the module gets a database of its own, migrated and filled by
``manage.py`` in subprocesses and dropped at the end, as ``bench/certificates.py``
does. Every key it writes in Redis (cache, sessions, Celery's queues and results)
carries a random prefix, so the module can run beside itself (and beside the rest
of the suite) under pytest-xdist. Every process runs in its own process group and
is killed with it; on failure their logs and a timeline are copied to
``test-artifacts/multinode/``.
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ARTIFACTS = ROOT / "test-artifacts" / "multinode"
PASSWORD = "multinode-pass-4821-word"
# Seconds after which a message a killed worker held goes back to the queue. Production
# keeps an hour (cms/settings/base.py); here the restart test waits this long.
VISIBILITY_TIMEOUT = 5
# The stacks of this process, whose logs a failure saves.
STACKS: list["Stack"] = []

# Run by `manage.py shell -c` against the module's database: the least the tests need.
SETUP = """
import json
import os
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.rich_text import RichText

from allauth.account.models import EmailAddress

from cms import demo
from cms.news.models import NewsIndexPage
from courses.models import (
    CourseIndexPage, CoursePage, CourseRun, EnrolmentPolicy, LessonPage, ModulePage,
)

locales = demo.ensure_locales()
home = demo.ensure_home_pages(locales)
news = demo.child(
    home, NewsIndexPage, "news", title="أخبار المركز", intro="<p>آخر أخبار المركز.</p>"
)
catalogue = demo.child(home, CourseIndexPage, "courses", title="الدورات")
course = demo.child(
    catalogue, CoursePage, "multinode", title="إدارة النفايات الصلبة", summary="دورة قصيرة"
)
module = demo.child(course, ModulePage, "basics", title="الأساسيات")
lessons = [
    demo.child(
        module, LessonPage, f"lesson-{n}", title=f"الدرس {n}",
        body=[("paragraph", RichText(f"<p>نص الدرس {n}.</p>"))],
    )
    for n in (1, 2)
]
now = timezone.now()
run = CourseRun.objects.create(
    course=course, title="الدفعة الأولى", enrolment_policy=EnrolmentPolicy.OPEN,
    enrolment_opens=now - timedelta(days=1), enrolment_closes=now + timedelta(days=30),
)
User = get_user_model()
people = {}
for key, email, name_ar, name_latin, extra in [
    ("learner", "amal@multinode.test", "أمل الترهوني", "Amal Tarhouni", {}),
    ("admin", "admin@multinode.test", "مدير الموقع", "Site Admin",
     {"is_staff": True, "is_superuser": True}),
]:
    user = User.objects.create_user(
        email=email, password=os.environ["MULTINODE_PASSWORD"],
        name_ar=name_ar, name_latin=name_latin, **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    people[key] = {"id": user.pk, "email": email, "name_ar": name_ar}
print("RESULT " + json.dumps({
    **people,
    "news": {"id": news.pk, "url": news.url, "title": news.title},
    "course": {"url": course.url, "title": course.title},
    "lessons": [lesson.url for lesson in lessons],
    "run": run.pk,
}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, seconds: float, what: str, interval: float = 0.2):
    """``check()``'s first truthy value, polled until the deadline."""
    deadline = time.monotonic() + seconds
    while True:
        if value := check():
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds:.0f} s for {what}")
        time.sleep(interval)


@dataclass
class Process:
    label: str
    popen: subprocess.Popen
    log: Path
    stopped: bool = False

    def alive(self) -> bool:
        return self.popen.poll() is None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@dataclass
class Node:
    """A gunicorn node. Clients reach it as the proxy would: plain HTTP to its port, with
    ``X-Forwarded-Proto: https`` and the site's https origin."""

    process: Process
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.port}"


@dataclass
class Stack:
    """The module's database, Redis prefix, media folder and processes."""

    database_url: str
    redis_url: str
    env: dict
    work: Path
    data: dict = field(default_factory=dict)
    processes: list[Process] = field(default_factory=list)

    @property
    def media(self) -> Path:
        return Path(self.env["MEDIA_ROOT"])

    def key(self, name: str) -> str:
        """The Redis key of ``name`` (a queue, a Celery or cache key) for this module."""
        return f"{self.env['CACHE_KEY_PREFIX']}:{name}"

    def manage(self, *args: str, extra_env: dict | None = None, timeout: float = 300) -> str:
        """Run ``manage.py`` with the module's settings; its output, or a failure with it."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env | (extra_env or {}),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        output = result.stdout + result.stderr
        with (self.work / "manage.log").open("a") as log:
            log.write(f"$ manage.py {args[0]} (exit {result.returncode})\n{output}\n")
        self.note(f"manage.py {args[0]} exited {result.returncode}")
        if result.returncode:
            raise AssertionError(f"manage.py {args[0]} failed:\n{output[-4000:]}")
        return result.stdout

    def script(self, source: str, **extra_env: str) -> dict:
        """Run ``source`` in ``manage.py shell``; the JSON it printed after ``RESULT``."""
        output = self.manage("shell", "-c", source, extra_env=extra_env)
        line = next(line for line in output.splitlines() if line.startswith("RESULT "))
        return json.loads(line.removeprefix("RESULT "))

    def start(self, label: str, *command: str) -> Process:
        log = self.work / f"{label}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as one
            )
        process = Process(label, popen, log)
        self.processes.append(process)
        self.note(f"{label} started (pid {popen.pid})")
        return process

    def kill(self, process: Process) -> None:
        """SIGKILL ``process`` and its process group (gunicorn's and Celery's children
        with it). Nothing here needs a graceful end, and a quick shutdown alone takes
        seconds on a busy machine."""
        if process.stopped:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.popen.pid, signal.SIGKILL)
        process.popen.wait(15)
        process.stopped = True
        self.note(f"{process.label} killed (exit {process.popen.returncode})")

    def note(self, text: str) -> None:
        """A line in timeline.log, saved with the processes' logs on failure."""
        with (self.work / "timeline.log").open("a") as timeline:
            timeline.write(f"{time.strftime('%H:%M:%S')} {text}\n")

    def start_nodes(self, *labels: str) -> list[Node]:
        """Gunicorn nodes on free ports, started together, once they answer /healthz
        (database, cache and broker)."""
        import requests

        nodes = {}
        for _attempt in range(3):
            for label in labels:
                if label not in nodes:
                    port = free_port()
                    process = self.start(
                        label,
                        str(BIN / "gunicorn"),
                        "cms.wsgi:application",
                        f"--bind=127.0.0.1:{port}",
                        "--workers=2",
                        "--preload",  # the application loaded once, then forked
                        "--timeout=60",
                        "--access-logfile=-",
                        "--error-logfile=-",
                    )
                    nodes[label] = Node(process, port)

            def settled(nodes=nodes):
                states = {}
                for label, node in nodes.items():
                    if not node.process.alive():
                        states[label] = "exited"
                        continue
                    try:
                        response = requests.get(node.url + "/healthz", timeout=30)
                    except requests.RequestException:
                        return None
                    if response.status_code != 200:
                        return None
                    states[label] = "ok"
                return states

            states = wait_for(settled, 120, f"{', '.join(labels)} to answer /healthz", 0.5)
            for label, state in states.items():
                if state == "exited":
                    node = nodes.pop(label)
                    if "Address already in use" not in node.process.log_text():
                        raise AssertionError(
                            f"{label} did not start:\n{node.process.log_text()[-4000:]}"
                        )
            if len(nodes) == len(labels):
                self.note(f"{', '.join(labels)} answer on {[n.port for n in nodes.values()]}")
                return [nodes[label] for label in labels]
        raise AssertionError(f"no free port for {labels}")

    def start_worker(self, label: str) -> Process:
        return self.start(
            label,
            str(BIN / "celery"),
            "-A",
            "cms",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            f"--hostname={label}-{self.env['CACHE_KEY_PREFIX']}@%h",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        )

    def sql(self, query: str, params=()) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(query, params).fetchall()

    def redis(self):
        import redis

        return redis.Redis.from_url(self.redis_url)

    def save_logs(self, where: str) -> Path:
        target = ARTIFACTS / where
        target.mkdir(parents=True, exist_ok=True)
        for log in self.work.glob("*.log"):
            shutil.copy(log, target / log.name)
        return target


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On any failure (a module fixture's included), keep the processes' logs."""
    outcome = yield
    if outcome.get_result().failed:
        for stack in STACKS:
            stack.save_logs(re.sub(r"[^\w.-]+", "_", item.name))


def _environment(token: str, database_url: str, redis_url: str, work: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        # pytest's own settings and worker name are not the processes' business.
        if not key.startswith(("PYTEST_", "DJANGO_")) and key not in {"CELERY_TASK_ALWAYS_EAGER"}
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "tests.multinode.settings",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        "SECRET_KEY": f"multinode-{secrets.token_urlsafe(40)}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "CACHE_KEY_PREFIX": f"multinode-{token}",
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private"),
        "OPEN_BADGES_KEY_FILE": str(work / "open-badges.pem"),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "MULTINODE_PASSWORD": PASSWORD,
    }


@pytest.fixture(scope="module")
def stack():
    """A migrated PostgreSQL database with a course, a learner and an administrator, and
    the environment every process of this module runs with."""
    import psycopg

    token = secrets.token_hex(4)
    name = f"markaz_multinode_{token}"
    url = urlsplit(os.environ["DATABASE_URL"])
    database_url = urlunsplit(url._replace(path=f"/{name}"))
    server_url = urlunsplit(url._replace(path="/postgres"))
    redis_url = os.environ["REDIS_URL"]
    work = Path(tempfile.mkdtemp(prefix=f"markaz-multinode-{token}-"))
    stack = Stack(database_url, redis_url, _environment(token, database_url, redis_url, work), work)
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    STACKS.append(stack)
    stack.note(f"database {name} created")
    try:
        try:
            stack.manage("migrate", "--noinput", "--verbosity=0")
            stack.data = stack.script(SETUP)
        except BaseException:
            stack.save_logs("setup")
            raise
        yield stack
    finally:
        STACKS.remove(stack)
        for process in reversed(stack.processes):
            stack.kill(process)
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        client = stack.redis()
        for key in client.scan_iter(match=stack.key("*"), count=1000):
            client.delete(key)
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def nodes(stack):
    """Nodes A and B: two gunicorn instances, two processes each, on the same services."""
    node_a, node_b = stack.start_nodes("node-a", "node-b")
    yield node_a, node_b
    stack.kill(node_a.process)
    stack.kill(node_b.process)


@pytest.fixture
def workers(stack):
    """Starts Celery workers (not eager) for one test; stops what is left of them after."""
    started = []

    def start() -> Process:
        number = 1 + sum(p.label.startswith("worker-") for p in stack.processes)
        worker = stack.start_worker(f"worker-{number}")
        started.append(worker)
        return worker

    yield start
    for worker in started:
        stack.kill(worker)
