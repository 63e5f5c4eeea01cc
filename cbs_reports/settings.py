"""Settings for cbs-reports, read from the environment.

Every value that differs between a laptop and production comes from an
environment variable; a malformed value stops the start with
ImproperlyConfigured instead of failing later in a puzzling way.
"""

import tempfile
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()


def env_bool(name: str, default: bool) -> bool:
    """A strict boolean: only the usual spellings, anything else is an error."""
    raw = env.str(name, default=None)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env.str(name, default=None)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG and not env_bool("CBS_ALLOW_INSECURE_KEY", default=False):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, "
            "or DEBUG=true for local development."
        )
    # Only for development and tests: never used when DEBUG is off.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])
for origin in CSRF_TRUSTED_ORIGINS:
    if not origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS entries need a scheme (https://...), got {origin!r}"
        )

INSTALLED_APPS = [
    "entry.apps.AdminConfig",  # django.contrib.admin, index in the registry order
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "import_export",
    "simple_history",
    "branches",
    "holdings",
    "catalogue",
    "digitization",
    "publications",
    "events",
    "collection",
    "management",
    "services",
    "indicators",
    "figures",
    "reports",
    "dataio",
    "entry",
    "dashboard",
    "handin",
    "packages",
    "datacache",
    "demo",  # after the apps it loads: load_demo, generate_data
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "cbs_reports.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cbs_reports.wsgi.application"

try:
    DATABASES = {
        "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    }
except Exception as exc:  # django-environ raises several kinds for a bad URL
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] not in {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}:
    raise ImproperlyConfigured("DATABASE_URL must point at SQLite or PostgreSQL")
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Each gunicorn worker keeps its connection for CONN_MAX_AGE seconds instead of
# opening one per request (on PostgreSQL a new server process each time), and
# checks it is still alive before reusing it.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes the write lock when it starts: concurrent writers queue
    # (up to `timeout` seconds) instead of one of them failing with «database is
    # locked» when its read turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    # Write-ahead log: readers (the dashboard, every page) never wait for a writer nor
    # a writer for them; the mode is kept in the database file.
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL;")

# The dashboard's and the report's figures are cached per organization and data
# version (datacache): in a table of the database by default, shared by every
# gunicorn worker and server; in Redis when REDIS_URL is set.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL must be a redis:// URL, got {REDIS_URL!r}")
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cbs_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# A write moves the data version at once; this only bounds how long an entry
# nobody reads any more keeps its place.
FIGURES_CACHE_SECONDS = env.int("FIGURES_CACHE_SECONDS", default=24 * 3600)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The statistical annexes' layouts (reports.annex.layout): a form is a TOML file here.
ANNEX_LAYOUTS_DIR = BASE_DIR / "reports" / "annex_layouts"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Русский")), ("kk", _("Қазақша"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django ships no Kazakh formats: dates as 15.03.2021 in both languages.
FORMAT_MODULE_PATH = ["cbs_reports.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# The address the hand-in emails link to.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Uploaded import files are read in memory up to this size; bigger ones are refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024


# --- Import limits (hardening): what an imported XLSX may make the server read.
# Checked before reading (dataio/limits.py); the defaults let the biggest real
# file through (100,000 rows) and refuse a "zip bomb" within a second.
def env_positive_int(name: str, default: int) -> int:
    raw = env.str(name, default=None)
    if raw is None:
        return default
    if not raw.strip().isdigit() or int(raw) <= 0:
        raise ImproperlyConfigured(f"{name} must be a positive whole number, got {raw!r}")
    return int(raw)


DATAIO_MAX_PART_SIZE = env_positive_int("DATAIO_MAX_PART_SIZE", default=64 * 1024 * 1024)
DATAIO_MAX_SHARED_STRINGS_SIZE = env_positive_int(
    "DATAIO_MAX_SHARED_STRINGS_SIZE", default=16 * 1024 * 1024
)
DATAIO_MAX_RATIO = env_positive_int("DATAIO_MAX_RATIO", default=200)
DATAIO_MAX_SHARED_STRINGS = env_positive_int("DATAIO_MAX_SHARED_STRINGS", default=300_000)
DATAIO_MAX_ROWS = env_positive_int("DATAIO_MAX_ROWS", default=200_000)
DATAIO_MAX_CELL_LENGTH = env_positive_int("DATAIO_MAX_CELL_LENGTH", default=32_767)
DATAIO_MAX_SHEETS = env_positive_int("DATAIO_MAX_SHEETS", default=60)
DATAIO_MAX_PARTS = env_positive_int("DATAIO_MAX_PARTS", default=500)
# --- end of import limits

IMPORT_EXPORT_USE_TRANSACTIONS = True
# An admin import's uploaded file waits for its confirmation here (dataio/upload_storage.py),
# and is deleted on refusal, confirmation, cancel, or when older than this.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "dataio.upload_storage.ImportFileStorage"
IMPORT_FILES_DIR = Path(
    env.str("IMPORT_FILES_DIR", default=str(Path(tempfile.gettempdir()) / "cbs-reports-imports"))
)
IMPORT_FILES_MAX_AGE_SECONDS = env.int("IMPORT_FILES_MAX_AGE_SECONDS", default=6 * 3600)
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# Long work (an admin import's check and save, a big organization's report file) runs as a
# task (django-tasks). The embedded default keeps the queue in the database and needs
# `manage.py db_worker` running beside the server (`make demo` starts it); a bigger
# installation can point TASKS_BACKEND at django-tasks-rq's RQ backend (see the README).
# The uploaded file and its progress are in IMPORT_FILES_DIR: the worker must see that folder.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# A report of more rows than this (events and other dated facts of the period) is written by
# the worker, and the report page offers the file when it is ready; smaller ones at once.
REPORT_BACKGROUND_ROWS = env_positive_int("REPORT_BACKGROUND_ROWS", default=5000)

# Production hardening: on whenever DEBUG is off, so `check --deploy` is clean.
# Behind a TLS-terminating proxy (nginx) that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- Login throttling and sessions (hardening) --------------------------------
# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one user from one
# address, that pair waits AXES_COOLOFF_MINUTES (branches/lockout.py); the
# methodologist unlocks her ЦБС's users from the staff list.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as axes asks
AUTHENTICATION_BACKENDS = [
    "branches.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_positive_int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env_positive_int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "branches.lockout.lockout_response"
AXES_VERBOSE = False  # the security log says it once (see LOGGING)
# A session ends after SESSION_IDLE_MINUTES without a request (a working day by
# default), and with the browser if SESSION_EXPIRE_AT_BROWSER_CLOSE is on.
# (branches.accounts.IdleTimeoutMiddleware pushes the end ahead, at most once a minute.)
SESSION_COOKIE_AGE = env_positive_int("SESSION_IDLE_MINUTES", default=8 * 60) * 60
SESSION_IDLE_REFRESH_SECONDS = 60
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "branches.accounts.IdleTimeoutMiddleware",
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=False)
# --- end of login throttling and sessions

# --- Content-Security-Policy and Permissions-Policy (hardening) ---------------
# Scripts and styles only from our own static files, or inline with the
# request's nonce ({{ request.csp_nonce }}); no inline handlers or style
# attributes anywhere. import-export's export page has two style attributes of
# its own: exactly those are allowed by their hashes.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

IMPORT_EXPORT_STYLE_ATTRIBUTES = [
    "'sha256-mHgUAqxc8GPXM/QhzkHrHujcrQTU9fd6ZjWz+icxKcA='",  # padding: 0;
    "'sha256-+YWRMZ88jMyO7jVlBA52tZADiPobPIUA8LAWee68Fvs='",  # font-weight: bold;
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE, "'unsafe-hashes'", *IMPORT_EXPORT_STYLE_ATTRIBUTES],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("csp.middleware.CSPMiddleware") + 1,
    "cbs_reports.headers.PermissionsPolicyMiddleware",
)
PERMISSIONS_POLICY = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
# --- end of Content-Security-Policy and Permissions-Policy

# --- Operations (hardening): /health/, the security log, mail on server errors
INSTALLED_APPS += ["health_check"]
# The process manager asks http://127.0.0.1:…/health/ directly, not through the proxy.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "cbs_reports.security_log.RefusalLogMiddleware",
)


def env_admins(name: str) -> list[tuple[str, str]]:
    """ADMINS="Айгуль <aigul@cbs.kz>, ops@cbs.kz": who gets a letter on a server error."""
    admins = []
    for item in env_list(name, default=[]):
        person, _sep, address = item.rpartition("<")
        address = address.rstrip(">").strip()
        if "@" not in address:
            raise ImproperlyConfigured(f"{name}: {item!r} has no e-mail address")
        admins.append((person.strip() or address, address))
    return admins


ADMINS = env_admins("ADMINS")
if env.str("EMAIL_URL", default=""):  # e.g. smtp+tls://user:password@smtp.example.kz:587
    vars().update(env.email_url("EMAIL_URL"))
elif env.str("EMAIL_BACKEND", default=""):
    # `make demo` sets the file backend: every letter is a file in EMAIL_FILE_PATH.
    EMAIL_BACKEND = env.str("EMAIL_BACKEND")
    EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "out" / "mail"))
elif DEBUG:  # a laptop: letters (the hand-in's notices too) go to the console
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Security events: one JSON line each on stdout (cbs_reports/security_log.py).
# Server errors go to ADMINS by Django's own "mail_admins" handler when ADMINS is set.
LOGGING["formatters"] = {"json_line": {"()": "cbs_reports.security_log.JsonLineFormatter"}}
LOGGING["handlers"]["security"] = {
    "class": "logging.StreamHandler",
    "stream": "ext://sys.stdout",
    "formatter": "json_line",
}
LOGGING["loggers"] = {
    "cbs_reports.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    "axes": {"level": "WARNING"},
}
# --- end of operations
