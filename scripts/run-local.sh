#!/usr/bin/env bash
# The local run: the task worker in the background, the development server in front.
# Both stop together (Ctrl+C).
set -eu
PORT=${PORT:-8000}
PY=.venv/bin/python
$PY manage.py db_worker --no-reload &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo
echo "Je dis STOP! is running at http://localhost:$PORT/  (staff: http://localhost:$PORT/fr/admin/ ; passkeys need localhost, not 127.0.0.1)"
echo "Press Ctrl+C to stop."
$PY manage.py runserver "127.0.0.1:$PORT"
