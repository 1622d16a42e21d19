#!/usr/bin/env bash
# `make soak`: the load and fault tests (tests/test_soak.py, tests/test_health.py) on SQLite, then on a throwaway
# PostgreSQL that is restarted mid-run. env: PG_PORT (default 54349).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=bdt_site.settings.test PG_PORT=${PG_PORT:-54349}
trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
echo "== Soak on SQLite =="
$PY -m pytest -q tests/test_soak.py tests/test_health.py "$@"
echo "== Soak on PostgreSQL (restarted mid-run) =="
DATABASE_URL=$(bash scripts/postgres.sh start | tail -n 1) $PY -m pytest -q tests/test_soak.py tests/test_health.py "$@"
