"""The WSGI entry point of every real server (gunicorn behind nginx).

Fail closed: a server started without an explicit DJANGO_ENV refuses to start, instead of
running in the local mode (DEBUG on, the public local secret key, report encryption derived
from it). Only Django's development server (`manage.py runserver`, `make run`) may leave it
unset.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jedisstop.settings")


def _development_server() -> bool:
    return (
        len(sys.argv) > 1
        and os.path.basename(sys.argv[0]) == "manage.py"
        and (sys.argv[1] == "runserver")
    )


if not os.environ.get("DJANGO_ENV") and not _development_server():
    raise ImproperlyConfigured(
        "DJANGO_ENV is not set. Set DJANGO_ENV=production on a real server (it then also "
        "requires SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REPORT_ENCRYPTION_KEYS), or "
        "DJANGO_ENV=local to serve the local demo through this entry point on purpose."
    )

application = get_wsgi_application()
