"""Who gets what from every URL of the site: a matrix of URL × role, read from the URLconf.

Each of the project's URL patterns, page types and page sub-routes has a row here with the
status each role must get on a GET. A new pattern without a row fails
``test_every_project_url_has_a_row``. State-changing endpoints are checked with GET too (they
answer 405, or show their form); POST without a token is refused by test_csrf.py.
"""

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.utils import timezone

from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest

from cms.roles import EDITORS, MODERATORS
from community import services as community_services
from community.models import JoinPolicy, PlatformIndexPage, PlatformPage, Role, Visibility
from community.notifications import unsubscribe_token
from courses import quizzes
from courses import services as course_services
from courses.certificates.services import certificate_issue
from courses.h5p.services import h5p_import_path
from courses.models import (
    Choice,
    CourseIndexPage,
    CoursePage,
    CourseTeamMember,
    LessonPage,
    ModulePage,
    Question,
    QuestionBank,
    TeamRole,
)
from courses.team import course_team_sync

from ..community.conftest import add_member
from ..courses.conftest import make_user
from .urlwalk import in_project, routes

SHARED_H5P = Path(__file__).resolve().parents[3] / "shared" / "h5p" / "valid"
ROLES = (
    "anonymous",
    "trainee",
    "trainer",
    "other_trainer",
    "editor",
    "moderator",
    "member",
    "non_member",
    "admin",
)


@pytest.fixture(autouse=True)
def _media_root():
    """The world's files (H5P, certificate PDF) are written once for the whole module: keep
    the test settings' media folder instead of a new one per test."""


@dataclass
class World:
    users: dict
    course: CoursePage
    other_course: CoursePage
    run: object
    enrollment: object
    lesson: LessonPage
    h5p_lesson: LessonPage
    quiz_lesson: LessonPage
    quiz_block: str
    attempt: object
    h5p: object
    certificate: object
    platform: PlatformPage
    topic: object
    reply: object
    attachment: object
    resource: object
    clients: dict


def _course(catalogue, slug, lead):
    course = catalogue.add_child(
        instance=CoursePage(title=f"دورة {slug}", slug=slug, summary="ملخص")
    )
    CourseTeamMember.objects.create(course=course, user=lead, role=TeamRole.LEAD)
    course.save_revision().publish()
    course_team_sync(course=course)
    return course


def _lesson(module, slug, *blocks):
    lesson = module.add_child(
        instance=LessonPage(
            title=f"الدرس {slug}",
            slug=slug,
            body=[("paragraph", RichText("<p>نص الدرس</p>")), *blocks],
        )
    )
    lesson.save_revision().publish()
    return lesson


def _build() -> World:
    users = {
        "anonymous": None,
        "trainee": make_user("trainee@example.ly"),
        "trainer": make_user("trainer@example.ly"),
        "other_trainer": make_user("other-trainer@example.ly"),
        "editor": make_user("editor@example.ly"),
        "moderator": make_user("moderator@example.ly"),
        "member": make_user("member@example.ps"),
        "non_member": make_user("outsider@example.ps"),
        "admin": make_user("root@example.ly", is_superuser=True, is_staff=True),
    }
    users["editor"].groups.add(Group.objects.get(name=EDITORS))
    users["moderator"].groups.add(Group.objects.get(name=MODERATORS))

    catalogue = CourseIndexPage.objects.get(locale=Locale.objects.get(language_code="ar"))
    course = _course(catalogue, "matrix-course", users["trainer"])
    other_course = _course(catalogue, "other-matrix-course", users["other_trainer"])
    module = course.add_child(instance=ModulePage(title="الوحدة", slug="unit"))
    module.save_revision().publish()
    lesson = _lesson(module, "reading", ("reflection", {"prompt": "ما رأيك؟", "guidance": ""}))
    h5p = h5p_import_path(
        path=SHARED_H5P / "H5P.TrueFalse-small.h5p", title="صح أم خطأ", user=users["trainer"]
    )
    h5p_lesson = _lesson(module, "interactive", ("h5p", {"content": h5p}))
    bank = QuestionBank.objects.create(title="بنك", course=course)
    question = Question(bank=bank, kind="true_false", text="التخطيط يشمل المواطنين.")
    question.choices.add(Choice(sort_order=0, text="صح", correct=True))
    question.choices.add(Choice(sort_order=1, text="خطأ"))
    question.save()
    quiz = {
        "bank": bank,
        "title": "اختبار",
        "questions": 0,
        "shuffle": False,
        "pass_mark": 60,
        "attempts": 0,
        "time_limit": 0,
        "review": "after_each",
    }
    quiz_lesson = _lesson(module, "quiz", ("quiz", quiz))
    quiz_block = quiz_lesson.body[1].id

    run = course.runs.create(
        title="الدفعة الأولى",
        enrolment_policy="open",
        enrolment_opens=timezone.now() - timezone.timedelta(days=1),
        enrolment_closes=timezone.now() + timezone.timedelta(days=30),
    )
    run.trainers.add(users["trainer"])
    other_course.runs.create(title="دفعة أخرى", enrolment_policy="open")
    enrollment = course_services.enrollment_request(user=users["trainee"], run=run)
    attempt = quizzes.attempt_start(
        user=users["trainee"], enrollment=enrollment, lesson=quiz_lesson, block_id=quiz_block
    )
    certificate = certificate_issue(
        user=users["trainee"], run=run, enrollment=enrollment, issued_by=users["trainer"]
    )

    index = PlatformIndexPage.objects.get(locale__language_code="ar")
    platform = index.add_child(
        instance=PlatformPage(
            title="منصة المصفوفة",
            slug="matrix-platform",
            purpose="تبادل الخبرات",
            visibility=Visibility.MEMBERS,
            join_policy=JoinPolicy.REQUEST,
        )
    )
    platform.save_revision().publish()
    add_member(platform, users["member"])
    coordinator = make_user("coordinator@example.ps")
    add_member(platform, coordinator, role=Role.COORDINATOR)
    topic = community_services.topic_create(
        platform=platform, author=users["member"], title="دليل المشاريع", body="ما رأيكم؟"
    )
    reply = community_services.post_reply(
        topic=topic,
        author=coordinator,
        body="ملاحظاتي مرفقة.",
        files=[SimpleUploadedFile("ملاحظات.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    resource = _resource(platform, coordinator)
    community_services.membership_invite(
        platform=platform, email="newcomer@example.ps", by=coordinator
    )

    clients = {}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=False)
        if user is not None:
            clients[role].force_login(user)
    return World(
        users=users,
        course=course,
        other_course=other_course,
        run=run,
        enrollment=enrollment,
        lesson=lesson,
        h5p_lesson=h5p_lesson,
        quiz_lesson=quiz_lesson,
        quiz_block=quiz_block,
        attempt=attempt,
        h5p=h5p,
        certificate=certificate,
        platform=platform,
        topic=topic,
        reply=reply,
        attachment=reply.attachments.get(),
        resource=resource,
        clients=clients,
    )


def _resource(platform, coordinator):
    from community import attachments
    from community.models import Resource

    upload = SimpleUploadedFile("دليل.pdf", b"%PDF-1.4\n%%EOF\n")
    return Resource.objects.create(
        platform=platform,
        title="دليل التخطيط",
        kind="guide",
        file=attachments.store(upload),
        file_name=upload.name,
        file_size=upload.size,
        published=True,
        created_by=coordinator,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at its end;
    each test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _platform_url(world, name="home", *args):
    platform = world.platform
    return platform.url + platform.reverse_subpage(name, args=args)


def _first_live(model):
    return model.objects.live().filter(locale__language_code="ar").first()


def _snippet_url(model_label, action="list", obj=None):
    from django.apps import apps
    from django.urls import reverse

    viewset = apps.get_model(model_label).snippet_viewset
    args = [obj.pk] if obj is not None else []
    return reverse(viewset.get_url_name(action), args=args)


def _snippets(model_label):
    return lambda w: _snippet_url(model_label)


def _snippet_object(model_label, action, find):
    return lambda w: _snippet_url(model_label, action, find(w))


def _cms_page(name):
    def url(world):
        from wagtail.models import get_page_models

        model = next(m for m in get_page_models() if m.__name__ == name)
        return _first_live(model).url

    return url


# What a GET answers. Besides status codes:
LOGIN = "login"  # 302 to the site's sign-in page
ADMIN_LOGIN = "admin login"  # 302 to the admin's sign-in page (no admin access)
ADMIN_DENIED = "admin denied"  # 302 to the admin dashboard: "you do not have permission"
REDIRECT = "redirect"  # 302 anywhere else


def roles(default, **by_role) -> dict:
    assert set(by_role) <= set(ROLES), set(by_role) - set(ROLES)
    return {role: by_role.get(role, default) for role in ROLES}


PUBLIC = roles(200)
SIGNED_IN = roles(200, anonymous=LOGIN)
# login_required + require_POST: visitors are sent to sign in, a GET is refused.
POST_SIGNED_IN = roles(405, anonymous=LOGIN)
POST_ONLY = roles(405)
TEACHERS = roles(403, anonymous=LOGIN, trainer=200, admin=200)
LEARNERS = roles(403, anonymous=LOGIN, trainee=200, trainer=200, admin=200)
OWNER = roles(404, anonymous=LOGIN, trainee=200, admin=200)
# A members-only platform answers 404 to anyone who may not read it.
MEMBERS = roles(404, member=200, admin=200)
COORDINATORS = roles(404, admin=200)
_NO_ADMIN = dict.fromkeys(("anonymous", "trainee", "member", "non_member"), ADMIN_LOGIN)
ADMINS = roles(ADMIN_DENIED, **_NO_ADMIN, admin=200)
EDITORIAL = roles(ADMIN_DENIED, **_NO_ADMIN, editor=200, moderator=200, admin=200)
ANY_TRAINER = roles(ADMIN_DENIED, **_NO_ADMIN, trainer=200, other_trainer=200, admin=200)
COURSE_TEAM = roles(ADMIN_DENIED, **_NO_ADMIN, trainer=200, admin=200)


def _platform(name="home", *args):
    return lambda w: _platform_url(w, name, *args)


def _unsubscribe_token(w):
    member = w.users["member"]
    return unsubscribe_token(user_id=member.pk, topic_id=w.topic.pk, platform_id=w.platform.pk)


def _bank(w):
    return w.quiz_lesson.body[1].value["bank"]


# key: the URL's name ("courses:run"), the page type ("NewsPage") or page type and route
# ("PlatformPage.topic"), or "snippet:<model>" for the project's admin. Value: how to build
# the URL from the world, and what each role gets.
ROWS = {
    # --- The project's URLconf --------------------------------------------------------
    "healthz": (lambda w: "/healthz", PUBLIC),
    "training_report": (lambda w: "/admin/reports/training/", ADMINS),
    "h5p:xapi": (lambda w: f"/h5p/{w.h5p.pk}/xapi/?lesson={w.h5p_lesson.pk}", POST_SIGNED_IN),
    "h5p:state": (lambda w: f"/h5p/{w.h5p.pk}/state/?lesson={w.h5p_lesson.pk}", LEARNERS),
    # Files of an activity: 404 to visitors, 403 to people outside the course.
    "h5p:file": (
        lambda w: f"/h5p/{w.h5p.pk}/content/content.json",
        roles(403, anonymous=404, trainee=200, trainer=200, admin=200),
    ),
    "verify_form": (lambda w: "/verify/", PUBLIC),
    "verify_credential": (lambda w: "/verify/credential/", PUBLIC),
    "badge_issuer": (lambda w: "/badges/issuer", PUBLIC),
    "badge_jwks": (lambda w: "/badges/jwks.json", PUBLIC),
    "badge_status_list": (lambda w: "/badges/status/1", PUBLIC),
    "verify": (lambda w: f"/verify/{w.certificate.code}/", PUBLIC),
    "robots_txt": (lambda w: "/robots.txt", PUBLIC),
    "sitemap": (lambda w: "/sitemap.xml", PUBLIC),
    "accounts:profile": (lambda w: "/ar/accounts/profile/", SIGNED_IN),
    # allauth's confirmation page (rate-limited per address): an unknown key is explained.
    "accounts:confirm_email": (lambda w: "/ar/accounts/confirm-email/unknown-key/", PUBLIC),
    "search": (lambda w: "/ar/search/?q=دليل", PUBLIC),
    "municipality_list": (lambda w: "/ar/municipalities/", PUBLIC),
    "municipality_detail": (lambda w: "/ar/municipalities/tripoli/", PUBLIC),
    "courses:dashboard": (lambda w: "/ar/my/", SIGNED_IN),
    "courses:enrol": (lambda w: f"/ar/my/runs/{w.run.pk}/enrol/", POST_SIGNED_IN),
    "courses:withdraw": (
        lambda w: f"/ar/my/enrolments/{w.enrollment.pk}/withdraw/",
        POST_SIGNED_IN,
    ),
    "courses:complete_lesson": (lambda w: f"/ar/my/lessons/{w.lesson.pk}/done/", POST_SIGNED_IN),
    "courses:save_reflection": (
        lambda w: f"/ar/my/lessons/{w.lesson.pk}/reflection/",
        POST_SIGNED_IN,
    ),
    "courses:quiz_start": (
        lambda w: f"/ar/my/lessons/{w.quiz_lesson.pk}/quiz/{w.quiz_block}/start/",
        POST_SIGNED_IN,
    ),
    # A quiz attempt is its learner's alone (trainers read the run's quiz report).
    "courses:attempt": (
        lambda w: f"/ar/my/attempts/{w.attempt.pk}/",
        roles(404, anonymous=LOGIN, trainee=200),
    ),
    "courses:certificate_pdf": (
        lambda w: f"/ar/my/certificates/{w.certificate.code}.pdf",
        OWNER,
    ),
    "courses:certificate_credential": (
        lambda w: f"/ar/my/certificates/{w.certificate.code}.jwt",
        OWNER,
    ),
    # Everyone signed in has a (possibly empty) list of the runs they teach.
    "courses:teaching": (lambda w: "/ar/my/teaching/", SIGNED_IN),
    "courses:quiz_report": (lambda w: f"/ar/my/teaching/runs/{w.run.pk}/quizzes/", TEACHERS),
    "courses:run": (lambda w: f"/ar/my/teaching/runs/{w.run.pk}/", TEACHERS),
    "courses:issue_certificate": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/enrolments/{w.enrollment.pk}/certificate/",
        POST_SIGNED_IN,
    ),
    "courses:decide": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/enrolments/{w.enrollment.pk}/approve/",
        POST_SIGNED_IN,
    ),
    "courses:bulk_enrol": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/enrol-csv/",
        POST_SIGNED_IN,
    ),
    "courses:remind": (lambda w: f"/ar/my/teaching/runs/{w.run.pk}/remind/", POST_SIGNED_IN),
    "courses:export": (lambda w: f"/ar/my/teaching/runs/{w.run.pk}/export.csv", TEACHERS),
    "courses:reflections": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/reflections/",
        TEACHERS,
    ),
    "courses:revoke_certificate": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/certificates/{w.certificate.code}/revoke/",
        POST_SIGNED_IN,
    ),
    "courses:reissue_certificate": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/certificates/{w.certificate.code}/reissue/",
        POST_SIGNED_IN,
    ),
    "courses:attendance_certificates": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/attendance/",
        POST_SIGNED_IN,
    ),
    "courses:missing_certificates": (
        lambda w: f"/ar/my/teaching/runs/{w.run.pk}/certificates/missing/",
        POST_SIGNED_IN,
    ),
    "community:notifications": (lambda w: "/ar/community/notifications/", SIGNED_IN),
    "community:subscription": (lambda w: "/ar/community/subscription/", POST_SIGNED_IN),
    # The signed token is the authority (one-click unsubscribe from an e-mail): GET asks.
    "community:unsubscribe": (
        lambda w: f"/ar/community/unsubscribe/{_unsubscribe_token(w)}/",
        PUBLIC,
    ),
    # --- Page types, served by Wagtail's catch-all ----------------------------------------
    "HomePage": (lambda w: "/ar/", PUBLIC),
    "NewsIndexPage.index_route": (_cms_page("NewsIndexPage"), PUBLIC),
    "NewsIndexPage.rss": (lambda w: _cms_page("NewsIndexPage")(w) + "feed/", PUBLIC),
    "NewsIndexPage.atom": (lambda w: _cms_page("NewsIndexPage")(w) + "feed/atom/", PUBLIC),
    "NewsPage": (_cms_page("NewsPage"), PUBLIC),
    "EventIndexPage": (_cms_page("EventIndexPage"), PUBLIC),
    "EventPage.event": (_cms_page("EventPage"), PUBLIC),
    "EventPage.ics": (lambda w: _cms_page("EventPage")(w) + "ics/", PUBLIC),
    "ProgrammeIndexPage": (_cms_page("ProgrammeIndexPage"), PUBLIC),
    "ProgrammePage": (_cms_page("ProgrammePage"), PUBLIC),
    "StandardPage": (_cms_page("StandardPage"), PUBLIC),
    "FormPage": (_cms_page("FormPage"), PUBLIC),
    "CourseIndexPage": (lambda w: "/ar/courses/", PUBLIC),
    "CoursePage": (lambda w: w.course.url, PUBLIC),
    # A module has no page of its own: it sends readers to its course's outline.
    "ModulePage": (lambda w: w.lesson.get_parent().url, roles(REDIRECT)),
    "LessonPage": (lambda w: w.lesson.url, LEARNERS),
    "LessonPage with H5P": (lambda w: w.h5p_lesson.url, LEARNERS),
    "LessonPage with a quiz": (lambda w: w.quiz_lesson.url, LEARNERS),
    "PlatformIndexPage": (lambda w: "/ar/platforms/", PUBLIC),
    # A members-only platform shows its purpose to all, its forum to members.
    "PlatformPage.home": (_platform(), PUBLIC),
    "PlatformPage.join": (_platform("join"), POST_ONLY),
    "PlatformPage.leave": (_platform("leave"), POST_ONLY),
    "PlatformPage.members": (_platform("members"), MEMBERS),
    "PlatformPage.manage": (_platform("manage"), COORDINATORS),
    "PlatformPage.manage_member": (
        lambda w: _platform_url(
            w, "manage_member", w.platform.memberships.get(user=w.users["member"]).pk, "ban"
        ),
        POST_ONLY,
    ),
    "PlatformPage.withdraw_invitation": (
        lambda w: _platform_url(w, "withdraw_invitation", w.platform.address_invitations.get().pk),
        POST_ONLY,
    ),
    "PlatformPage.new_topic": (_platform("new_topic"), MEMBERS),
    "PlatformPage.topic": (lambda w: _platform_url(w, "topic", w.topic.pk), MEMBERS),
    # A post's lasting address sends its readers on to the topic page that shows it.
    "PlatformPage.post": (
        lambda w: _platform_url(w, "post", w.reply.pk),
        roles(404, member=REDIRECT, admin=REDIRECT),
    ),
    "PlatformPage.topic_action": (
        lambda w: _platform_url(w, "topic_action", w.topic.pk, "pin"),
        POST_ONLY,
    ),
    # The reply is the coordinator's: a member may read it, not edit it.
    "PlatformPage.edit_post": (
        lambda w: _platform_url(w, "edit_post", w.reply.pk),
        roles(404, member=403, admin=200),
    ),
    "PlatformPage.post_action": (
        lambda w: _platform_url(w, "post_action", w.reply.pk, "hide"),
        POST_ONLY,
    ),
    "PlatformPage.attachment": (
        lambda w: _platform_url(w, "attachment", w.attachment.pk),
        MEMBERS,
    ),
    "PlatformPage.resource_list": (_platform("resource_list"), MEMBERS),
    "PlatformPage.new_resource": (_platform("new_resource"), COORDINATORS),
    "PlatformPage.edit_resource": (
        lambda w: _platform_url(w, "edit_resource", w.resource.pk),
        COORDINATORS,
    ),
    "PlatformPage.resource_file": (
        lambda w: _platform_url(w, "resource_file", w.resource.pk),
        MEMBERS,
    ),
    "PlatformPage.queue": (_platform("queue"), COORDINATORS),
    # --- The project's admin: snippets, and the pages of one course's team ------------------
    "snippet:municipalities.municipality": (_snippets("municipalities.municipality"), EDITORIAL),
    "snippet:partners.partner": (_snippets("partners.partner"), EDITORIAL),
    "snippet:courses.coursecategory": (_snippets("courses.coursecategory"), ADMINS),
    "snippet:courses.certificatetemplate": (_snippets("courses.certificatetemplate"), ADMINS),
    "snippet:courses.certificate": (_snippets("courses.certificate"), ADMINS),
    "snippet-edit certificate": (
        lambda w: _snippet_url("courses.certificate", "edit", w.certificate),
        ADMINS,
    ),
    # Every trainer lists runs, question banks and questions, each only their own courses';
    # another course's run, bank or question is refused (CourseTeamViewSet).
    "snippet:courses.courserun": (_snippets("courses.courserun"), ANY_TRAINER),
    "snippet:courses.questionbank": (_snippets("courses.questionbank"), ANY_TRAINER),
    "snippet:courses.question": (_snippets("courses.question"), ANY_TRAINER),
    **{
        f"wagtailsnippets_courses_{model}:{action}": (
            _snippet_object(f"courses.{model}", action, find),
            # Trainers may add and change, not delete.
            ADMINS if action == "delete" else COURSE_TEAM,
        )
        for model, find in (
            ("courserun", lambda w: w.run),
            ("questionbank", _bank),
            ("question", lambda w: _bank(w).questions.get()),
        )
        for action in ("edit", "copy", "delete", "history", "history_results", "usage")
    },
    # H5P activities are a library every trainer draws on for their lessons; the trainer
    # who uploaded one changes it (H5PPermissionPolicy), trainers have no "delete".
    "snippet:courses.h5pcontent": (_snippets("courses.h5pcontent"), ANY_TRAINER),
    "wagtailsnippets_courses_h5pcontent:edit": (
        lambda w: _snippet_url("courses.h5pcontent", "edit", w.h5p),
        COURSE_TEAM,
    ),
    "wagtailsnippets_courses_h5pcontent:delete": (
        lambda w: _snippet_url("courses.h5pcontent", "delete", w.h5p),
        ADMINS,
    ),
    # Editors and moderators hold "change" on the whole page tree; trainers on their course.
    "admin page edit CoursePage": (
        lambda w: f"/admin/pages/{w.course.pk}/edit/",
        roles(ADMIN_DENIED, **_NO_ADMIN, trainer=200, editor=200, moderator=200, admin=200),
    ),
    "admin page edit LessonPage": (
        lambda w: f"/admin/pages/{w.lesson.pk}/edit/",
        roles(ADMIN_DENIED, **_NO_ADMIN, trainer=200, editor=200, moderator=200, admin=200),
    ),
}


def _outcome(response):
    if response.status_code not in (301, 302):
        return response.status_code
    location = response["Location"]
    if location.startswith("/admin/login/"):
        return ADMIN_LOGIN
    if location == "/admin/":
        return ADMIN_DENIED
    if "/accounts/login/" in location:
        return LOGIN
    return REDIRECT


@pytest.mark.parametrize("key", list(ROWS))
def test_each_role_gets_what_the_matrix_says(world, db, key):
    url, expected = ROWS[key]
    path = url(world)
    mismatches = [
        f"  {role}: expected {expected[role]}, got {got}"
        for role in ROLES
        if (got := _outcome(world.clients[role].get(path))) != expected[role]
    ]
    assert not mismatches, f"GET {path}\n" + "\n".join(mismatches)


def _required_rows() -> dict[str, str]:
    """Row key → what needs it: the project's URL patterns, page types, page routes and
    admin snippets."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import get_page_models
    from wagtail.snippets.models import get_snippet_models

    required = {route.name: f"URL pattern {route.route}" for route in routes() if route.is_project}
    for model in get_page_models():
        if not in_project(model.__module__):
            continue
        if not issubclass(model, RoutablePageMixin):
            required[model.__name__] = f"page type {model.__name__}"
            continue
        seen = set()
        for pattern in model.get_subpage_urls():
            if str(pattern.pattern) in seen:
                continue  # an earlier route of the same path answers it
            seen.add(str(pattern.pattern))
            required[f"{model.__name__}.{pattern.name}"] = (
                f"route {pattern.name!r} ({pattern.pattern}) of page type {model.__name__}"
            )
    for model in get_snippet_models():
        if in_project(model.__module__):
            required[f"snippet:{model._meta.label_lower}"] = f"admin snippet {model.__name__}"
    return required


def test_every_project_url_has_a_row():
    missing = {key: what for key, what in _required_rows().items() if key not in ROWS}
    assert not missing, "No row in ROWS for:\n" + "\n".join(
        f"  {key!r}: {what}" for key, what in sorted(missing.items())
    )


# --- Group rows: URLs of Wagtail's admin and of django-allauth -------------------------------

# Admin URLs that anyone may open: sign-in, password reset, the icon sprite and translations.
ADMIN_PUBLIC = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
# Not visited: a GET to the admin's logout drops the session cookie (Wagtail answers 405 but
# deletes the cookie), and "failwhale" is Wagtail's deliberate error page for staff.
ADMIN_SKIPPED = {"wagtailadmin_logout", "wagtailadmin_error_test"}


def _without_parameters(prefix: str):
    for route in routes():
        if route.route.startswith(prefix) and not any(c in route.route for c in "<(^"):
            yield route


def test_the_admin_sends_people_without_admin_access_to_its_sign_in(world, db):
    """Every parameter-free /admin/ URL: visitors and trainees (no admin access) are sent to
    the admin's sign-in page; an administrator never meets a server error."""
    wrong = []
    for route in _without_parameters("admin/"):
        if route.name in ADMIN_SKIPPED:
            continue
        path = "/" + route.route
        for role in ("anonymous", "trainee"):
            got = _outcome(world.clients[role].get(path))
            expected = 200 if route.name in ADMIN_PUBLIC else ADMIN_LOGIN
            if got != expected:
                wrong.append(f"{role} GET {path}: expected {expected}, got {got}")
        status = world.clients["admin"].get(path).status_code
        if status >= 500:
            wrong.append(f"admin GET {path}: {status}")
    assert not wrong, "\n".join(wrong)


# allauth's pages for a visitor: a form (200) or the sign-in page; for someone signed in:
# the page or a redirect (to the profile, from the sign-in and sign-up pages).
ACCOUNT_VISITOR_PAGES = {
    "account_login",
    "account_signup",
    "account_inactive",
    "account_email_verification_sent",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_logout",  # asks to confirm; a visitor is sent home
}


def test_account_pages_answer_each_role_without_error(world, db):
    wrong = []
    for route in _without_parameters("ar/accounts/"):
        path = "/" + route.route
        for role in ("anonymous", "trainee"):
            got = _outcome(world.clients[role].get(path))
            if role == "anonymous":
                expected = {200, REDIRECT} if route.name in ACCOUNT_VISITOR_PAGES else {LOGIN}
            else:
                expected = {200, REDIRECT}
            if got not in expected:
                wrong.append(f"{role} GET {path}: expected one of {expected}, got {got}")
    assert not wrong, "\n".join(wrong)


# One-click unsubscribe (RFC 8058) posts from mail clients: its signed token is the authority.
CSRF_EXEMPT_ROWS = {"community:unsubscribe"}


@pytest.mark.parametrize("key", [key for key in ROWS if key not in CSRF_EXEMPT_ROWS])
def test_a_post_without_the_csrf_token_is_refused_at_every_url(world, db, key):
    """Every URL of the matrix, posted to by the administrator (who may do everything)
    without the token: refused before any view runs, so nothing is written."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["admin"])
    path = ROWS[key][0](world)
    response = client.post(path, {"body": "رد بلا رمز", "title": "عنوان", "action": "x"})
    assert response.status_code == 403, f"POST {path} answered {response.status_code}"
