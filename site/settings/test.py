"""Test settings: the same configuration, made fast and deterministic."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CACHES, REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
# Tests measure uncached rendering; the caching tests switch it on explicitly.
FRAGMENT_CACHE_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Django's test client sends `Host: testserver`; only the tests accept it.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
if REDIS_URL:
    # Each test run gets its own key space on the shared Redis.
    CACHES["default"]["KEY_PREFIX"] = "cdv-test"
