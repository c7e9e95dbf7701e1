from celery import shared_task

from courses.models import Enrollment, EnrollmentStatus

from .services import certificate_issue


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
    ignore_result=True,  # nobody waits for it: the certificate row is the result
)
def issue_certificate(enrollment_id: int) -> str | None:
    """Issue the certificate of a completed enrolment; safe to run twice."""
    enrollment = (
        Enrollment.objects.select_related("user", "run__course__certificate_template")
        .filter(pk=enrollment_id, status=EnrollmentStatus.COMPLETED)
        .first()
    )
    if enrollment is None:
        return None
    return certificate_issue(user=enrollment.user, run=enrollment.run, enrollment=enrollment).code
