"""Periodic site tasks run by Celery beat."""

from django.core.management import call_command

from celery import shared_task


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
)
def publish_scheduled(self) -> None:
    """Publish pages whose go-live time has come and unpublish expired ones.

    Wagtail's command is idempotent: a page already published is skipped, so a
    retried or duplicated run does no harm.
    """
    call_command("publish_scheduled", verbosity=0)
