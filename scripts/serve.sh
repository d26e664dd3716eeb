#!/usr/bin/env bash
# Serve the site as in production: gunicorn (several workers) with WhiteNoise, the task
# worker beside it, PostgreSQL. Every setting comes from the environment (README); for a
# try on this machine, missing secrets are generated once into var/ and kept there.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p var
export DJANGO_ENV=${DJANGO_ENV:-production}
export DATABASE_URL=${DATABASE_URL:-postgres://jedisstop:jedisstop@127.0.0.1:5432/jedisstop}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
if [ -z "${SECRET_KEY:-}" ]; then
  [ -f var/secret-key ] || $PY -c "import secrets; print(secrets.token_urlsafe(64))" > var/secret-key
  SECRET_KEY=$(cat var/secret-key); export SECRET_KEY
fi
if [ -z "${REPORT_ENCRYPTION_KEYS:-}" ]; then
  [ -f var/report-key ] || $PY -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())" > var/report-key
  REPORT_ENCRYPTION_KEYS=$(cat var/report-key); export REPORT_ENCRYPTION_KEYS
fi
if [ -z "${SEARCH_INDEX_KEYS:-}" ]; then
  [ -f var/search-key ] || $PY -c "import secrets; print(secrets.token_hex(32))" > var/search-key
  SEARCH_INDEX_KEYS=$(cat var/search-key); export SEARCH_INDEX_KEYS
fi
# On loopback there is no TLS terminator in front: do not redirect to https.
case "${BIND:-127.0.0.1:8000}" in 127.*|localhost*) export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false} ;; esac
export EMAIL_BACKEND=${EMAIL_BACKEND:-django.core.mail.backends.smtp.EmailBackend}

$PY manage.py migrate --noinput -v 0
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput -v 0
$PY manage.py schedule_maintenance
$PY manage.py db_worker --no-reload &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Serving on http://${BIND:-127.0.0.1:8000}/ with ${WEB_CONCURRENCY:-4} workers (Ctrl+C stops)."
.venv/bin/gunicorn jedisstop.wsgi --workers "${WEB_CONCURRENCY:-4}" --bind "${BIND:-127.0.0.1:8000}" \
  --timeout 60 --max-requests 2000 --max-requests-jitter 200
