"""Settings for Scaffolding, all from environment variables.

Defaults are the safe production ones: DEBUG off, secure cookies, HSTS, and a
secret key that must be given. `make run` switches on development mode with
SCAFFOLDING_DEBUG=1; the test suite does the same through pytest's settings.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("SCAFFOLDING_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("SCAFFOLDING_DEBUG")

SECRET_KEY = os.environ.get("SCAFFOLDING_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SCAFFOLDING_SECRET_KEY must be set (50+ random characters) when DEBUG is off. "
            "On your own machine, set SCAFFOLDING_DEBUG=1 for development instead."
        )
    SECRET_KEY = "development-only-key-not-for-production-" + "x" * 20  # noqa: S105

ALLOWED_HOSTS = env_list("SCAFFOLDING_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("SCAFFOLDING_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SCAFFOLDING_SITE_URL", "http://127.0.0.1:8000")
QUICK_EXIT_URL = os.environ.get("SCAFFOLDING_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "auditlog",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    # In layer order (docs/architecture.md): each app's demo builds on those above it here.
    "scaffolding.core",
    "scaffolding.accounts",
    "scaffolding.workforce",
    "scaffolding.supervision",
    "scaffolding.language.apps.LanguageConfig",
    "scaffolding.voice",
    "scaffolding.relationships",
    "scaffolding.carers",
    "scaffolding.progress",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "scaffolding.core.errors.DatabaseUnavailableMiddleware",
    "scaffolding.core.security.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "scaffolding.core.security.NoStoreMiddleware",
    "scaffolding.core.middleware.TenancyMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "scaffolding.accounts.middleware.AdminTwoFactorMiddleware",
    "scaffolding.voice.middleware.YoungPersonAreaMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scaffolding.urls"
CSRF_FAILURE_VIEW = "scaffolding.core.errors.csrf_failure"
WSGI_APPLICATION = "scaffolding.wsgi.application"

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scaffolding.core.context_processors.navigation",
            ],
        },
    },
]

# SQLite under var/ by default (WAL so readers never wait for the writer);
# PostgreSQL in production through DATABASE_URL. Both give up quickly when the
# database hangs, so a person sees a "try again" page and /healthz says 503.
DEFAULT_SQLITE = VAR_DIR / "scaffolding.sqlite3"


def database_settings(url: str) -> dict:
    database = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("SCAFFOLDING_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if database["ENGINE"] == "django.db.backends.sqlite3":
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        database["CONN_MAX_AGE"] = 0
        database["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            # Seconds to wait for another writer's lock before giving up.
            "timeout": float(os.environ.get("SCAFFOLDING_DB_BUSY_SECONDS", "5")),
        }
    elif database["ENGINE"].startswith("django.db.backends.postgresql"):
        statement_ms = int(os.environ.get("SCAFFOLDING_DB_STATEMENT_TIMEOUT_MS", "20000"))
        lock_ms = int(os.environ.get("SCAFFOLDING_DB_LOCK_TIMEOUT_MS", "5000"))
        database.setdefault("OPTIONS", {})
        database["OPTIONS"]["connect_timeout"] = int(
            os.environ.get("SCAFFOLDING_DB_CONNECT_TIMEOUT", "3")
        )
        database["OPTIONS"]["options"] = (
            f"-c statement_timeout={statement_ms} -c lock_timeout={lock_ms} "
            f"-c idle_in_transaction_session_timeout={statement_ms * 3}"
        )
    return database


DATABASES = {
    "default": database_settings(os.environ.get("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE}"))
}
# Seconds /healthz waits for the database before answering 503.
HEALTHZ_TIMEOUT_SECONDS = float(os.environ.get("SCAFFOLDING_HEALTHZ_TIMEOUT", "0.8"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # Axes first so that a locked-out person is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "scaffolding.accounts.backends.PasswordBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout: five wrong passwords for one account from one address locks it for 30 minutes.
AXES_ENABLED = env_bool("SCAFFOLDING_AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("SCAFFOLDING_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("SCAFFOLDING_LOCKOUT_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# Count "Lock1@x" and " lock1@X" as one account, as sign-in does.
AXES_USERNAME_CALLABLE = "scaffolding.accounts.access.sign_in_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Besides the lockout per account, one address may try to sign in only so often
# (any accounts): django-ratelimit, counted in the cache. Behind a proxy, name the
# header that carries the visitor's address (e.g. HTTP_X_FORWARDED_FOR).
SIGN_IN_RATE_LIMIT = os.environ.get("SCAFFOLDING_SIGN_IN_RATE", "30/m")
CLIENT_IP_HEADER = os.environ.get("SCAFFOLDING_CLIENT_IP_HEADER", "REMOTE_ADDR")
RATELIMIT_IP_META_KEY = CLIENT_IP_HEADER
AXES_IPWARE_META_PRECEDENCE_ORDER = (CLIENT_IP_HEADER,)

# Two-factor sign-in is required for partnership admins (they manage accounts).
# Every other role may set it up, and a partnership may require it per role.
REQUIRE_ADMIN_TWO_FACTOR = env_bool("SCAFFOLDING_REQUIRE_ADMIN_2FA", True)
OTP_TOTP_ISSUER = os.environ.get("SCAFFOLDING_OTP_ISSUER", "Scaffolding")

# Optional sign-in with OpenID Connect (for example Microsoft Entra ID).
OIDC_ENABLED = env_bool("SCAFFOLDING_OIDC_ENABLED")
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("scaffolding.accounts.oidc.PartnershipOIDCBackend")
    OIDC_RP_CLIENT_ID = os.environ["SCAFFOLDING_OIDC_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ["SCAFFOLDING_OIDC_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["SCAFFOLDING_OIDC_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["SCAFFOLDING_OIDC_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["SCAFFOLDING_OIDC_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["SCAFFOLDING_OIDC_JWKS_ENDPOINT"]
    OIDC_RP_SIGN_ALGO = os.environ.get("SCAFFOLDING_OIDC_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = "openid email profile"
    # Only people who already have an account may sign in; SSO never creates accounts.
    OIDC_CREATE_USER = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("SCAFFOLDING_SESSION_SECONDS", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SCAFFOLDING_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SCAFFOLDING_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SCAFFOLDING_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): scripts only from our own files (vendored
# design system and htmx, no inline scripts). Inline styles are allowed because the
# charts (scaffolding.core.charts) are SVGs drawn with style attributes; nothing else is.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Permissions-Policy: the service needs no camera, microphone, location and the like.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "display-capture",
    )
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("SCAFFOLDING_STATIC_ROOT", VAR_DIR / "static"))
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
MEDIA_ROOT = Path(os.environ.get("SCAFFOLDING_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Evidence files may be scanned by ClamAV's daemon: unix:///run/clamav/clamd.ctl or
# tcp://host:3310. A file that cannot be scanned is refused, never kept unscanned.
CLAMD_URL = os.environ.get("SCAFFOLDING_CLAMD", "")
CLAMD_SCANNER = None  # tests plug in a stand-in scanner class here
# Request size: anything over SCAFFOLDING_MAX_REQUEST_MB is refused (413) before it is
# read; set the proxy's limit to the same (nginx: client_max_body_size 12m). Files up
# to 5 MB stay in memory, form fields up to 10 MB; free text up to FREE_TEXT_MAX_CHARS.
MAX_REQUEST_BYTES = int(os.environ.get("SCAFFOLDING_MAX_REQUEST_MB", "12")) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "scaffolding.core.security.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FREE_TEXT_MAX_CHARS = int(os.environ.get("SCAFFOLDING_FREE_TEXT_MAX_CHARS", "20000"))

EMAIL_BACKEND = os.environ.get(
    "SCAFFOLDING_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("SCAFFOLDING_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SCAFFOLDING_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SCAFFOLDING_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SCAFFOLDING_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SCAFFOLDING_EMAIL_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("SCAFFOLDING_FROM_EMAIL", "scaffolding@localhost")

# Background work (reminders, long imports) goes through django-tasks so that a
# queue backend can replace the database one without touching callers.
# Background jobs go through the django-tasks interface. "database" (the default) keeps
# them in the database and needs only `scaffolding db_worker`; "redis" puts them on an RQ
# queue in Redis (SCAFFOLDING_REDIS_URL) for several machines, run by `scaffolding rqworker`.
# A dotted backend path is taken as it is (the tests use the immediate backend).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "redis": "django_tasks_rq.RQBackend",
}
_tasks_backend = os.environ.get("SCAFFOLDING_TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": TASK_BACKENDS.get(_tasks_backend, _tasks_backend)}}
REDIS_URL = os.environ.get("SCAFFOLDING_REDIS_URL", "redis://127.0.0.1:6379/0")
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}

# An import whose worker shows no sign of life for this long is shown as stopped,
# and can be run again.
IMPORT_STALE_MINUTES = int(os.environ.get("SCAFFOLDING_IMPORT_STALE_MINUTES", "10"))

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SCAFFOLDING_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
