# Je dis STOP! — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip --disable-pip-version-check -q
PORT ?= 8000
PG_TEST_URL ?= postgres://jedisstop:jedisstop@127.0.0.1:5432/jedisstop
PYTEST_ARGS ?=
# The unit and database tests on both cores (pytest-xdist); the browser tests alone.
XDIST ?= -n 2
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: help run test lint messages check-messages test-sqlite test-postgres test-browser \
        setup setup-dev chromium postgres nginx wrk serve bench soak css makemessages clean backup \
        restore

help:
	@echo "make run   — set up and serve the site with demo content at http://127.0.0.1:$(PORT)/"
	@echo "make test  — set up and run every check (lint, migrations, translations, SQLite, PostgreSQL, browser)"

# --- Set-up (each step is skipped when already done) -------------------------------

$(VENV)/.created:
	@py=$$(scripts/find-python.sh); echo "Using $$py ($$($$py --version))"; \
	  $$py -m venv $(VENV); \
	  $(PIP) install --upgrade pip
	@touch $@

$(VENV)/.runtime: $(VENV)/.created requirements.txt
	@scripts/ensure-pdf-libs.sh
	$(PIP) install -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt requirements-s3.txt
	$(PIP) install -r requirements-dev.txt
	@touch $@

setup: $(VENV)/.runtime messages
setup-dev: $(VENV)/.dev messages

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	msgfmt --check -o $@ $<

messages: $(MO_FILES)

chromium:
	@scripts/ensure-chromium.sh

postgres:
	@scripts/ensure-postgres.sh

nginx:
	@scripts/ensure-apt.sh nginx nginx

wrk:
	@scripts/ensure-apt.sh wrk wrk

# --- The local site ---------------------------------------------------------------

run: setup
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo
	$(PY) manage.py schedule_maintenance
	@PORT=$(PORT) scripts/run-local.sh

# Production-like: nginx (TLS, static files, public pages cached) in front of gunicorn, the task
# worker, PostgreSQL (see README "Running in production"). HTTPS_PORT=8443 HTTP_PORT=8080.
serve: setup postgres nginx
	@scripts/serve.sh

# Figures (see README "Performance"): nginx in front of the production-like server, 20,000
# reports, measured with wrk against the machine's limit (nginx sending a static file).
bench: setup-dev postgres nginx wrk
	$(PY) scripts/bench.py
	$(PY) scripts/bench_photos.py
	$(PY) scripts/bench_grant.py

soak: setup-dev postgres
	$(PY) scripts/soak.py

# Encrypted backup of the database and every file; restore into an empty site (README "Backups").
backup: setup
	$(PY) manage.py backup

restore: setup
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=var/backups/….backup"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)"

# --- Tests ------------------------------------------------------------------------

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-messages: setup-dev
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_po.py

test-sqlite: setup-dev
	$(VENV)/bin/pytest -m "not browser" $(XDIST) $(PYTEST_ARGS)

test-postgres: setup-dev postgres nginx
	DATABASE_URL=$(PG_TEST_URL) $(VENV)/bin/pytest -m "not browser" $(XDIST) $(PYTEST_ARGS)

test-browser: setup-dev chromium
	$(VENV)/bin/pytest -m browser -p no:xdist $(PYTEST_ARGS)

test: setup-dev chromium postgres nginx lint check-messages test-sqlite test-postgres test-browser
	@echo "make test: all green"

# --- Maintenance ------------------------------------------------------------------

makemessages: setup-dev
	$(PY) manage.py makemessages -l fr -l nl --no-location --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var

css:
	npm install --no-audit --no-fund
	npm run build:css

clean:
	rm -rf $(VENV) var $(MO_FILES)
