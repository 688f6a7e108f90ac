"""The Celery application: a worker on a broker in production, eager when none is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.dev")

app = Celery("coeurdeville")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
