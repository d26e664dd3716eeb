#!/usr/bin/env bash
# A PostgreSQL server on 127.0.0.1:5432 with a role that may create databases.
# Installs Debian's postgresql if absent, starts the cluster, creates role and database.
# Idempotent and quick when everything is already there.
set -eu
PGUSER_NAME=${PG_TEST_USER:-jedisstop}
PGPASS=${PG_TEST_PASSWORD:-jedisstop}
PGDB=${PG_TEST_DB:-jedisstop}
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing Debian's postgresql…"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    $SUDO pg_createcluster "$version" main >/dev/null
  fi
  $SUDO pg_ctlcluster "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$PGUSER_NAME'" | grep -q 1 ||
  as_postgres psql -qc "CREATE ROLE $PGUSER_NAME LOGIN CREATEDB PASSWORD '$PGPASS'"
as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$PGDB'" | grep -q 1 ||
  as_postgres psql -qc "CREATE DATABASE $PGDB OWNER $PGUSER_NAME"
