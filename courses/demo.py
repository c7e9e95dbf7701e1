"""Demo courses: the catalogue, three Arabic courses with open runs, and learners at
various stages. Idempotent, like every demo loader."""

import os
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.demo import child, paragraphs, translation
from cms.home.models import HomePage
from cms.municipalities.models import Municipality

from . import demo_content as content
from . import services
from .h5p.services import h5p_import_path
from .models import (
    Choice,
    CourseCategory,
    CourseIndexPage,
    CoursePage,
    CourseRun,
    CourseTeamMember,
    EnrolmentPolicy,
    H5PContent,
    LessonPage,
    ModulePage,
    Question,
    QuestionBank,
    RunMode,
    RunSession,
    TeamRole,
)
from .team import course_team_sync, trainers_group_setup

CATALOGUE = {
    "title": {"ar": "الدورات التدريبية", "en": "Courses", "fr": "Formations"},
    "intro": {
        "ar": "دورات إلكترونية ومدمجة لموظفي البلديات وأعضاء المجالس البلدية والمدربين.",
        "en": "Online and blended courses for municipal staff, councillors and trainers.",
        "fr": "Formations en ligne et hybrides pour le personnel municipal, les élus et les "
        "formateurs.",
    },
}
CATEGORY_NAMES = {
    "local-governance": {"en": "Local governance", "fr": "Gouvernance locale"},
    "adult-education": {"en": "Adult education", "fr": "Éducation des adultes"},
    "community-participation": {"en": "Community participation", "fr": "Participation citoyenne"},
    "strategic-planning": {"en": "Strategic planning", "fr": "Planification stratégique"},
    "local-finance": {"en": "Local finance", "fr": "Finances locales"},
    "waste-management": {"en": "Waste management", "fr": "Gestion des déchets"},
    "digital-transformation": {"en": "Digital transformation", "fr": "Transformation numérique"},
}
TRAINERS = [
    ("trainer.huda@markaz.local", "هدى المصراتي", "Huda Al-Misrati", "tripoli"),
    ("trainer.sami@markaz.local", "سامي بن عمر", "Sami Ben Omar", "tunis"),
]
LEARNERS = [
    (
        "learner.amal@markaz.local",
        "أمل الزوي",
        "Amal Al-Zway",
        "gharyan",
        "female",
        "مسؤولة التخطيط",
    ),
    (
        "learner.khaled@markaz.local",
        "خالد التارقي",
        "Khaled Al-Targi",
        "traghen",
        "male",
        "مهندس بلدي",
    ),
    (
        "learner.mona@markaz.local",
        "منى الفيتوري",
        "Mona Al-Fitouri",
        "wadi-etba",
        "female",
        "مسؤولة العلاقات العامة",
    ),
    (
        "learner.yousef@markaz.local",
        "يوسف الغدامسي",
        "Yousef Al-Ghadamsi",
        "ghadames",
        "male",
        "رئيس قسم الخدمات",
    ),
    (
        "learner.salwa@markaz.local",
        "سلوى عبد الله",
        "Salwa Abdallah",
        "ramallah",
        "female",
        "مديرة مالية",
    ),
    (
        "learner.nabil@markaz.local",
        "نبيل الدرجي",
        "Nabil Al-Darji",
        "al-daraj",
        "male",
        "موظف مكتب خدمة المواطن",
    ),
]
RUNS = {
    "local-strategic-planning": {"mode": RunMode.SELF_PACED, "policy": EnrolmentPolicy.OPEN},
    "adult-education-for-trainers": {"mode": RunMode.BLENDED, "policy": EnrolmentPolicy.OPEN},
    "community-participation": {"mode": RunMode.SCHEDULED, "policy": EnrolmentPolicy.APPROVAL},
}


def _lesson_body(lesson: dict) -> list:
    body = [("paragraph", RichText(paragraphs(lesson["body"]["ar"])))]
    points = lesson.get("points", {}).get("ar") or []
    if points:
        items = "".join(f"<li>{escape(point)}</li>" for point in points)
        body.append(("heading", {"heading_text": "أبرز النقاط", "size": "h2"}))
        body.append(("paragraph", RichText(f"<ul>{items}</ul>")))
    prompt = lesson.get("reflection", {}).get("ar")
    if prompt:
        body.append(("reflection", {"prompt": prompt, "guidance": ""}))
    return body


def _users(rows, **extra):
    User = get_user_model()
    users = []
    for email, name_ar, name_latin, municipality, *rest in rows:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(
                email=email,
                name_ar=name_ar,
                name_latin=name_latin,
                municipality=Municipality.objects.filter(slug=municipality).first(),
                gender=rest[0] if rest else "",
                position=rest[1] if len(rest) > 1 else "مدرب",
                organisation_type="municipality",
                **extra,
            )
            user.set_unusable_password()  # demo people do not sign in
            user.save()
        users.append(user)
    return users


def ensure_catalogue(home: HomePage, locales) -> CourseIndexPage:
    catalogue = child(
        home,
        CourseIndexPage,
        "courses",
        title=CATALOGUE["title"]["ar"],
        intro=paragraphs([CATALOGUE["intro"]["ar"]]),
        show_in_menus=True,
    )
    for code in ("en", "fr"):
        translation(
            catalogue,
            locales[code],
            title=CATALOGUE["title"][code],
            intro=paragraphs([CATALOGUE["intro"][code]]),
        )
    for category in CourseCategory.objects.filter(locale=locales["ar"]):
        for code in ("en", "fr"):
            names = CATEGORY_NAMES.get(category.slug)
            if names and not category.has_translation(locales[code]):
                translated = category.copy_for_translation(locales[code])
                translated.name = names[code]
                translated.save()
    return catalogue


def ensure_course(catalogue, data, lead) -> CoursePage:
    course = CoursePage.objects.child_of(catalogue).filter(slug=data["key"]).first()
    if course is None:
        objectives = "".join(f"<li>{escape(item)}</li>" for item in data["objectives"]["ar"])
        course = CoursePage(
            slug=data["key"],
            locale=catalogue.locale,
            title=data["title"]["ar"],
            summary=data["summary"]["ar"],
            audience=data["audience"]["ar"],
            objectives=f"<ul>{objectives}</ul>",
            category=CourseCategory.objects.filter(
                slug=data["category"], locale=catalogue.locale
            ).first(),
            level=data["level"],
            course_language="ar",
            estimated_hours=data["hours"],
        )
        course.team.add(CourseTeamMember(user=lead, role=TeamRole.LEAD))
        catalogue.add_child(instance=course)
        course.save_revision().publish()
    for module_data in data["modules"]:
        module = child(
            course,
            ModulePage,
            module_data["key"],
            title=module_data["title"]["ar"],
            summary=module_data["summary"]["ar"],
        )
        for lesson in module_data["lessons"]:
            child(
                module,
                LessonPage,
                lesson["key"],
                title=lesson["title"]["ar"],
                required=lesson["required"],
                estimated_minutes=lesson["minutes"],
                body=_lesson_body(lesson),
            )
    course_team_sync(course=course)
    return course


H5P_DIR = Path(
    os.environ.get("MARKAZ_H5P_DEMO_DIR", settings.BASE_DIR.parent / "shared" / "h5p" / "valid")
)
H5P_ACTIVITIES = {
    "local-strategic-planning": ("H5P.TrueFalse-small.h5p", "صح أم خطأ: مبادئ التخطيط التشاركي"),
    "adult-education-for-trainers": ("H5P.MultiChoice.h5p", "اختيار من متعدد: كيف يتعلم الكبار"),
    "community-participation": ("H5P.SingleChoiceSet.h5p", "أسئلة سريعة: أدوات المشاركة"),
}


def ensure_h5p_lesson(course: CoursePage, key: str) -> bool:
    """An interactive lesson with a real H5P package, when the shared packages are at hand."""
    filename, title = H5P_ACTIVITIES[key]
    path = H5P_DIR / filename
    module = ModulePage.objects.child_of(course).order_by("path").first()
    if module is None or LessonPage.objects.child_of(module).filter(slug="activity").exists():
        return True
    if not path.is_file():
        return False
    content = H5PContent.objects.filter(title=title).first() or h5p_import_path(
        path=path, title=title
    )
    child(
        module,
        LessonPage,
        "activity",
        title=title,
        required=True,
        estimated_minutes=5,
        body=[
            ("paragraph", RichText("<p>اختبر فهمك لما سبق بهذا النشاط القصير.</p>")),
            ("h5p", {"content": content}),
        ],
    )
    return True


QUIZ = [
    (
        "single",
        "من يشارك في إعداد خطة التنمية المحلية التشاركية؟",
        [
            ("البلدية مع المواطنين والمجتمع المدني", {"correct": True}),
            ("الوزارة وحدها", {}),
            ("مكتب استشاري دون مشاركة", {}),
        ],
    ),
    (
        "true_false",
        "التشخيص المحلي يأتي بعد تحديد الأولويات.",
        [("صح", {}), ("خطأ", {"correct": True})],
    ),
    (
        "multiple",
        "أي مما يلي من أدوات المشاركة المجتمعية؟",
        [
            ("جلسات الاستماع العامة", {"correct": True}),
            ("الموازنة التشاركية", {"correct": True}),
            ("قرارات مغلقة دون تشاور", {}),
        ],
    ),
    (
        "short",
        "ما المرحلة الأولى في التخطيط الاستراتيجي المحلي؟",
        [("التشخيص", {"correct": True}), ("التشخيص المحلي", {"correct": True})],
    ),
    (
        "ordering",
        "رتّب مراحل الخطة من الأولى إلى الأخيرة.",
        [("التشخيص", {}), ("التخطيط", {}), ("التنفيذ", {}), ("المتابعة والتقييم", {})],
    ),
]


def ensure_quiz_lesson(course: CoursePage) -> None:
    """A server-graded quiz closing the first course, from its own question bank."""
    module = ModulePage.objects.child_of(course).order_by("-path").first()
    if module is None or LessonPage.objects.child_of(module).filter(slug="final-quiz").exists():
        return
    bank = QuestionBank.objects.create(title=f"بنك أسئلة: {course.title}", course=course)
    for kind, text, choices in QUIZ:
        question = Question(bank=bank, kind=kind, text=text)
        for order, (label, extra) in enumerate(choices):
            question.choices.add(Choice(sort_order=order, text=label, **extra))
        question.save()
    quiz = {
        "bank": bank,
        "title": "الاختبار الختامي",
        "questions": 0,
        "shuffle": True,
        "pass_mark": 60,
        "attempts": 3,
        "time_limit": 15,
        "review": "after_last",
    }
    child(
        module,
        LessonPage,
        "final-quiz",
        title="الاختبار الختامي",
        required=True,
        estimated_minutes=15,
        body=[("paragraph", RichText("<p>خمسة أسئلة تصححها المنصة.</p>")), ("quiz", quiz)],
    )


def ensure_run(course: CoursePage, key: str, trainers) -> CourseRun:
    run = CourseRun.objects.filter(course=course).first()
    if run is not None:
        return run
    now = timezone.now()
    settings = RUNS[key]
    run = CourseRun.objects.create(
        course=course,
        title="الدفعة الأولى 2027",
        mode=settings["mode"],
        enrolment_policy=settings["policy"],
        enrolment_opens=now - timedelta(days=30),
        enrolment_closes=now + timedelta(days=120),
        starts=now - timedelta(days=14),
        ends=now + timedelta(days=180),
        capacity=30,
    )
    run.trainers.set(trainers)
    if settings["mode"] == RunMode.BLENDED:
        RunSession.objects.create(
            run=run,
            title="جلسة حضورية: تصميم جلسة تدريبية",
            starts=now + timedelta(days=10, hours=9),
            ends=now + timedelta(days=10, hours=14),
            place="مركز تطوير البلديات، طرابلس",
        )
    return run


def ensure_learners(runs: dict[str, CourseRun], learners) -> None:
    """Learners at every stage: finished, halfway, just started, waiting for approval."""
    planning, adult, participation = (
        runs["local-strategic-planning"],
        runs["adult-education-for-trainers"],
        runs["community-participation"],
    )
    amal, khaled, mona, yousef, salwa, nabil = learners
    if planning.enrollments.exists():
        return
    lessons = list(planning.course.lessons())
    required = [lesson for lesson in lessons if lesson.required]
    for user, done in ((amal, len(required)), (khaled, len(required) // 2), (mona, 1)):
        enrollment = services.enrollment_request(user=user, run=planning)
        for lesson in required[:done]:
            services.lesson_progress_record(enrollment=enrollment, lesson=lesson)
    for user in (yousef, nabil, amal):
        services.enrollment_request(user=user, run=adult)
    for user in (salwa, nabil):
        services.enrollment_request(user=user, run=participation)


@transaction.atomic
def load(home: HomePage) -> tuple[list[str], list[CoursePage]]:
    locales = {code: Locale.objects.get(language_code=code) for code in ("ar", "en", "fr")}
    trainers_group_setup()
    catalogue = ensure_catalogue(home, locales)
    trainers_group_setup()  # now that the catalogue exists, trainers may add courses to it
    trainers = _users(TRAINERS)
    learners = _users(LEARNERS)
    runs, courses = {}, []
    for index, data in enumerate(content.COURSES):
        course = ensure_course(catalogue, data, trainers[index % len(trainers)])
        with_h5p = ensure_h5p_lesson(course, data["key"])
        if index == 0:
            ensure_quiz_lesson(course)
        courses.append(course)
        runs[data["key"]] = ensure_run(course, data["key"], trainers)
    ensure_learners(runs, learners)
    lines = [
        f"{len(runs)} courses with open runs, "
        f"{LessonPage.objects.count()} lessons, {len(learners)} demo learners",
        f"H5P activities: {H5PContent.objects.count()}"
        + ("" if with_h5p else f" (packages not found in {H5P_DIR})"),
    ]
    return lines, courses
