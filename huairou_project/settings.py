"""Settings for the Huairou Weekend Planner.

One module; every value comes from the environment with a development default
(12-factor). `DJANGO_ENV=production` switches on the hardened defaults.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DJANGO_ENV = os.environ.get("DJANGO_ENV", "development")
IS_PRODUCTION = DJANGO_ENV == "production"
DEBUG = env_bool("DEBUG", not IS_PRODUCTION)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: never used when DEBUG is off (see the check above).
    SECRET_KEY = "dev-only-insecure-key-huairou-weekend-planner"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # SimpleAdminConfig: no autodiscovery, because django-leaflet's leaflet/admin.py
    # imports GDAL, which this project deliberately does not install.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "leaflet",
    "import_export",
    "simple_history",
    "axes",
    "planner",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "planner.middleware.DatabaseUnavailableMiddleware",
    "planner.middleware.ApiJsonErrorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "planner.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes requires: it answers locked-out sign-in attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "huairou_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

WSGI_APPLICATION = "huairou_project.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}

# A database that dies or stops answering must cost seconds, not a hung worker: a connect
# timeout, a statement timeout, TCP keepalives and a user timeout for links that drop, a
# health check on reused connections, and a watchdog for links that black-hole
# (planner/db_watchdog.py). The visitor then gets the branded 503 with Retry-After.
DB_STALL_SECONDS = float(os.environ.get("DB_STALL_SECONDS", "4"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": int(os.environ.get("DB_CONNECT_TIMEOUT", "2")),
            "options": f"-c statement_timeout={os.environ.get('DB_STATEMENT_TIMEOUT_MS', '3000')}",
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "tcp_user_timeout": 10_000,
        }
    )

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, but a Redis outage degrades to "no cache", not a 500.
            "BACKEND": "planner.caching.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "huairou",
            "TIMEOUT": 600,
            # Short timeouts, and a circuit breaker that then skips Redis for a while: a
            # hung Redis costs each process one timeout per interval (planner/caching/backends.py).
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "breaker_seconds": float(os.environ.get("REDIS_BREAKER_SECONDS", "15")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "huairou",
            "TIMEOUT": 600,
        }
    }

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account,
# or from one client address, sign-in is refused for the cool-off time with a clear page.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]  # each counts on its own
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "planner.caching.ratelimit.client_ip"  # honours TRUSTED_PROXY_COUNT
AXES_LOCKOUT_TEMPLATE = "planner/admin/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "planner" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Sessions live in the database, uploads go through Django's storage API: app processes keep
# no state of their own and can run side by side behind a load balancer.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed, content-hashed static files in production (run collectstatic first).
    "staticfiles": {
        "BACKEND": "planner.storage.StaticStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# S3-compatible object storage for uploads when a bucket is configured (django-storages;
# install its s3 extra on such servers).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Security ----------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if IS_PRODUCTION:
    # Behind a proxy that terminates TLS and sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_HOST = os.environ.get("SECURE_SSL_HOST") or None
    # Load balancers probe over plain HTTP: the health endpoints answer, never redirect.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# How many proxies in front of the app append to X-Forwarded-For. 0 (the default, also in
# production) uses REMOTE_ADDR and ignores the header, which any client can forge; set it to
# the number of proxies you run (1 for the nginx in README's deployment section).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Abuse limits per client: "requests/seconds".
RATE_LIMITS = {
    "plan": os.environ.get("RATE_LIMIT_PLAN", "60/60"),
    "save": os.environ.get("RATE_LIMIT_SAVE", "20/60"),
    "geojson": os.environ.get("RATE_LIMIT_GEOJSON", "300/60"),
    "read": os.environ.get("RATE_LIMIT_READ", "120/60"),
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, kept explicit (admin imports)

# Where `manage.py build_fixtures` reads the researched dataset from.
HUAIROU_DATASET = Path(os.environ.get("HUAIROU_DATASET", BASE_DIR / "data" / "huairou.json"))

# Tianditu is the official Chinese basemap (WGS-84, no shift); its key never lives in the repo.
TIANDITU_KEY = os.environ.get("TIANDITU_KEY", "")
# Tile servers the pages may load images from (Content-Security-Policy img-src).
MAP_TILE_HOSTS = env_list(
    "MAP_TILE_HOSTS",
    "https://tile.openstreetmap.org,https://*.is.autonavi.com"
    + (",https://*.tianditu.gov.cn" if TIANDITU_KEY else ""),
)

# Content-Security-Policy (django-csp): no inline script without the per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *MAP_TILE_HOSTS],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],  # the service worker, /sw.js
        "manifest-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Geocoding for editors ("find on map from address"). Nominatim needs no key; Baidu answers
# in BD-09 and is converted to WGS-84 before anything is saved.
GEOCODER = {
    "provider": os.environ.get("GEOCODER_PROVIDER", "nominatim"),
    "key": os.environ.get("GEOCODER_KEY", ""),
    "user_agent": os.environ.get("GEOCODER_USER_AGENT", "huairou-weekend-planner"),
    "min_delay_seconds": float(os.environ.get("GEOCODER_MIN_DELAY", "1.0")),
    "timeout": float(os.environ.get("GEOCODER_TIMEOUT", "5")),
}

# Bulk import/export: editors need "change" to import and "view" to export.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True

LEAFLET_CONFIG = {
    # Zoom 9 shows the district and the city start points (Dongzhimen, Beijing North).
    "DEFAULT_CENTER": (40.45, 116.6),
    "DEFAULT_ZOOM": 9,
    "MIN_ZOOM": 7,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    "NO_GLOBALS": False,
    # Base layers are added by our own map module so that the GCJ-02 shift can follow
    # the active layer; see planner/static/planner/map.js
    # (addBaseLayers) and planner/geo/map_config.py.
    "TILES": [],
    "ATTRIBUTION_PREFIX": "有一种生活叫怀柔",
    "PLUGINS": {
        "markercluster": {
            "css": [
                "xstatic/leaflet-markercluster/MarkerCluster.css",
                "xstatic/leaflet-markercluster/MarkerCluster.Default.css",
            ],
            "js": "xstatic/leaflet-markercluster/leaflet.markercluster.js",
            "auto-include": True,
        },
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Marker clustering ships as an xstatic pip package (no CDN, no Node build).
import xstatic.pkg.leaflet_markercluster as _markercluster  # noqa: E402

STATICFILES_DIRS = [("xstatic/leaflet-markercluster", _markercluster.BASE_DIR)]
