"""Periodic jobs of the CMS, run by Celery beat in production (CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="cms.core.tasks.publish_scheduled", ignore_result=True)
def publish_scheduled() -> None:
    """Apply the go-live and expiry dates that editors set: Wagtail's `publish_scheduled`."""
    call_command("publish_scheduled")
