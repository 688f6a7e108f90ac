"""Settings shared by every way of running the portal.

Everything comes from environment variables; when one is absent the embedded default
applies (SQLite, local-memory cache, eager Celery, e-mail written to files), so that
`make run` needs no other server.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BASE_DIR / "site"
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_rates(name: str) -> dict[str, tuple[int, int]]:
    """`scope=limit/seconds,...` → {scope: (limit, seconds)}."""
    rates = {}
    for item in env_list(name):
        scope, rate = item.split("=", 1)
        limit, seconds = rate.split("/", 1)
        rates[scope.strip()] = (int(limit), int(seconds))
    return rates


SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-dev-key-change-me-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "coeurdeville",
    "cms.core",
    "cms.programme",
    "cms.territories",
    "cms.home",
    "cms.resources",
    "cms.casestudies",
    "cms.news",
    "cms.measures",
    "community.accounts",
    "community.groups",
    "community.forum",
    "community.notifications",
    "newsletter",
    "community.directory",
    "allauth",
    "allauth.account",
    "search",
    "widget_tweaks",
    "dsfr",
    "anymail",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole public pages for anonymous readers, answered before the session, CSRF, auth and
    # the view run (coeurdeville.page_cache); the security headers above still apply.
    "coeurdeville.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "coeurdeville.security.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.core.routing.RouteCacheMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "coeurdeville.urls"
WSGI_APPLICATION = "coeurdeville.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "coeurdeville.context_processors.portal",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DB_PREPARED_STATEMENTS", True
):
    # Parameters bound by the server, each query prepared from its 5th run on a connection:
    # PostgreSQL then stops parsing and planning the same few queries on every request,
    # which cost more than running them. A pooler in transaction mode (PgBouncer < 1.21)
    # cannot keep prepared statements: DB_PREPARED_STATEMENTS=false there. Added to the
    # options DATABASE_URL gives (sslmode…), never in their place.
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": 5,
        **DATABASES["default"].get("OPTIONS", {}),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; the sync pragma is safe under WAL.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "coeurdeville.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cdv"),
        }
    }
    # Signed-in pages read their session from Redis; the database stays the record.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/comptes/connexion/"
LOGIN_REDIRECT_URL = "/comptes/"
AUTHENTICATION_BACKENDS = [
    # Django's backend behind a per-account and per-IP throttle of login attempts.
    "coeurdeville.login_throttling.ThrottledModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# django-allauth, account part only: the e-mail is the login, verified before first use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cœur de ville] "
# Demo accounts (member, referent, coordinator, moderator) with a known password: only the
# embedded default (settings.dev) turns them on; production never creates them.
DEMO_ACCOUNTS = False
ACCOUNT_SIGNUP_FORM_CLASS = "community.accounts.forms.SignupExtraForm"
ACCOUNT_FORMS = {"login": "community.accounts.forms.LoginForm"}
# allauth counts in the default cache (Redis in production), so limits hold across workers.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "10/m/ip",
    "reset_password": "10/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/180s/key",
}
WAGTAILUSERS_PASSWORD_ENABLED = True

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "/media/"
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# django-dsfr's SRI hashes do not survive a manifest storage rewriting url() in its CSS.
DSFR_USE_INTEGRITY_CHECKSUMS = False

WAGTAIL_SITE_NAME = "Cœur de ville"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# Gravatar is blocked by the CSP and unreachable offline: Wagtail's local default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Wagtail's front-end login and password forms, in the portal's DSFR layout.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "privacy/login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "privacy/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "privacy/password_required.html"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "csv", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif", "svg"]
# Uploaded SVGs are sanitised (cms.core.svg_sanitiser) by the form every upload path uses.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.image_forms.PortalImageForm"
# Documents only through Wagtail's view, which checks the privacy of their collection;
# public media never serves documents/ (coeurdeville.media).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mails"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Cœur de ville <ne-pas-repondre@coeurdeville.example>"
)

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "") or None
# Without a broker the jobs run in the request: the embedded default needs no other server.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# `celery -A coeurdeville beat` runs these; the worker executes them.
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {
        "task": "cms.core.tasks.publish_scheduled",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "refresh-directory-mandates-in-search": {
        "task": "community.directory.tasks.refresh_mandates_in_search",
        "schedule": crontab(hour=0, minute=10),
    },
}

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSP_ENABLED = env_bool("CSP_ENABLED", True)
# A proxy in front (nginx, a load balancer) is trusted for X-Forwarded-* only when declared.
TRUSTED_PROXY = env_bool("TRUSTED_PROXY", env_bool("BEHIND_PROXY", False))
if TRUSTED_PROXY:
    # Without a proxy, X-Forwarded-Proto comes from the client and must not be believed.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Shared rate limits (coeurdeville.ratelimit); RATELIMITS overrides (limit, period) per scope.
RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
# RATELIMITS="forum.post=600/60,forum.mention=600/60" raises or tightens scopes (benchmarks).
RATELIMITS: dict[str, tuple[int, int]] = env_rates("RATELIMITS")
# allauth's own limits (ACCOUNT_RATE_LIMITS) read the client address the same way.
ALLAUTH_TRUSTED_PROXY_COUNT = 1 if TRUSTED_PROXY else 0
# Cached page fragments keyed by the content version (cms.core.fragments).
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Newsletter (newsletter/sending.py): batch size per claim, seconds before a silent worker's
# rows count as uncertain, mails/s per worker (0: no limit), send tasks started per issue.
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "50"))
NEWSLETTER_CLAIM_LEASE = float(os.environ.get("NEWSLETTER_CLAIM_LEASE", "120"))
NEWSLETTER_MAX_RATE = float(os.environ.get("NEWSLETTER_MAX_RATE", "0"))
NEWSLETTER_SEND_WORKERS = int(os.environ.get("NEWSLETTER_SEND_WORKERS", "1"))
NEWSLETTER_SOFT_BOUNCE_LIMIT = int(os.environ.get("NEWSLETTER_SOFT_BOUNCE_LIMIT", "3"))
# The community's daily digest, once a day.
CELERY_BEAT_SCHEDULE["community-daily-digest"] = {
    "task": "community.notifications.tasks.send_daily_digest",
    "schedule": 24 * 60 * 60,
}
CELERY_BEAT_SCHEDULE["newsletter-dispatch"] = {
    "task": "newsletter.tasks.dispatch_due",
    "schedule": 60.0,
}
# Bounce and complaint webhooks (django-anymail): /anymail/<esp>/tracking/, HTTP basic auth.
ANYMAIL = {"WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", "")}
if not ANYMAIL["WEBHOOK_SECRET"]:
    del ANYMAIL["WEBHOOK_SECRET"]  # webhooks then refuse every call
