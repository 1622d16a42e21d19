#!/usr/bin/env bash
# The full suite, as `make test` and CI run it: static checks, then the tests on SQLite (with the browser,
# OpenSearch, nginx and Redis tests) and again on a throwaway PostgreSQL 15. Services are started here and
# stopped on exit; a service that cannot start fails the run with its own error message.
# `--fast` (`make test-fast`, for development): the same static checks, then the tests on the minimal site on
# SQLite, on both cores (pytest-xdist, each worker with its own media folder), without the tests that need the
# demo content or a service (browser, OpenSearch, nginx, Redis); no service is started.
# The full suite is two pytest sessions per database (tests/conftest.py): the tests marked `demo` (the browser
# tests among them) in one that loads the full demo content, all others in one on the minimal four-language
# site built by the factories. Both cores are kept busy. The full run takes the SQLite minimal-site session on
# both cores (the tests of the search engines grouped on one worker, those of production-profile servers on
# one) beside the PostgreSQL demo session, then the SQLite demo session beside the PostgreSQL minimal-site
# session (on both cores), then the tests marked `alone`. Each session ends with its slowest tests.
set -euo pipefail
FAST=0
if [ "${1:-}" = "--fast" ]; then FAST=1; shift; fi
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=bdt_site.settings.test
export PG_PORT=${PG_PORT:-54329} OPENSEARCH_PORT=${OPENSEARCH_PORT:-9250} REDIS_PORT=${REDIS_PORT:-6329}
export ELASTICSEARCH_PORT=${ELASTICSEARCH_PORT:-9260}

step() { printf '\n== %s == (%s)\n' "$*" "$(date -u +%T)"; }

# pytest's exit status, with "no test selected" (5) counted as success.
pytest_status() {
  local status=0
  "$PY" -m pytest --durations=12 --durations-min=5 "$@" || status=$?
  [ "$status" = 5 ] && status=0
  return "$status"
}

# with_demo yes|no MARKERS: the marker expression of one of the two sessions ("" for every marker).
with_demo() { local own; own=$([ "$1" = yes ] && echo demo || echo "not demo"); echo "$own${2:+ and ($2)}"; }

# The SQLite test databases are copies of one migrated once, here, while the static checks run and pytest
# starts (tests/conftest.py: TEST_SQLITE_TEMPLATE, which waits for the file). The copy is made with SQLite's
# backup API (which reads through WAL) and renamed when complete; on failure the log goes to $TEST_SQLITE_TEMPLATE.failed.
sqlite_template_dir=$(mktemp -d)
export TEST_SQLITE_TEMPLATE="$sqlite_template_dir/migrated.sqlite3"
(
  building="$sqlite_template_dir/building.sqlite3"
  if DATABASE_URL="sqlite:///$building" "$PY" manage.py migrate --noinput -v0 >"$sqlite_template_dir/log" 2>&1 \
    && "$PY" -c 'import sqlite3, sys; s, d = map(sqlite3.connect, sys.argv[1:]); s.backup(d); d.close(); s.close()' \
      "$building" "$TEST_SQLITE_TEMPLATE.part" >>"$sqlite_template_dir/log" 2>&1; then
    mv "$TEST_SQLITE_TEMPLATE.part" "$TEST_SQLITE_TEMPLATE"
  else
    mv "$sqlite_template_dir/log" "$TEST_SQLITE_TEMPLATE.failed"
  fi
) &
trap 'rm -rf "$sqlite_template_dir"' EXIT

step "Static checks"
.venv/bin/ruff check .
$PY scripts/check_imports.py
$PY manage.py check --fail-level WARNING
$PY manage.py makemigrations --check --dry-run >/dev/null || { echo "Models and migrations differ: run makemigrations." >&2; exit 1; }
for po in locale/*/LC_MESSAGES/django.po */locale/*/LC_MESSAGES/django.po; do
  [ -f "$po" ] || continue
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  case "$stats" in *untranslated*|*fuzzy*) echo "Incomplete translation: $po: $stats" >&2; exit 1 ;; esac
done

if [ "$FAST" = 1 ]; then
  step "Tests on the minimal site, SQLite, both cores (no demo content, browser, OpenSearch, nginx or Redis)"
  unset DATABASE_URL OPENSEARCH_URL ELASTICSEARCH_URL REDIS_URL
  markers="not browser and not opensearch and not elasticsearch and not nginx and not redis"
  pytest_status -m "$(with_demo no "$markers")" -n 2 --dist loadfile "$@"
  exit
fi

step "Services"
cleanup() {
  rm -rf "$sqlite_template_dir"
  bash scripts/opensearch.sh stop >/dev/null 2>&1 || true
  bash scripts/elasticsearch.sh stop >/dev/null 2>&1 || true
  bash scripts/postgres.sh stop >/dev/null 2>&1 || true
  bash scripts/redis.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
services=$(mktemp -d)
# started_in_background NAME: scripts/NAME.sh start, its output in $services/NAME.log, its status in NAME.status.
started_in_background() { (bash "scripts/$1.sh" start >"$services/$1.log" 2>&1; echo $? >"$services/$1.status") & }
# url_of NAME: the URL the service printed last; its log and a failure when it did not start.
url_of() {
  wait_for_file "$services/$1.status"
  if [ "$(cat "$services/$1.status")" != 0 ]; then cat "$services/$1.log" >&2; echo "$1 did not start" >&2; exit 1; fi
  tail -n 1 "$services/$1.log"
}
wait_for_file() { while [ ! -f "$1" ]; do sleep 0.2; done; }
# The search tests run against both engines (tests/engines.py; scripts/elasticsearch.sh: Elasticsearch 7.10.2),
# which start side by side once their jars are in place (fetched one after the other: one Maven at a time).
bash scripts/opensearch.sh fetch
bash scripts/elasticsearch.sh fetch
started_in_background opensearch
started_in_background elasticsearch
bash scripts/browser-setup.sh
DATABASE_URL_POSTGRES=$(bash scripts/postgres.sh start | tail -n 1)
# The PostgreSQL test databases are copies of one migrated once, here, while the SQLite tests run.
export TEST_DATABASE_TEMPLATE=bdt_test_template
# It is built under another name and renamed when migrated: a database of that name is ready to be copied
# (tests/servers.py: postgres_database() waits for it).
(
  status=0
  "$PY" - "$DATABASE_URL_POSTGRES" "$TEST_DATABASE_TEMPLATE" <<'PYTHON' || status=$?
import os, subprocess, sys
import psycopg
url, name = sys.argv[1], sys.argv[2]
server = psycopg.connect(url, autocommit=True)
server.execute(f"CREATE DATABASE {name}_building")
env = {**os.environ, "DATABASE_URL": f"{url.rsplit('/', 1)[0]}/{name}_building"}
subprocess.run([".venv/bin/python", "manage.py", "migrate", "--noinput", "-v0"], env=env, check=True)
server.execute(f"ALTER DATABASE {name}_building RENAME TO {name}")
PYTHON
  echo "$status" >"$services/template.status"
) >"$services/template.log" 2>&1 &
template_ready() {
  wait_for_file "$services/template.status"
  [ "$(cat "$services/template.status")" = 0 ] \
    || { cat "$services/template.log" >&2; echo "The PostgreSQL template database could not be migrated" >&2; return 1; }
}
# The Redis of the production-profile sites the nginx and Redis tests start (tests/servers.py: redis_server()).
REDIS_URL=$(bash scripts/redis.sh start | tail -n 1)
OPENSEARCH_URL=$(url_of opensearch)
ELASTICSEARCH_URL=$(url_of elasticsearch)
export OPENSEARCH_URL ELASTICSEARCH_URL REDIS_URL
# The PostgreSQL server on which the two-app-server test makes a database of its own (tests/test_cluster.py).
export POSTGRES_URL=$DATABASE_URL_POSTGRES
echo "OpenSearch: $OPENSEARCH_URL  Elasticsearch: $ELASTICSEARCH_URL  PostgreSQL: $DATABASE_URL_POSTGRES  Redis: $REDIS_URL"

status=0
# The nginx and Redis tests run their site on its own SQLite file whatever the suite's database, and the
# search-engine tests query the same nodes whatever database the pages come from: on SQLite only.
pg_markers="not browser and not nginx and not redis and not opensearch and not elasticsearch"
on_postgres() { DATABASE_URL=$DATABASE_URL_POSTGRES pytest_status "$@"; }
work=$(mktemp -d)
step "SQLite, minimal site (OpenSearch, Elasticsearch, nginx, Redis and cluster tests included), on both cores; beside it, PostgreSQL with the demo content"
(
  export MEDIA_ROOT="$work/media-postgres"
  template_ready && on_postgres -m "$(with_demo yes "$pg_markers")" -p no:cacheprovider "$@"
) >"$work/postgres-demo.log" 2>&1 &
postgres_demo=$!
# pytest-xdist: the tests of the search engines on one worker, those of production-profile servers (nginx, Redis)
# on one worker (the xdist_group marks of their modules), each other file whole.
pytest_status -m "not demo" -n 2 --dist loadgroup "$@" || status=1
# No later test searches an engine: their two JVMs would only take CPU from the tests below.
bash scripts/opensearch.sh stop >/dev/null 2>&1 || true
bash scripts/elasticsearch.sh stop >/dev/null 2>&1 || true

step "SQLite with the demo content (browser tests included); beside it, PostgreSQL, minimal site, on both cores"
(
  export MEDIA_ROOT="$work/media-sqlite"
  pytest_status -m demo -p no:cacheprovider "$@"
) >"$work/sqlite-demo.log" 2>&1 &
sqlite_demo=$!
template_ready || exit 1
on_postgres -m "$(with_demo no "$pg_markers and not alone")" -n 2 --dist loadfile "$@" || status=1
wait "$sqlite_demo" || status=1
wait "$postgres_demo" || status=1
printf '\n== PostgreSQL, demo content ==\n'
cat "$work/postgres-demo.log"
printf '\n== SQLite, demo content (browser tests included) ==\n'
cat "$work/sqlite-demo.log"
rm -rf "$work" "$services"

step "PostgreSQL: the tests marked alone"
# They restart the PostgreSQL server the other sessions use: last, on their own.
on_postgres -m "$(with_demo no "$pg_markers and alone")" "$@" || status=1
step "Done"
exit "$status"
