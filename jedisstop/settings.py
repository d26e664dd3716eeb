"""Settings for Je dis STOP!: one file, driven by the environment.

Every deployment knob is an environment variable read by a typed helper from
``jedisstop.env``; the defaults are safe for the local run (``make run``).
``DJANGO_ENV=production`` turns on the production guards.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from jedisstop.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    parse_database_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DJANGO_ENV = env_choice("DJANGO_ENV", ("local", "production"), "local")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production.")

_LOCAL_SECRET_KEY = "local-only-not-secret-jedisstop-development-key-0123456789-abcdefghij"  # noqa: S105 (local only; production refuses it)
SECRET_KEY = env_str("SECRET_KEY")
if PRODUCTION:
    if len(SECRET_KEY) < 50 or SECRET_KEY == _LOCAL_SECRET_KEY or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random value of at least 50 characters in production."
        )
elif not SECRET_KEY:
    SECRET_KEY = _LOCAL_SECRET_KEY
# Old keys still accepted for signatures (sessions, signed upload tokens) during a rotation.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "sessionstore",
    "backups",
    "maintenance",
    "limits",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # allauth's list of passkeys loads it (without it the page fails with a 500).
    "django.contrib.humanize",
    # Its own French and Dutch country names load only as an installed app.
    "django_countries",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks_db",
    # Staff identity comes before the sign-in library: its templates override the library's.
    "staff",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "campaign",
    "partners",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a form: a POST from another site is refused here, token or not.
    "edge.crossorigin.CrossOriginProtectionMiddleware",
    "edge.middleware.PermissionsPolicyMiddleware",
    # Above the page cache: a page or form answered from it gets the header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "edge.httpcache.HttpCachePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The cookie with the only copy of the key a staff session holds (set at sign-in).
    "staff.keyring.StaffKeyCookieMiddleware",
    # The cookie with the only copy of the key of a form's photos and its receipt.
    "reports.intake.form_key.FormKeyMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "edge.middleware.DatabaseUnavailableMiddleware",
    "edge.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "staff.access.StaffAccessMiddleware",
    "reports.gate.ReportsGateMiddleware",
]

ROOT_URLCONF = "jedisstop.urls"
WSGI_APPLICATION = "jedisstop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sitewide.context_processors.site",
            ],
        },
    },
]

# Database: SQLite is the embedded default for the local run; production uses PostgreSQL
# through DATABASE_URL (postgres://user:password@host:port/name).
SQLITE_PATH = Path(env_str("SQLITE_PATH", str(BASE_DIR / "var" / "db.sqlite3")))
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": parse_database_url(DATABASE_URL)}
else:
    if PRODUCTION:
        raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL in production.")
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache must be shared by every web process: the database cache needs nothing more than
# the database the site already has. (Throttles and lockouts have their own table:
# limits, counted atomically by limits.throttle.)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "jedisstop_cache",
    },
}
# How long a shared cache in front (nginx, a CDN) may serve a public page without asking
# again (s-maxage), then serve it stale while it asks (stale-while-revalidate): an
# editor's change reaches every visitor within SHARED_CACHE_SECONDS (README "HTTP caching").
SHARED_CACHE_SECONDS = env_int("SHARED_CACHE_SECONDS", 60, minimum=0)
SHARED_CACHE_STALE_SECONDS = env_int("SHARED_CACHE_STALE_SECONDS", 300, minimum=0)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    # Follow-up codes only (reports.models.Report.set_follow_up_code): see its docstring.
    "reports.hashers.FollowUpCodeHasher",
]

# Staff sign-in: django-allauth's account and MFA (authenticator app, recovery codes,
# passkeys). See README "Staff sign-in".
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "admin:index"
ACCOUNT_ADAPTER = "staff.adapters.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 5 * 60
MFA_ADAPTER = "staff.adapters.StaffMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
# WebAuthn over plain http is for http://localhost in the local run only.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
# Staff accounts need no verified address to protect themselves.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# One step either side of now, for a phone's clock that drifts.
MFA_TOTP_TOLERANCE = 1
MFA_FORMS = {
    "authenticate": "staff.forms.StaffAuthenticateForm",
    "reauthenticate": "staff.forms.StaffReauthenticateForm",
    "activate_totp": "staff.forms.StaffActivateTOTPForm",
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the default, Dutch and English follow. Source strings are English.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
# The editors' desk shows the three languages in tabs: jQuery UI served by the site (a copy
# in static/vendor/, 1.14.1), never modeltranslation's CDN default (its settings are named
# JQUERY_URL and JQUERY_UI_URL).
JQUERY_UI_URL = "vendor/jquery-ui-1.14.1/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# Static files: hashed, compressed names served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (news images, partner logos). Report photos never live here: they are
# encrypted and served only through an authenticated view.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Encrypted report photos and pending uploads: no public URL, never under MEDIA_ROOT.
    "private": {"BACKEND": "reports.storage.PrivateStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", default=PRODUCTION)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploads on several machines: an S3-compatible bucket (pip install -r requirements-s3.txt).
STORAGE_BACKEND = env_choice("STORAGE_BACKEND", ("filesystem", "s3"), "filesystem")
if STORAGE_BACKEND == "s3":
    S3_BUCKET = env_str("S3_BUCKET")
    if not S3_BUCKET:
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs S3_BUCKET.")
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
        "region_name": env_str("S3_REGION") or None,
        "access_key": env_str("S3_ACCESS_KEY_ID") or None,
        "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
        "default_acl": "private",
        "file_overwrite": False,
        "querystring_auth": True,
    }
    STORAGES["default"] = {
        "BACKEND": "media.s3storage.SiteServedS3Storage",
        "OPTIONS": {**_s3, "location": env_str("S3_MEDIA_PREFIX", "media")},
    }
    STORAGES["private"] = {
        "BACKEND": "media.s3storage.PrivateS3Storage",
        "OPTIONS": {**_s3, "location": env_str("S3_PRIVATE_PREFIX", "private")},
    }
WHITENOISE_MAX_AGE = 31536000 if PRODUCTION else 0
# Outside production, static files come straight from the source folders.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Tasks: a database-backed queue worked by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Mail: SMTP in production; printed to the console in the local run.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Je dis STOP! <noreply@jedisstop.be>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
TRIAGE_INBOX = env_list("TRIAGE_INBOX", ["triage@jedisstop.be"])
_mail_backend = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
_mail_options = {}
if _mail_backend.endswith("smtp.EmailBackend"):
    _mail_options = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 587, minimum=1),
        "username": env_str("EMAIL_HOST_USER"),
        "password": env_str("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", default=True),
        "timeout": env_int("EMAIL_TIMEOUT", 10, minimum=1),
    }
MAILERS = {"default": {"BACKEND": _mail_backend, "OPTIONS": _mail_options}}

# Public base URL, used in links sent by email (an invitation, the admin link in
# notifications). Production refuses to start without an https one: an invitation would
# otherwise carry the local run's address, or a one-time link in clear over http.
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
if PRODUCTION:
    _site_url = urlsplit(SITE_URL)
    if _site_url.scheme != "https" or not _site_url.hostname or _site_url.path:
        raise ImproperlyConfigured(
            "SITE_URL must be the site's public https address in production, such as "
            f"https://www.jedisstop.be (no path), not {SITE_URL!r}."
        )

# Security headers. The policy allows nothing but the site itself: a reporter's browser
# must never talk to another host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # Bootstrap draws its form controls with data: SVG images.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)
# "same-origin": no Referer ever goes to another host, so a reporter's page never leaks.
# Not "no-referrer": under it browsers send `Origin: null` with every form POST, which
# Django's CSRF origin check rightly refuses (every form on the site would fail).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sessions keep only a hash of their key in the database (sessionstore).
SESSION_ENGINE = "sessionstore.backend"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The form token lives as long as the browser session, not a year.
CSRF_COOKIE_AGE = None
# A team member's private key, unlocked at sign-in, is held in the session under a key whose
# only copy is this cookie's (staff.keyring): HttpOnly, SameSite=Lax (a link in a mail opens
# a report), for the browser session only; __Host- and Secure in production.
STAFF_KEY_COOKIE_NAME = "staffkey"
# The reporter's key during a follow-up, the same way (reports.intake.reporter_key).
REPORTER_KEY_COOKIE_NAME = "reporterkey"
# The key of what a browser is sending (photos not sent yet, the receipt), whose only copy is
# this cookie's (reports.intake.form_key).
FORM_KEY_COOKIE_NAME = "formkey"
# Argon2id for a team member's key (encryption.staffkeys): 64 MiB, 3 passes, 4 lanes, 0.12 s
# on the 2-core machine; stored with each wrapped key, so it can be raised later.
STAFF_KEY_ARGON2 = {"memory_kib": 65536, "iterations": 3, "lanes": 4}
# The reporter's key, derived from their follow-up code (reports.models.keys): the code is
# 100 random bits, so Argon2id only needs to make each report's key its own (a salt each):
# 16 MiB and one pass, 8 ms of a submission.
REPORTER_KEY_ARGON2 = {"memory_kib": 16384, "iterations": 1, "lanes": 1}
# The organisation's recovery key, the public half (base64): every report's keys are wrapped
# to it too. Its private half is kept offline (manage.py make_recovery_key prints it once).
REPORT_RECOVERY_PUBLIC_KEY = env_str("REPORT_RECOVERY_PUBLIC_KEY", "")
if REPORT_RECOVERY_PUBLIC_KEY:
    import base64 as _base64
    import binascii as _binascii

    try:
        _recovery = _base64.b64decode(REPORT_RECOVERY_PUBLIC_KEY, validate=True)
    except (_binascii.Error, ValueError):
        _recovery = b""
    if len(_recovery) != 32:
        raise ImproperlyConfigured(
            "REPORT_RECOVERY_PUBLIC_KEY must be the public half printed by "
            "`manage.py make_recovery_key` (base64 of 32 bytes)."
        )
elif PRODUCTION:
    # Without it, a team locked out (every supervisor's password reset) loses every report.
    raise ImproperlyConfigured(
        "REPORT_RECOVERY_PUBLIC_KEY must be set in production: run `manage.py "
        "make_recovery_key` once, keep its private half offline, set its public half here."
    )
LANGUAGE_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host-: only ever sent to this exact host over HTTPS, path /, never set by a
    # subdomain (the page cache and nginx's cache bypass follow these names).
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    STAFF_KEY_COOKIE_NAME = "__Host-staffkey"
    REPORTER_KEY_COOKIE_NAME = "__Host-reporterkey"
    FORM_KEY_COOKIE_NAME = "__Host-formkey"
    LANGUAGE_COOKIE_SECURE = True
    if env_bool("BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logging: to the console only. Nothing a visitor typed ever goes into a log line:
# the request filter drops request bodies and query strings from error records.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "edge.logging.ScrubRequestFilter"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["scrub"]}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
CSRF_FAILURE_VIEW = "sitewide.views.csrf_failure"

# Reports: encryption keys (Fernet, newest first), limits and throttles.
REPORT_ENCRYPTION_KEYS = env_list("REPORT_ENCRYPTION_KEYS")
if PRODUCTION and not REPORT_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("REPORT_ENCRYPTION_KEYS must be set in production.")
# The blind index of a few answers (reports.search) has a key of its own, sealed to the team
# like the reports (never in the environment): SEARCH_INDEX_KEYS is no longer read.
# The key that turns a visitor's address into a limit's counter key (limits.throttle):
# each limit's key of each day is derived from it. It lives here, in the environment, never in
# the database or a backup, so a copy of them cannot turn an address into a counter. In the
# local run, without the variable, a key is derived from SECRET_KEY.
LIMITS_KEY = env_str("LIMITS_KEY")
if PRODUCTION and len(LIMITS_KEY) < 32:
    raise ImproperlyConfigured("LIMITS_KEY must be set in production (at least 32 characters).")
if not LIMITS_KEY:
    import hashlib as _hashlib

    LIMITS_KEY = _hashlib.sha256(b"jedisstop-limits-key:" + SECRET_KEY.encode()).hexdigest()
# Backups (manage.py backup / restore): their own Fernet key, kept apart from the backups.
# In the local run, without the variable, a key is derived from SECRET_KEY.
BACKUP_ENCRYPTION_KEY = env_str("BACKUP_ENCRYPTION_KEY")
if not BACKUP_ENCRYPTION_KEY and not PRODUCTION:
    import base64
    import hashlib

    BACKUP_ENCRYPTION_KEY = base64.urlsafe_b64encode(
        hashlib.sha256(b"jedisstop-backup-key:" + SECRET_KEY.encode()).digest()
    ).decode()
# The table of limits (README, "Limits"); pixels are bounded in media.guard.
REPORT_MAX_PHOTOS = 5  # decoded per request, and kept per form
# Photos a client may send in an hour, accepted or refused (counted before decoding).
REPORT_PHOTO_BUDGET = env_int("REPORT_PHOTO_BUDGET", 20, minimum=1)
REPORT_MAX_PHOTO_BYTES = 20 * 1024 * 1024  # a 48-megapixel phone photo fits
# Files Django parses from one request: more than the photos a form keeps, so that choosing
# one too many gives the form back with a message, not an error page.
DATA_UPLOAD_MAX_NUMBER_FILES = REPORT_MAX_PHOTOS * 2
# Photos not sent yet (kept 24 h between two sendings of a form): a disk ceiling.
PENDING_UPLOADS_MAX_BYTES = env_int("PENDING_UPLOADS_MAX_BYTES", 2 * 1024**3, minimum=1)
# A whole request above this is refused with a friendly page before Django reads it.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 60 * 1024 * 1024, minimum=1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
PENDING_UPLOAD_HOURS = 24
REPORT_MIN_FILL_SECONDS = env_int("REPORT_MIN_FILL_SECONDS", 5, minimum=0)
REPORT_SUBMIT_LIMIT = env_int("REPORT_SUBMIT_LIMIT", 10, minimum=1)  # per client per hour
FOLLOW_UP_FAILURE_LIMIT = env_int("FOLLOW_UP_FAILURE_LIMIT", 5, minimum=1)  # per 15 minutes
FOLLOW_UP_SESSION_SECONDS = 30 * 60
# A session row's expiry is rounded up to this (sessionstore): at least the longest
# limit's window, so that it cannot be matched to one report's counter.
SESSION_EXPIRY_ROUNDING = 3600
# How long the receipt, with its code, can be shown again in the same browser session.
RECEIPT_SECONDS = 10 * 60
# "Exit this page" on the report and follow-up pages leaves for this neutral site (the
# Royal Meteorological Institute's home page by default): nothing there hints at a report.
QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://www.meteo.be/")
if not QUICK_EXIT_URL.startswith("https://"):
    raise ImproperlyConfigured("QUICK_EXIT_URL must be an https:// address of a neutral site.")
# Messages a reporter may send on one report in 24 hours; staff get one mail per report per
# hour about them, however many arrive.
# Who the police call back about a dossier (printed on every dossier): set in production.
ECPAT_CONTACT = {
    "name": env_str("ECPAT_CONTACT_NAME", "ECPAT Belgique"),
    "phone": env_str("ECPAT_CONTACT_PHONE"),
    "email": env_str("ECPAT_CONTACT_EMAIL"),
}
REPORTER_REPLY_LIMIT = env_int("REPORTER_REPLY_LIMIT", 10, minimum=1)
REPLY_NOTICE_MINUTES = 60
REPORT_CLAIM_DUE_HOURS = env_int("REPORT_CLAIM_DUE_HOURS", 24, minimum=1)
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30, minimum=1)
STAFF_LOGIN_FAILURE_LIMIT = env_int("STAFF_LOGIN_FAILURE_LIMIT", 5, minimum=1)
# Wrong passwords (per account name) and wrong codes (per account) lock for 15 minutes;
# one address gets four times as many tries (an office behind one address).
ACCOUNT_RATE_LIMITS = {
    "login_failed": (f"{STAFF_LOGIN_FAILURE_LIMIT * 4}/15m/ip,{STAFF_LOGIN_FAILURE_LIMIT}/15m/key"),
}
# Proxies of the site's own in front of it (load balancer, TLS terminator): behind them the
# client is the X-Forwarded-For hop the farthest one saw (limits.throttle.client_address).
# With 0, X-Forwarded-For is ignored. The sign-in library reads the same number.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# The countries the report form lists first, before every country (where travellers from
# Belgium usually go, and where ECPAT's campaigns point): a list chosen by ECPAT, never ranked
# from the reports (a ranking would publish a statistic).
REPORT_USUAL_COUNTRIES = env_list(
    "REPORT_USUAL_COUNTRIES",
    ["TH", "PH", "KH", "VN", "IN", "ID", "LK", "NP", "KE", "GM", "SN", "MA", "TR", "BR", "DO",
     "CO"],
)  # fmt: skip
if any(
    not (len(code) == 2 and code.isalpha() and code.isupper()) for code in REPORT_USUAL_COUNTRIES
):
    raise ImproperlyConfigured("REPORT_USUAL_COUNTRIES must list two-letter country codes: TH,PH")
REPORT_ANSWER_DUE_HOURS = env_int("REPORT_ANSWER_DUE_HOURS", 48, minimum=1)
# The other service clocks (reports.triage.clocks): an urgent report (a child in danger now,
# or still going on) claimed within the hour, the first assessment within 48 hours of the
# claim, a silent reporter decided on after 14 days, an authority asked for its outcome
# after 90 days, any report in progress looked at again after 14 days.
REPORT_URGENT_DUE_MINUTES = env_int("REPORT_URGENT_DUE_MINUTES", 60, minimum=5)
REPORT_ASSESS_DUE_HOURS = env_int("REPORT_ASSESS_DUE_HOURS", 48, minimum=1)
REPORT_REPORTER_WAIT_DAYS = env_int("REPORT_REPORTER_WAIT_DAYS", 14, minimum=1)
REPORT_AUTHORITY_DUE_DAYS = env_int("REPORT_AUTHORITY_DUE_DAYS", 90, minimum=1)
REPORT_ACT_DUE_DAYS = env_int("REPORT_ACT_DUE_DAYS", 14, minimum=1)
# Staff wellbeing: a gentle notice past this many photos revealed, or minutes on report
# pages, in a day; photos flagged as possible abuse material are deleted after this many
# days if the police have not confirmed receipt before.
EXPOSURE_PHOTOS_NOTICE = env_int("EXPOSURE_PHOTOS_NOTICE", 20, minimum=1)
EXPOSURE_MINUTES_NOTICE = env_int("EXPOSURE_MINUTES_NOTICE", 120, minimum=1)
ABUSE_PHOTO_DAYS = env_int("ABUSE_PHOTO_DAYS", 30, minimum=1)
# Mails to the person who holds a report (hand-over, answer): one per report per hour.
HOLDER_NOTICE_MINUTES = 60
# Closed reports are purged (content, messages, photos) after this many days.
REPORT_RETENTION_DAYS = env_int("REPORT_RETENTION_DAYS", 365, minimum=1)
# The contact form: where its content-free notices go, and messages per client per hour.
CONTACT_INBOX = env_list("CONTACT_INBOX", TRIAGE_INBOX)
CONTACT_LIMIT = env_int("CONTACT_LIMIT", 5, minimum=1)
