from django.urls import path

from .certificates import views as certificate_views
from .views import learner, quiz, teaching

app_name = "courses"

urlpatterns = [
    path("", learner.dashboard, name="dashboard"),
    path("runs/<int:run_id>/enrol/", learner.enrol, name="enrol"),
    path("enrolments/<int:enrollment_id>/withdraw/", learner.withdraw, name="withdraw"),
    path("lessons/<int:lesson_id>/done/", learner.complete_lesson, name="complete_lesson"),
    path("lessons/<int:lesson_id>/reflection/", learner.save_reflection, name="save_reflection"),
    path("lessons/<int:lesson_id>/quiz/<str:block_id>/start/", quiz.start, name="quiz_start"),
    path("attempts/<uuid:attempt_id>/", quiz.attempt, name="attempt"),
    path("certificates/<str:code>.pdf", certificate_views.download, name="certificate_pdf"),
    path(
        "certificates/<str:code>.jwt", certificate_views.credential, name="certificate_credential"
    ),
    path("teaching/", teaching.runs, name="teaching"),
    path("teaching/runs/<int:run_id>/quizzes/", teaching.quiz_report, name="quiz_report"),
    path("teaching/runs/<int:run_id>/", teaching.run_dashboard, name="run"),
    path(
        "teaching/runs/<int:run_id>/enrolments/<int:enrollment_id>/certificate/",
        teaching.issue_certificate,
        name="issue_certificate",
    ),
    path(
        "teaching/runs/<int:run_id>/enrolments/<int:enrollment_id>/<str:decision>/",
        teaching.decide,
        name="decide",
    ),
    path("teaching/runs/<int:run_id>/enrol-csv/", teaching.bulk_enrol, name="bulk_enrol"),
    path("teaching/runs/<int:run_id>/remind/", teaching.remind, name="remind"),
    path("teaching/runs/<int:run_id>/export.<str:fmt>", teaching.export, name="export"),
    path("teaching/runs/<int:run_id>/reflections/", teaching.reflections, name="reflections"),
    path(
        "teaching/runs/<int:run_id>/certificates/<str:code>/revoke/",
        teaching.revoke_certificate,
        name="revoke_certificate",
    ),
    path(
        "teaching/runs/<int:run_id>/certificates/<str:code>/reissue/",
        teaching.reissue_certificate,
        name="reissue_certificate",
    ),
    path(
        "teaching/runs/<int:run_id>/attendance/",
        teaching.attendance_certificates,
        name="attendance_certificates",
    ),
    path(
        "teaching/runs/<int:run_id>/certificates/missing/",
        teaching.missing_certificates,
        name="missing_certificates",
    ),
]
