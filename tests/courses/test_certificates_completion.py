"""Certificates on completion: a run's completions issued together, by tasks that share them."""

import threading

import pytest

from courses import services
from courses.certificates import batch, completion
from courses.certificates.batch import certificates_issue_for_run
from courses.certificates.completion import certificates_issue_waiting, certificates_schedule
from courses.certificates.services import certificate_issue, certificate_revoke
from courses.certificates.tasks import issue_waiting_certificates
from courses.models import Certificate

from .test_certificates import at_once, needs_postgresql
from .test_certificates_batch import completed, record_retries, render_failing_for, valid

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch):
    """The runs whose issuing task was queued (the task itself is not run)."""
    runs = []
    monkeypatch.setattr(issue_waiting_certificates, "delay", runs.append)
    return runs


def test_a_run_waiting_in_the_queue_takes_every_later_completion(run, queued):
    assert certificates_schedule(run.pk)
    assert not any(certificates_schedule(run.pk) for _ in range(20))
    assert queued == [run.pk]
    # Once the task runs, the next completion needs a task of its own.
    completion.certificates_task_started(run.pk)
    assert certificates_schedule(run.pk)
    assert queued == [run.pk, run.pk]


def test_without_the_cache_every_completion_queues_a_task(run, queued, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(completion.cache, "add", down)
    assert certificates_schedule(run.pk) and certificates_schedule(run.pk)
    assert queued == [run.pk, run.pk]


def test_completing_the_course_issues_the_certificate(course, run, learner, committed):
    enrollment = services.enrollment_request(user=learner, run=run)
    with committed():
        for lesson in course.test_lessons:
            if lesson.required:
                services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
    certificate = valid(run).get(user=learner)
    assert certificate.enrollment == enrollment
    assert certificate.pdf.read(5) == b"%PDF-"


def test_a_full_batch_queues_its_successor_before_rendering(run, queued, monkeypatch):
    monkeypatch.setattr(batch, "BATCH_SIZE", 2)
    graduates = completed(run, 5, prefix="chain")
    rendered_when_queued = []
    render = batch.render_pdf

    def render_and_note(certificate, template):
        rendered_when_queued.append(len(queued))
        return render(certificate, template)

    monkeypatch.setattr(batch, "render_pdf", render_and_note)
    # A worker: one batch a task (the test calls the task as a worker would, not eagerly).
    assert issue_waiting_certificates.run(run.pk) == {"issued": 2, "failed": []}
    assert queued == [run.pk] and rendered_when_queued == [1, 1]
    assert issue_waiting_certificates.run(run.pk)["issued"] == 2  # the successor
    assert issue_waiting_certificates.run(run.pk)["issued"] == 1
    assert queued == [run.pk, run.pk]  # the last batch was not full: nothing more to do
    assert sorted(valid(run).values_list("user", flat=True)) == sorted(e.user_id for e in graduates)
    assert issue_waiting_certificates.run(run.pk)["issued"] == 0


def test_run_eagerly_the_task_issues_every_waiting_learner(run, monkeypatch):
    monkeypatch.setattr(batch, "BATCH_SIZE", 2)
    completed(run, 5, prefix="eager")
    issue_waiting_certificates.delay(run.pk)  # the test settings run tasks eagerly
    assert valid(run).count() == 5


def test_a_revoked_certificate_is_never_issued_again_behind_the_trainers_back(
    run, trainer, committed
):
    revoked, other = completed(run, 2, prefix="revoked")
    certificate = certificate_issue(user=revoked.user, run=run, enrollment=revoked)
    certificate_revoke(certificate=certificate, by=trainer, reason="لم يحضر")
    issue_waiting_certificates.delay(run.pk)
    assert list(valid(run).values_list("user", flat=True)) == [other.user_id]
    with committed():
        assert certificates_issue_for_run(run=run, issued_by=trainer) == 0
    # By hand, for that learner, a trainer still can.
    assert certificate_issue(user=revoked.user, run=run, enrollment=revoked).pk != certificate.pk


def test_a_learner_whose_certificate_fails_waits_for_the_retry(run, monkeypatch):
    graduates = completed(run, 3, prefix="fails")
    broken = graduates[1]
    mend = render_failing_for(monkeypatch, broken.user)
    retried = record_retries(monkeypatch, issue_waiting_certificates)
    with pytest.raises(RuntimeError):
        issue_waiting_certificates.run(run.pk)
    assert "cannot be laid out" in str(retried[0]["exc"])
    assert valid(run).count() == 2  # the others are kept
    mend()
    issue_waiting_certificates.run(run.pk)
    assert valid(run).filter(user=broken.user).exists()


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_tasks_side_by_side_take_different_learners_and_render_each_once(
    make_course, make_run, monkeypatch
):
    run = make_run(make_course(slug="claims-race"))
    graduates = completed(run, 9, prefix="claims")
    rendered, lock = [], threading.Lock()
    render = batch.render_pdf

    def render_and_count(certificate, template):
        with lock:
            rendered.append(certificate.user_id)
        return render(certificate, template)

    monkeypatch.setattr(batch, "render_pdf", render_and_count)
    claims = at_once([lambda: certificates_issue_waiting(run=run, limit=3)] * 3)
    assert not any(isinstance(claim, Exception) for claim in claims), claims
    # Each took three learners the others had not, at once (none waited for another's
    # batch to commit), and nobody was rendered twice.
    issued = [pk for claim in claims for pk in claim.issued]
    assert sorted(issued) == sorted(e.pk for e in graduates)
    assert sorted(rendered) == sorted(e.user_id for e in graduates)
    assert certificates_issue_waiting(run=run, limit=3) is None
    assert Certificate.objects.filter(run=run).count() == 9
