"""Test settings: the same configuration, made fast and deterministic."""

import os

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CACHES, REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
# FRAGMENT_CACHE_ENABLED keeps production's default (every cache on), so the page tests
# exercise what production serves; FRAGMENT_CACHE_ENABLED=false runs them uncached.
WAGTAILADMIN_BASE_URL = "http://testserver"
# Django's test client sends `Host: testserver`; only the tests accept it.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
if REDIS_URL:
    # Each test run gets its own key space on the shared Redis, deleted by prefix between
    # tests (tests/conftest.py), never by flushing the database.
    CACHES["default"]["KEY_PREFIX"] = f"cdv-test-{os.getpid()}"
