"""Quizzes graded on the server: kinds of question, attempts, time limit, review, statistics."""

from datetime import timedelta

from django.utils import timezone

from wagtail.rich_text import RichText

import pytest

from courses import quizzes, services
from courses.models import Attempt, Choice, LessonPage, LessonProgress, Question, QuestionBank

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(course):
    bank = QuestionBank.objects.create(title="بنك أسئلة التخطيط", course=course)

    def question(kind, text, choices):
        q = Question(bank=bank, kind=kind, text=text, feedback="شرح")
        for order, (label, extra) in enumerate(choices):
            q.choices.add(Choice(sort_order=order, text=label, **extra))
        q.save()
        return q

    bank.single = question(
        "single",
        "من يعدّ خطة التنمية المحلية؟",
        [("البلدية مع المواطنين", {"correct": True}), ("الوزارة وحدها", {})],
    )
    bank.multiple = question(
        "multiple",
        "أي مما يلي أدوات للمشاركة؟",
        [
            ("الجلسات العامة", {"correct": True}),
            ("الموازنة التشاركية", {"correct": True}),
            ("الإقصاء", {}),
        ],
    )
    bank.true_false = question(
        "true_false", "التخطيط التشاركي يُقصي الشباب.", [("صح", {}), ("خطأ", {"correct": True})]
    )
    bank.short = question(
        "short", "ما اسم الخطة التي تعدها البلدية؟", [("خطة التنمية المحلية", {"correct": True})]
    )
    bank.matching = question(
        "matching",
        "اربط المرحلة بعملها",
        [("التشخيص", {"match": "جمع البيانات"}), ("التقييم", {"match": "قياس النتائج"})],
    )
    bank.ordering = question(
        "ordering", "رتب المراحل", [("التشخيص", {}), ("التخطيط", {}), ("التنفيذ", {})]
    )
    return bank


def quiz_lesson(course, bank, **settings):
    value = {
        "bank": bank,
        "title": "اختبار",
        "questions": 0,
        "shuffle": True,
        "pass_mark": 60,
        "attempts": 0,
        "time_limit": 0,
        "review": "after_each",
        **settings,
    }
    module = course.test_lessons[0].get_parent()
    lesson = module.add_child(
        instance=LessonPage(
            title="اختبار قصير",
            slug=f"quiz-{LessonPage.objects.count()}",
            body=[("paragraph", RichText("<p>اختبار</p>")), ("quiz", value)],
        )
    )
    lesson.save_revision().publish()
    return lesson, lesson.body[1].id


@pytest.fixture
def learner_enrollment(run):
    user = make_user("quizzer@example.ly")
    return services.enrollment_request(user=user, run=run)


def all_right(bank) -> dict:
    m = bank.matching.choices.all()
    o = bank.ordering.choices.all()
    data = {
        f"q{bank.single.pk}": str(bank.single.choices.get(correct=True).pk),
        f"q{bank.true_false.pk}": str(bank.true_false.choices.get(correct=True).pk),
        f"q{bank.short.pk}": "  خطه التنميه المحليّة ",  # other spelling, diacritics, spaces
        **{f"q{bank.matching.pk}_{c.pk}": str(c.pk) for c in m},
        **{f"q{bank.ordering.pk}_{c.pk}": str(i) for i, c in enumerate(o, start=1)},
    }
    return data


class Form(dict):
    """Enough of a QueryDict for multi-valued fields."""

    def getlist(self, key):
        value = self.get(key, [])
        return value if isinstance(value, list) else [value]


def test_every_kind_is_graded_on_the_server(course, bank, learner_enrollment):
    lesson, block_id = quiz_lesson(course, bank)
    attempt = quizzes.attempt_start(
        user=learner_enrollment.user,
        enrollment=learner_enrollment,
        lesson=lesson,
        block_id=block_id,
    )
    data = Form(all_right(bank))
    data[f"q{bank.multiple.pk}"] = [str(c.pk) for c in bank.multiple.choices.filter(correct=True)]
    attempt = quizzes.attempt_submit(attempt=attempt, data=data)
    assert attempt.score == 100
    assert attempt.passed
    assert all(attempt.results.values())
    row = LessonProgress.objects.get(enrollment=learner_enrollment, lesson=lesson)
    assert (row.status, row.score) == ("complete", 100)


@pytest.mark.parametrize(
    ("kind", "wrong"),
    [
        ("single", lambda b: str(b.single.choices.get(correct=False).pk)),
        ("true_false", lambda b: str(b.true_false.choices.get(correct=False).pk)),
        ("short", lambda b: "خطة التنمية"),
    ],
)
def test_wrong_answers_are_wrong(course, bank, learner_enrollment, kind, wrong):
    lesson, block_id = quiz_lesson(course, bank)
    attempt = quizzes.attempt_start(
        user=learner_enrollment.user,
        enrollment=learner_enrollment,
        lesson=lesson,
        block_id=block_id,
    )
    question = getattr(bank, kind)
    attempt = quizzes.attempt_submit(attempt=attempt, data=Form({f"q{question.pk}": wrong(bank)}))
    assert attempt.results[str(question.pk)] is False


def test_multiple_choice_needs_exactly_the_right_set(bank):
    right = [str(c.pk) for c in bank.multiple.choices.filter(correct=True)]
    assert quizzes.grade(bank.multiple, right)
    assert not quizzes.grade(bank.multiple, right[:1])
    assert not quizzes.grade(bank.multiple, [str(c.pk) for c in bank.multiple.choices.all()])


@pytest.mark.parametrize(
    "typed",
    [
        "خطة التنمية المحلية",
        "خطه التنميه المحليه",
        "خُطَّةُ التَّنمية المحلية",
        "خطة   التنمـــية المحلية",
    ],
)
def test_short_answers_are_compared_with_arabic_normalisation(bank, typed):
    assert quizzes.grade(bank.short, typed)


def test_attempt_limit_and_pass_mark(course, bank, learner_enrollment):
    lesson, block_id = quiz_lesson(course, bank, attempts=2, pass_mark=90)
    user = learner_enrollment.user
    for _ in range(2):
        attempt = quizzes.attempt_start(
            user=user, enrollment=learner_enrollment, lesson=lesson, block_id=block_id
        )
        attempt = quizzes.attempt_submit(attempt=attempt, data=Form())
        assert attempt.score == 0 and not attempt.passed
    with pytest.raises(quizzes.QuizError):
        quizzes.attempt_start(
            user=user, enrollment=learner_enrollment, lesson=lesson, block_id=block_id
        )
    assert not LessonProgress.objects.filter(lesson=lesson, status="complete").exists()


def test_time_limit_is_enforced_on_the_server(course, bank, learner_enrollment):
    lesson, block_id = quiz_lesson(course, bank, time_limit=5)
    attempt = quizzes.attempt_start(
        user=learner_enrollment.user,
        enrollment=learner_enrollment,
        lesson=lesson,
        block_id=block_id,
    )
    assert attempt.deadline is not None
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=2))
    attempt = quizzes.attempt_submit(attempt=attempt, data=Form(all_right(bank)))
    assert attempt.timed_out
    assert attempt.score == 0


def test_submitting_twice_changes_nothing(course, bank, learner_enrollment):
    lesson, block_id = quiz_lesson(course, bank)
    attempt = quizzes.attempt_start(
        user=learner_enrollment.user,
        enrollment=learner_enrollment,
        lesson=lesson,
        block_id=block_id,
    )
    first = quizzes.attempt_submit(attempt=attempt, data=Form(all_right(bank)))
    second = quizzes.attempt_submit(attempt=attempt, data=Form())
    assert first.score == second.score


def test_the_page_never_contains_the_answers(client, course, bank, learner_enrollment):
    lesson, block_id = quiz_lesson(course, bank, review="never")
    client.force_login(learner_enrollment.user)
    response = client.post(f"/ar/my/lessons/{lesson.pk}/quiz/{block_id}/start/")
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert bank.single.text in html
    assert "✓" not in html
    assert "correct" not in html.lower().replace("incorrect", "")
    assert bank.matching.choices.first().match in html  # matches are shown, shuffled
    response = client.post(response["Location"], all_right(bank))
    html = client.get(response["Location"]).content.decode()
    assert "✓" not in html  # review "never": the score only
    assert "شرح" not in html


def test_review_after_each_attempt_shows_correct_answers(client, course, bank, learner_enrollment):
    lesson, block_id = quiz_lesson(course, bank, review="after_each")
    client.force_login(learner_enrollment.user)
    url = client.post(f"/ar/my/lessons/{lesson.pk}/quiz/{block_id}/start/")["Location"]
    client.post(url, {})
    html = client.get(url).content.decode()
    assert "✓" in html
    assert "شرح" in html


def test_only_enrolled_learners_take_quizzes(client, course, bank, learner_enrollment):
    lesson, block_id = quiz_lesson(course, bank)
    client.force_login(make_user("stranger@example.ly"))
    assert client.post(f"/ar/my/lessons/{lesson.pk}/quiz/{block_id}/start/").status_code == 403
    attempt = quizzes.attempt_start(
        user=learner_enrollment.user,
        enrollment=learner_enrollment,
        lesson=lesson,
        block_id=block_id,
    )
    assert client.get(f"/ar/my/attempts/{attempt.pk}/").status_code == 404


def test_trainer_sees_attempts_and_question_statistics(
    client, course, run, bank, trainer, learner_enrollment
):
    lesson, block_id = quiz_lesson(course, bank)
    wrong = str(bank.single.choices.get(correct=False).pk)
    for user in (learner_enrollment.user, make_user("second@example.ly")):
        enrollment = services.enrollment_request(user=user, run=run)
        attempt = quizzes.attempt_start(
            user=user, enrollment=enrollment, lesson=lesson, block_id=block_id
        )
        quizzes.attempt_submit(attempt=attempt, data=Form({f"q{bank.single.pk}": wrong}))
    stats = quizzes.question_statistics(
        lesson=lesson, block_id=block_id, attempts=list(Attempt.objects.exclude(submitted_at=None))
    )
    single = next(s for s in stats if s["question"] == bank.single)
    assert single["share_correct"] == 0
    assert single["common_wrong"] == ("الوزارة وحدها", 2)
    client.force_login(trainer)
    html = client.get(f"/ar/my/teaching/runs/{run.pk}/quizzes/").content.decode()
    assert "الوزارة وحدها" in html
    assert "quizzer" in html
