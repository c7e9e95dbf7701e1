"""The site on many machines: two gunicorn nodes without sticky sessions, a Celery worker,
one PostgreSQL and one Redis, in production settings.

A learner signs in on one node and finishes a course on the other; the certificate is
made by the worker and shown by the first node. A page cached on one node is fresh there
as soon as an editor publishes a change on the other. A worker killed in the middle of
issuing a certificate leaves the task to the next worker, which issues exactly one.
"""

import json
import os
import re
import time
from http import HTTPStatus
from urllib.parse import urlsplit

import psycopg
import pytest
import requests
from bs4 import BeautifulSoup
from requests.cookies import RequestsCookieJar

from courses.certificates.services import STATUS_LIST_LOCK

from .conftest import PASSWORD, VISIBILITY_TIMEOUT, wait_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        urlsplit(os.environ.get("DATABASE_URL", "")).scheme
        not in {"postgres", "postgresql", "pgsql"},
        reason="many-machines tests need PostgreSQL (DATABASE_URL=postgres://…) and Redis",
    ),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="many-machines tests need Redis (REDIS_URL=redis://…) and PostgreSQL",
    ),
]

# What a completion queues: the issuing of its run's waiting certificates.
ISSUE_TASK = "courses.certificates.tasks.issue_waiting_certificates"
CODE = re.compile(r"MRKZ-[0-9A-Z]{4}-[0-9A-Z]{4}")


class ProxyCookieJar(RequestsCookieJar):
    """The browser's cookies for the site's https address. The nodes mark them Secure (as
    production must); the proxy in front speaks plain HTTP to them, and so does this
    client, so it keeps the cookies without the flag to send them back."""

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


class Visitor:
    """One browser behind the site's proxy, which may send each request to either node."""

    def __init__(self, address: str):
        self.session = requests.Session()
        self.session.cookies = ProxyCookieJar()
        # What the TLS-terminating proxy adds to every request it passes on.
        self.session.headers["X-Forwarded-Proto"] = "https"
        self.session.headers["X-Forwarded-For"] = address

    def get(self, node, path: str) -> requests.Response:
        return self.session.get(node.url + path, timeout=30)

    def post(self, node, path: str, data) -> requests.Response:
        # A browser sends its Origin with a form: Django's CSRF check over https wants it.
        return self.session.post(
            node.url + path, data=data, headers={"Origin": node.origin}, timeout=60
        )

    def submit(self, node, path: str, selector: str, **changes) -> requests.Response:
        """Open ``path`` on ``node`` and send its form ``selector`` with ``changes``."""
        page = self.get(node, path)
        assert page.status_code == HTTPStatus.OK, (path, page.status_code)
        action, fields = form_fields(page.text, selector)
        fields = [(name, value) for name, value in fields if name not in changes]
        fields += list(changes.items())
        return self.post(node, action or path, fields)

    def sign_in(self, node, email: str) -> requests.Response:
        response = self.submit(
            node, "/ar/accounts/login/", "main form", login=email, password=PASSWORD
        )
        assert response.status_code == HTTPStatus.OK
        assert urlsplit(response.url).path == "/ar/accounts/profile/", response.url
        return response


def form_fields(html: str, selector: str) -> tuple[str, list[tuple[str, str]]]:
    """The action and the fields a browser would send for the form ``selector``."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, f"no form {selector!r} on the page"
    fields = []
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            fields.append((name, element.text))
        elif element.name == "select":
            options = element.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")] or options[:1]
            fields += [(name, o.get("value", o.text)) for o in chosen]
        elif element.get("type", "text") in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                fields.append((name, element.get("value", "on")))
        elif element.get("type", "text") not in {"submit", "button", "image", "reset", "file"}:
            fields.append((name, element.get("value", "")))
    return form.get("action", ""), fields


def anonymous_get(node, path: str) -> requests.Response:
    """A first-time visitor: no cookies at all."""
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.30"}
    return requests.get(node.url + path, headers=headers, timeout=30)


def heading(response: requests.Response) -> str:
    return BeautifulSoup(response.text, "html.parser").h1.get_text(strip=True)


def queued_tasks(stack) -> list[str]:
    return [
        json.loads(message)["headers"]["task"]
        for message in stack.redis().lrange(stack.key("celery"), 0, -1)
    ]


def test_learner_and_editor_move_between_nodes(stack, nodes, workers):
    node_a, node_b = nodes
    data = stack.data

    # Signed in on A; the session cookie is Secure, as production sets it.
    learner = Visitor("203.0.113.10")
    response = learner.sign_in(node_a, data["learner"]["email"])
    set_cookies = " ".join(r.headers.get("Set-Cookie", "") for r in response.history)
    assert re.search(r"sessionid=[^;]+;.*Secure", set_cookies), set_cookies

    # B knows the session: sessions live in the shared cache and database.
    dashboard = learner.get(node_b, "/ar/my/")
    assert dashboard.status_code == HTTPStatus.OK
    assert urlsplit(dashboard.url).path == "/ar/my/"

    # Enrol and finish both lessons on B, through the forms a learner uses.
    enrol_form = f'form[action$="/{data["run"]}/enrol/"]'
    response = learner.submit(node_b, data["course"]["url"], enrol_form)
    assert response.status_code == HTTPStatus.OK
    for lesson in data["lessons"]:
        response = learner.submit(node_b, lesson, ".lesson__footer form")
        assert response.status_code == HTTPStatus.OK
    [(status,)] = stack.sql(
        "SELECT status FROM courses_enrollment WHERE user_id = %s", [data["learner"]["id"]]
    )
    assert status == "completed"

    # No worker runs yet: the certificate waits on Redis, not made in the request.
    assert ISSUE_TASK in queued_tasks(stack)
    assert not CODE.search(learner.get(node_a, "/ar/my/").text)
    stack.note("course completed on B; certificate task queued")

    workers()

    def certificate_on_a():
        return CODE.search(learner.get(node_a, "/ar/my/").text)

    code = wait_for(certificate_on_a, 90, "the worker's certificate on node A", 0.5).group()
    stack.note(f"certificate {code} listed on A")
    verify = learner.get(node_a, f"/verify/{code}/")
    assert verify.status_code == HTTPStatus.OK
    assert data["learner"]["name_ar"] in verify.text
    assert data["course"]["title"] in verify.text
    pdf = learner.get(node_a, f"/ar/my/certificates/{code}.pdf")
    assert pdf.status_code == HTTPStatus.OK
    assert pdf.content.startswith(b"%PDF")

    # A public page, cached on B for anonymous visitors.
    news = data["news"]
    first, second = anonymous_get(node_b, news["url"]), anonymous_get(node_b, news["url"])
    assert heading(first) == heading(second) == news["title"]
    assert second.headers.get("X-Cache") == "HIT", "B did not cache the page"
    stack.note("news index cached on B")

    # An administrator renames it in the Wagtail admin on A and publishes.
    admin = Visitor("203.0.113.20")
    admin.sign_in(node_a, data["admin"]["email"])
    new_title = "أخبار المركز والبلديات"
    response = admin.submit(
        node_a,
        f"/admin/pages/{news['id']}/edit/",
        "#page-edit-form",
        title=new_title,
        **{"action-publish": "action-publish"},
    )
    assert response.status_code == HTTPStatus.OK
    assert "/edit/" not in urlsplit(response.url).path, "the edit form came back"
    assert stack.sql(
        "SELECT title, live, has_unpublished_changes FROM wagtailcore_page WHERE id = %s",
        [news["id"]],
    ) == [(new_title, True, False)]
    stack.note("news index renamed and published on A")

    # B serves the new title at once.
    fresh = anonymous_get(node_b, news["url"])
    assert fresh.status_code == HTTPStatus.OK
    assert heading(fresh) == new_title


QUEUE_COMPLETION = """
import json
import os

from django.contrib.auth import get_user_model

from courses import services
from courses.models import CourseRun, Enrollment, EnrollmentStatus

run = CourseRun.objects.get(pk=int(os.environ["MULTINODE_RUN"]))
user = get_user_model().objects.create_user(
    email="karim@multinode.test", password=os.environ["MULTINODE_PASSWORD"],
    name_ar="كريم الشريف", name_latin="Karim Sherif",
)
enrollment = Enrollment.objects.create(user=user, run=run, status=EnrollmentStatus.ACTIVE)
# The last lesson completes the enrolment, which queues the certificate after commit.
for lesson in run.course.lessons():
    services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
enrollment.refresh_from_db()
print("RESULT " + json.dumps({"enrollment": enrollment.pk, "status": enrollment.status}))
"""


def unacked_issue(stack, run_id: int) -> list[tuple[str, float]]:
    """(delivery tag, delivery time) of the run's certificate task held, unacknowledged,
    on Redis."""
    client = stack.redis()
    held = []
    for tag, value in client.hgetall(stack.key("unacked")).items():
        headers = json.loads(value)[0]["headers"]
        if headers["task"] == ISSUE_TASK and headers["argsrepr"] == f"({run_id},)":
            held.append((tag, client.zscore(stack.key("unacked_index"), tag)))
    return held


def test_worker_killed_while_issuing_leaves_exactly_one_certificate(stack, workers):
    certificates = "SELECT code, pdf, revoked_at FROM courses_certificate WHERE enrollment_id = %s"

    # Holding the lock that serialises certificate numbering stops the task inside its
    # transaction: PDF rendered, certificate not yet written.
    holder = psycopg.connect(stack.database_url, autocommit=True)
    try:
        holder.execute("SELECT pg_advisory_lock(%s)", [STATUS_LIST_LOCK])
        first = workers()
        queued = stack.script(QUEUE_COMPLETION, MULTINODE_RUN=str(stack.data["run"]))
        assert queued["status"] == "completed"
        enrollment = queued["enrollment"]

        def worker_waits_on_lock():
            return stack.sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock' AND query LIKE '%%pg_advisory_xact_lock%%'"
            )

        wait_for(worker_waits_on_lock, 90, "the worker to reach the certificate transaction")
        assert first.alive()
        stack.note("worker waits on the status list lock: SIGKILL")
        stack.kill(first)  # the worker and its pool process, at once
    finally:
        holder.close()

    # Nothing was written, and the message is still held: acknowledged only at the end.
    assert stack.sql(certificates, [enrollment]) == []
    [(_tag, delivered_at)] = unacked_issue(stack, stack.data["run"])

    # A worker starting after the visibility timeout puts the message back and runs it.
    time.sleep(max(0.0, delivered_at + VISIBILITY_TIMEOUT + 1 - time.time()))
    workers()
    wait_for(
        lambda: stack.sql(certificates, [enrollment]), 90, "the second worker's certificate", 0.5
    )
    stack.note("certificate issued by the second worker")
    wait_for(
        lambda: (
            not unacked_issue(stack, stack.data["run"]) and ISSUE_TASK not in queued_tasks(stack)
        ),
        60,
        "the task to be acknowledged",
    )

    [(code, pdf, revoked_at)] = stack.sql(certificates, [enrollment])
    assert revoked_at is None
    assert (stack.media / pdf).read_bytes().startswith(b"%PDF")
    # No file of the killed attempt is left: every PDF on disk belongs to a certificate.
    on_disk = {f"certificates/{path.name}" for path in (stack.media / "certificates").iterdir()}
    assert on_disk == {name for (name,) in stack.sql("SELECT pdf FROM courses_certificate")}
    assert code in pdf
