"""The course tree: catalogue → course → module → lesson, and the taxonomy and teams."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import block_text
from cms.pages import (
    PAGE_TRANSLATABLE_FIELDS,
    IndexPage,
    SearchableMixin,
    localize_all,
    paginate,
    with_source_fallback,
)
from courses.blocks import LessonStreamBlock


class CourseCategory(TranslatableMixin, models.Model):
    """Taxonomy of courses, managed by editors as a translatable snippet."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=60)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("course category")
        verbose_name_plural = _("course categories")

    def __str__(self) -> str:
        return self.name


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class TeamRole(models.TextChoices):
    LEAD = "lead", _("Lead trainer")
    TRAINER = "trainer", _("Trainer")
    ASSISTANT = "assistant", _("Assistant")


class CourseIndexPage(IndexPage):
    """The catalogue: every published course, filterable."""

    subpage_types = ["courses.CoursePage"]
    per_page = 12

    class Meta:
        verbose_name = _("course catalogue")

    def courses(self):
        pages = CoursePage.objects.live().public()
        return (
            with_source_fallback(pages, self.locale)
            .select_related("category", "cover_image", "locale")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = self.courses()
        filters = {}
        if category := request.GET.get("category"):
            courses = courses.filter(category__slug=category)
            filters["category"] = category
        if level := request.GET.get("level"):
            courses = courses.filter(level=level)
            filters["level"] = level
        if language := request.GET.get("language"):
            courses = courses.filter(course_language=language)
            filters["language"] = language
        context["courses"] = paginate(request, courses, self.per_page)
        # Each card names its category in the reader's language: one query for the page.
        shown = [course for course in context["courses"] if course.category]
        for course, category in zip(
            shown, localize_all(course.category for course in shown), strict=True
        ):
            course.category_shown = category
        context["filters"] = filters
        context["categories"] = CourseCategory.objects.filter(locale=self.locale)
        context["levels"] = CourseLevel.choices
        context["languages"] = settings.LANGUAGES
        return context


class CoursePage(SearchableMixin, Page):
    summary = models.TextField(_("summary"), max_length=600)
    objectives = RichTextField(
        _("learning objectives"), features=["bold", "italic", "ol", "ul", "link"], blank=True
    )
    audience = models.TextField(_("audience"), blank=True, max_length=600)
    category = models.ForeignKey(
        CourseCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    level = models.CharField(
        _("level"), max_length=20, choices=CourseLevel.choices, default=CourseLevel.BEGINNER
    )
    course_language = models.CharField(
        _("language of instruction"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    estimated_hours = models.PositiveSmallIntegerField(
        _("estimated hours"), default=1, validators=[MinValueValidator(1)]
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    prerequisites = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("prerequisites")
    )
    sequential = models.BooleanField(
        _("sequential unlocking"),
        default=False,
        help_text=_("A lesson opens only when the previous required lesson is complete."),
    )
    certificate_template = models.ForeignKey(
        "courses.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the default template."),
    )
    min_score = models.PositiveSmallIntegerField(
        _("minimum score (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Besides completing every required lesson, the average score of graded "
            "activities must reach this. Leave empty for no minimum."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("objectives"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("course_language"), FieldPanel("estimated_hours")]),
                FieldPanel("prerequisites"),
            ],
            heading=_("Catalogue"),
        ),
        MultiFieldPanel(
            [FieldPanel("sequential"), FieldPanel("min_score"), FieldPanel("certificate_template")],
            heading=_("Completion"),
        ),
        InlinePanel("team", label=_("Course team"), heading=_("Course team")),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("objectives"),
        TranslatableField("audience"),
        TranslatableField("category"),
        SynchronizedField("level"),
        SynchronizedField("course_language"),
        SynchronizedField("estimated_hours"),
        SynchronizedField("cover_image"),
        SynchronizedField("prerequisites"),
        SynchronizedField("sequential"),
        SynchronizedField("min_score"),
        SynchronizedField("certificate_template"),
    ]
    search_fields = [*SearchableMixin.search_fields, index.FilterField("level")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def search_text_parts(self) -> list[str]:
        from django.utils.html import strip_tags

        return [
            *super().search_text_parts(),
            self.summary,
            strip_tags(self.objectives),
            self.audience,
        ]

    @property
    def lead(self) -> str:
        return self.summary

    @property
    def social_image(self):
        return self.cover_image

    def lessons(self):
        """Live lessons of this course in tree order (module by module)."""
        return LessonPage.objects.live().descendant_of(self).order_by("path")

    def modules(self):
        return ModulePage.objects.live().child_of(self).order_by("path")

    def serve(self, request, *args, **kwargs):
        from courses.views.pages import course_page

        return course_page(request, self)


class CourseTeamMember(Orderable):
    course = ParentalKey(CoursePage, related_name="team", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.CASCADE,
        related_name="course_teams",
    )
    role = models.CharField(_("role"), max_length=20, choices=TeamRole.choices)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="unique_course_team_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class ModulePage(Page):
    summary = models.TextField(_("summary"), blank=True, max_length=600)
    available_from = models.DateTimeField(
        _("available from"),
        null=True,
        blank=True,
        help_text=_("Lessons of this module open at this date. Leave empty to open at once."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("available_from")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        SynchronizedField("available_from"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def is_released(self) -> bool:
        return self.available_from is None or self.available_from <= timezone.now()

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        # A module has no page of its own: readers land on its course overview.
        return redirect(self.get_parent().url + f"#module-{self.pk}")


class LessonPage(Page):
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"), blank=True)
    required = models.BooleanField(
        _("required"), default=True, help_text=_("Required lessons count towards completion.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("required"), FieldPanel("estimated_minutes")]),
        FieldPanel("body"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("body"),
        SynchronizedField("required"),
        SynchronizedField("estimated_minutes"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body_text")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def body_text(self) -> str:
        return block_text(self.body)

    @property
    def course(self) -> CoursePage:
        return CoursePage.objects.ancestor_of(self).get()

    def serve(self, request, *args, **kwargs):
        from courses.views.pages import lesson_page

        return lesson_page(request, self)
