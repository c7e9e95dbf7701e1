"""Settings shared by every runtime shape.

Production-safe by default (``DEBUG`` off); everything that differs between
machines comes from the environment. ``dev.py`` and ``test.py`` relax what
they need; ``production.py`` insists on the secrets.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "cms.accounts",
    "cms.municipalities",
    "cms.home",
    "cms.partners",
    "cms.programmes",
    "cms.news",
    "cms.events",
    "cms.standard",
    "courses",
    "community",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    # Serves anonymous page views from the shared cache before anything below runs.
    "cms.cache.PageCacheMiddleware",
    # WhiteNoise: fingerprinted files cached for a year, Brotli/gzip copies made at collectstatic.
    "cms.middleware.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Remembers each host's site and each path's page between publishes (cms/routing.py).
    "cms.routing.RoutingCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------
# SQLite file unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and (PREPARE_THRESHOLD := os.environ.get("DATABASE_PREPARE_THRESHOLD", "2")) != "off"
):
    # Parameters bound by the server, so that each connection prepares the queries it
    # has run this many times and PostgreSQL stops planning them afresh: planning was
    # most of the database's time on a signed-in page (a lesson's enrolment join took
    # 0.8 ms to plan and 0.2 ms to run). "off" for a pooler in transaction mode that
    # cannot keep prepared statements (PgBouncer before 1.21).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=int(PREPARE_THRESHOLD)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Two sites sharing one Redis (staging beside production, a benchmark's two
            # databases) must never read each other's pages, routes or outlines, which are
            # keyed by paths and a generation alike: the default prefix names the database.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX")
            or f"markaz-{DATABASES['default']['NAME']}",
            "TIMEOUT": 300,
        }
    }
    # Sessions live in the shared cache so any node serves any user.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Anonymous views of public pages are kept whole in the cache above, for this many
# seconds at most (any publish makes them stale at once, see cms/cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Which page a path leads to is kept as long, under the same rule (cms/routing.py).
ROUTE_CACHE_SECONDS = int(os.environ.get("ROUTE_CACHE_SECONDS", "600"))
# Page types whose anonymous views may be cached: none of them shows a form with a
# CSRF token or anything personal to a visitor who is not signed in.
PAGE_CACHE_PAGE_TYPES = [
    "home.HomePage",
    "news.NewsIndexPage",
    "news.NewsPage",
    "events.EventIndexPage",
    "events.EventPage",
    "programmes.ProgrammeIndexPage",
    "programmes.ProgrammePage",
    "standard.StandardPage",
    "courses.CourseIndexPage",
    "courses.CoursePage",
    "community.PlatformIndexPage",
]

# --- Accounts ---------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

ACCOUNT_ADAPTER = "cms.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "cms.accounts.forms.SignupExtraForm"
# allauth's rate limits live in the cache: with Redis they hold across nodes.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/key,20/m/ip",
    "signup": "20/h/ip",
    # Sending the confirmation mail again (at login, from the e-mail page), per address.
    "confirm_email": "1/3m/key",
    # Opening confirmation links, per IP (cms.accounts.views.confirm_email): no guessing keys.
    "confirm_email_key": "10/m/ip",
    # Adding, removing or re-sending from the e-mail addresses page.
    "manage_email": "10/m/user",
    # Reset mails: a few an hour to one address, so nobody can flood someone's inbox.
    "reset_password": "20/m/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""

# --- Internationalisation: Arabic first -------------------------------------
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", "العربية"),
    ("en", "English"),
    ("fr", "Français"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "markaz_language"
TIME_ZONE = os.environ.get("TIME_ZONE", "Africa/Tripoli")
USE_I18N = True
USE_TZ = True

# --- Static and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
# build/static holds files made from installed packages (fonts, npm players).
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail -------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Markaz <no-reply@markaz.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background work ----------------------------------------------------------
# With REDIS_URL: Redis is broker and result store. Without: tasks run eagerly
# in-process, which is what the embedded default and the SQLite tests use.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# Nothing reads a task's return value (each task's work is in the database), so workers
# write none: a load test had left some five thousand results in Redis for a day each.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Each worker process holds up to four messages, so the next task is at hand when one ends
# (with acks_late a message held by a worker that dies goes back to the queue). Tasks here
# take milliseconds to seconds; set 1 for a worker that runs long tasks.
CELERY_WORKER_PREFETCH_MULTIPLIER = int(os.environ.get("CELERY_WORKER_PREFETCH_MULTIPLIER", "4"))
# Keep each worker process's database connection for this many tasks (Celery closes it
# around every task otherwise, and a new PostgreSQL connection costs more than a query).
CELERY_DB_REUSE_MAX = int(os.environ.get("CELERY_DB_REUSE_MAX", "200"))
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With acks_late a task's message stays on Redis, unacknowledged, until the task ends. One
# held longer than the visibility timeout (its worker was killed) goes back to the queue
# when a worker starts or sweeps (every 100 s). It must exceed the longest task plus the
# longest retry countdown (600 s), or a slow task would run twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {
        "task": "cms.tasks.publish_scheduled",
        "schedule": 60.0,
    },
    "remind-inactive-learners": {
        "task": "courses.tasks.remind_inactive_learners",
        "schedule": 24 * 60 * 60.0,
    },
    "forum-daily-digest": {
        "task": "community.tasks.send_daily_digests",
        "schedule": 24 * 60 * 60.0,
    },
}
# Wagtail 8 queues its own background work through django-tasks.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Wagtail ------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Markaz"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAIL_USER_CUSTOM_FIELDS = ["name_ar", "name_latin"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Wagtail warns when a page model's search_fields lack Page's own field objects; ours
# index the title folded instead (cms.pages.FoldedTitleField). tests/cms/test_search.py
# checks in its place that every page model indexes each of Page's fields.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's Arabic snowball stemmer on top of our own normalisation
    # (cms/text.py). After changing it, run `manage.py update_index`.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = os.environ.get("SEARCH_CONFIG", "arabic")
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "odp",
    "csv",
    "txt",
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# --- H5P -------------------------------------------------------------------------
H5P_LIMITS = {
    "MAX_PACKAGE_BYTES": int(os.environ.get("H5P_MAX_PACKAGE_MB", "100")) * 1024 * 1024,
    "MAX_FILES": int(os.environ.get("H5P_MAX_FILES", "5000")),
    "MAX_FILE_BYTES": int(os.environ.get("H5P_MAX_FILE_MB", "50")) * 1024 * 1024,
    "MAX_TOTAL_BYTES": int(os.environ.get("H5P_MAX_TOTAL_MB", "300")) * 1024 * 1024,
    "MAX_COMPRESSION_RATIO": float(os.environ.get("H5P_MAX_COMPRESSION_RATIO", "100")),
}
# Uploads bigger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Community ------------------------------------------------------------------------
# Forum attachments are private: kept outside MEDIA_ROOT (which a web server may serve
# as it is) and sent only by a view that checks the reader may read the platform.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
FORUM_ATTACHMENT_MAX_BYTES = int(os.environ.get("FORUM_ATTACHMENT_MAX_MB", "10")) * 1024 * 1024
FORUM_ATTACHMENTS_PER_POST = 5

# --- Open Badges ----------------------------------------------------------------------
# The signing key lives outside the repository (or comes from OPEN_BADGES_PRIVATE_KEY).
OPEN_BADGES_KEY_FILE = os.environ.get(
    "OPEN_BADGES_KEY_FILE", str(Path.home() / ".config" / "markaz" / "open-badges-ed25519.pem")
)

# --- Security -------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# The site's pages: scripts from the site only (no inline script), styles from the site
# plus style attributes (rich text and embeds carry some), video embeds from YouTube and
# Vimeo, and framing by the site itself only (Wagtail's preview).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "frame-src": [
        "'self'",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The Wagtail admin relies on inline scripts: it keeps its own headers.
CSP_EXEMPT_PATHS = ("/admin/",)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the token from the cookie.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail logs every page action and django-tasks every task at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
    },
}

MARKAZ_CENTRE_NAME = _("Municipal Development and Decentralisation Support Centre")
