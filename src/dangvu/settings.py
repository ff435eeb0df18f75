"""Settings: one module, every value from the environment, safe defaults.

DANGVU_DATABASE_URL   database (default: SQLite file var/dangvu.sqlite3)
DANGVU_SECRET_KEY     secret key (default: generated once into var/secret_key)
DANGVU_DEBUG          "1" for development pages and static files from runserver
DANGVU_ALLOWED_HOSTS  comma-separated host names (default: 127.0.0.1,localhost)
DANGVU_VAR_DIR        where the SQLite file, uploads and the secret key live
DANGVU_HTTPS          "1" behind HTTPS: HSTS, redirect to HTTPS, Secure cookies
DANGVU_API_RATE_LIMIT calls a personal API token may make each minute (default 120)
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("DANGVU_VAR_DIR", BASE_DIR / "var"))


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    key = os.environ.get("DANGVU_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("DANGVU_DEBUG")
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DANGVU_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "dangvu.accounts.apps.AxesConfig",  # django-axes, named in Vietnamese in the admin
    "dangvu.core",
    "dangvu.accounts",
    "dangvu.orgs",
    "dangvu.members",
    "dangvu.documents",
    "dangvu.tracking",
    "dangvu.reporting",
    "dangvu.drafting",
    "dangvu.flows",
    "dangvu.api",
    "django.contrib.admin",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "dangvu.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "dangvu.core.middleware.RequestIdMiddleware",
    "dangvu.core.security.BadQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "dangvu.members.selectors.rules.RulesPerRequestMiddleware",
]

ROOT_URLCONF = "dangvu.urls"
WSGI_APPLICATION = "dangvu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DANGVU_DATABASE_URL", f"sqlite:///{VAR_DIR / 'dangvu.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # No write lost: WAL lets readers run beside the one writer; IMMEDIATE takes the write
    # lock when a transaction begins, so a writer waits its turn (busy timeout, 20 s) instead
    # of failing with "database is locked" when a read transaction tries to become a write.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=20000;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "dangvu.core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"

# Behind HTTPS (DANGVU_HTTPS=1): browsers keep to HTTPS for a year (HSTS), plain HTTP is
# redirected, cookies travel over HTTPS only. The web server in front terminates TLS and must
# set X-Forwarded-Proto (and drop any such header a client sends).
HTTPS = _env_bool("DANGVU_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SESSION_COOKIE_AGE = 8 * 60 * 60

# Lockout: 5 failed logins for one user name from one address lock that pair for 15 minutes,
# so no one can lock another person's account from elsewhere; and 30 failures from one
# address across user names (password spraying) pause logins from it (accounts.forms).
# Not the address alone: offices reach the server through one NAT address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False
LOGIN_FAILURES_PER_ADDRESS = 30

# The interface is Vietnamese only: no LocaleMiddleware, so a browser set to English does not
# switch Django's messages and number formats (it showed the year 2026 as "2,026").
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
# dangvu's own Vietnamese for what Django's catalogue and django-axes leave in English; it
# comes first. Edit core/locale/vi/LC_MESSAGES/django.po, then `make messages`.
LOCALE_PATHS = [Path(__file__).resolve().parent / "core" / "locale"]
# Dates shown 3/12/2026 everywhere (core/formats/vi/formats.py).
FORMAT_MODULE_PATH = ["dangvu.core.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# Served by WhiteNoise from the WSGI application. `dangvu serve` sets DANGVU_STATIC_MANIFEST=1
# and collects them first, into compressed files with hashed names that browsers cache for a
# year; otherwise (tests, runserver) they are served from the apps' folders as they are.
_STATIC_COLLECTED = _env_bool("DANGVU_STATIC_MANIFEST")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _STATIC_COLLECTED
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _STATIC_COLLECTED
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Swagger UI for the API's documentation page, from inside the django-ninja package
    # (served locally, no CDN; its ReDoc files left out)
    "dangvu.api.static_files.SwaggerUIFinder",
]

# One cache for all workers on Redis in production; a local-memory cache per process
# otherwise (what is cached must then stay correct when another worker changes the data).
if os.environ.get("DANGVU_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["DANGVU_REDIS_URL"],
            "KEY_PREFIX": "dangvu",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The API: calls a personal token may make each minute (counted in Django's cache).
API_RATE_LIMIT = int(os.environ.get("DANGVU_API_RATE_LIMIT", "120"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DANGVU_LOG_LEVEL", "WARNING")},
}
