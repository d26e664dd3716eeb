#!/usr/bin/env bash
# Serve the site as in production: nginx in front (TLS, static files and uploads from disk,
# public pages cached from the site's headers), gunicorn (several workers) behind it on a
# unix socket, the task worker beside them, PostgreSQL. Every setting comes from the
# environment (README); for a try on this machine, missing secrets are generated once into
# var/ and kept there, and nginx uses a self-signed certificate for loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p var/run
export DJANGO_ENV=${DJANGO_ENV:-production}
export DATABASE_URL=${DATABASE_URL:-postgres://jedisstop:jedisstop@127.0.0.1:5432/jedisstop}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-localhost,127.0.0.1}
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
if [ -z "${LIMITS_KEY:-}" ]; then
  [ -f var/limits-key ] || $PY -c "import secrets; print(secrets.token_hex(32))" > var/limits-key
  LIMITS_KEY=$(cat var/limits-key); export LIMITS_KEY
fi
# nginx is the one proxy in front: it sets the scheme and appends the client's address.
export BEHIND_PROXY=true TRUSTED_PROXY_COUNT=${TRUSTED_PROXY_COUNT:-1}
export EMAIL_BACKEND=${EMAIL_BACKEND:-django.core.mail.backends.smtp.EmailBackend}
HTTPS_PORT=${HTTPS_PORT:-8443}
HTTP_PORT=${HTTP_PORT:-8080}
LISTEN=${LISTEN:-127.0.0.1}
# The address links in mails point to (required in production, https).
if [ "$HTTPS_PORT" = 443 ]; then site_port=""; else site_port=":$HTTPS_PORT"; fi
export SITE_URL=${SITE_URL:-https://localhost$site_port}
# On loopback, no HSTS: a browser would then refuse plain http on localhost, `make run` too.
case "$LISTEN" in 127.*|localhost) export SECURE_HSTS_SECONDS=${SECURE_HSTS_SECONDS:-0} ;; esac

$PY manage.py migrate --noinput -v 0
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput -v 0
$PY manage.py schedule_maintenance
socket="$PWD/var/run/gunicorn.sock"
conf=$($PY scripts/nginx_config.py --standalone --self-signed --output var/nginx \
  --https-listen "$LISTEN:$HTTPS_PORT" --http-listen "$LISTEN:$HTTP_PORT" --upstream "unix:$socket")

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT INT TERM
$PY manage.py db_worker --no-reload &
pids+=($!)
.venv/bin/gunicorn jedisstop.wsgi --workers "${WEB_CONCURRENCY:-4}" --bind "unix:$socket" \
  --timeout 60 --max-requests 2000 --max-requests-jitter 200 &
pids+=($!)
NGINX=$(PATH="$PATH:/usr/sbin:/sbin" command -v nginx)
"$NGINX" -p "$PWD/var/nginx" -c "$conf" -e "$PWD/var/nginx/error.log" &
pids+=($!)
echo "Serving on https://localhost:$HTTPS_PORT/ (nginx, self-signed certificate for loopback;" \
     "http://localhost:$HTTP_PORT/ redirects) with ${WEB_CONCURRENCY:-4} gunicorn workers. Ctrl+C stops."
wait -n
