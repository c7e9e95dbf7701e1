from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Catalogue, runs, enrolment, progress, H5P, quizzes and certificates."""

    name = "courses"
    verbose_name = _("Courses")
