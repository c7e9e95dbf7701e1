from .certificates import BadgeKey, Certificate, CertificateTemplate
from .enrolment import (
    CourseRun,
    Enrollment,
    EnrollmentInvitation,
    EnrollmentStatus,
    EnrolmentPolicy,
    LessonProgress,
    ProgressStatus,
    ReflectionAnswer,
    RunMode,
    RunSession,
)
from .h5p import H5PContent, H5PUserData, XAPIStatement
from .pages import (
    CourseCategory,
    CourseIndexPage,
    CourseLevel,
    CoursePage,
    CourseTeamMember,
    LessonPage,
    ModulePage,
    TeamRole,
)
from .quizzes import Attempt, Choice, Question, QuestionBank, QuestionKind
from .review import CourseLeadApprovalTask

__all__ = [
    "Attempt",
    "BadgeKey",
    "Certificate",
    "CertificateTemplate",
    "Choice",
    "CourseCategory",
    "CourseIndexPage",
    "CourseLeadApprovalTask",
    "CourseLevel",
    "CoursePage",
    "CourseRun",
    "CourseTeamMember",
    "Enrollment",
    "EnrollmentInvitation",
    "EnrollmentStatus",
    "EnrolmentPolicy",
    "H5PContent",
    "H5PUserData",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "ProgressStatus",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "ReflectionAnswer",
    "RunMode",
    "RunSession",
    "TeamRole",
    "XAPIStatement",
]
