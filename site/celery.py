"""The Celery application: a worker on a broker in production, eager when none is set."""

import os

from celery import Celery

# Like wsgi.py: the worker and beat run in production; `manage.py` (the embedded default)
# has set the dev settings before this module is imported.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeurdeville.settings.production")

app = Celery("coeurdeville")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
