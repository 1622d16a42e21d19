#!/usr/bin/env bash
# `make bench` (not a test): the production profile on a throwaway PostgreSQL, measured with wrk on loopback.
# Pages: home, catalogue (with/without filters), a training, an event, search; each uncached (page cache
# bypassed), from the page cache, through the nginx proxy cache, and as a static file served by nginx (the
# ceiling). "uncached" bypasses the page cache only (facet counts and result ids of listings and search stay
# cached, as in production); "cold" recomputes those too, as for the first visitor after a publish. Search
# is measured on each backend: the database and OpenSearch (a second gunicorn). Prints a table and writes
# var/bench/latest.json. env: BENCH_DURATION (s, default 10), PG_PORT (54349), OPENSEARCH_PORT (9270),
# BENCH_PORT (8349: gunicorn; +1 nginx proxy, +2 nginx static, +3 gunicorn with OpenSearch).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PG_PORT=${PG_PORT:-54349}
BENCH_PORT=${BENCH_PORT:-8349}
OUT=var/bench
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
if ! need wrk || ! need nginx; then
  echo "Installing wrk and nginx (apt-get)..."
  apt-get install -y wrk nginx-light >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk nginx-light >/dev/null; }
fi

GUNICORN_PID=""
ENGINE_PID=""
NGINX_CONF="$PWD/$OUT/nginx.conf"
export OPENSEARCH_PORT=${OPENSEARCH_PORT:-9270}
cleanup() {
  for pid in $GUNICORN_PID $ENGINE_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx.pid" ] && nginx -c "$NGINX_CONF" -p "$PWD/$OUT" -s stop 2>/dev/null || true
  bash scripts/postgres.sh stop >/dev/null 2>&1 || true
  bash scripts/opensearch.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

DATABASE_URL=$(bash scripts/postgres.sh start | tail -n 1)
export DATABASE_URL
export DJANGO_SETTINGS_MODULE=bdt_site.settings.production
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY DEBUG=False ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=False
export SECURE_HSTS_SECONDS=0 PAGE_CACHE_ALLOW_BYPASS=True CONN_MAX_AGE=60 LOG_LEVEL=WARNING
export STATIC_ROOT="$PWD/var/static" SERVE_MEDIA=True
echo "PostgreSQL: $DATABASE_URL"
SKIPPED=()
ENGINE_URL=""
if ENGINE_URL=$(bash scripts/opensearch.sh start | tail -n 1); then
  echo "OpenSearch: $ENGINE_URL"
  # Loading and seeding index into the database backend and into OpenSearch.
  export SEARCH_BACKEND=opensearch2 SEARCH_URL=$ENGINE_URL SEARCH_INDEX_PREFIX=bench
else
  ENGINE_URL=""
  SKIPPED+=("OpenSearch did not start (see above): search measured on the database backend only")
fi

$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0
$PY manage.py compilemessages --ignore='.venv/*' --ignore='.cache/*' -v0 || true
$PY manage.py load_demo_content
if $PY manage.py help seed_benchmark >/dev/null 2>&1; then
  echo "Seeding benchmark data (this takes a while)..."
  $PY manage.py seed_benchmark --trainings 10000 --events 1000 --role-models 500 \
    || { echo "seed_benchmark failed with all options; retrying with --trainings 10000 only"; \
         $PY manage.py seed_benchmark --trainings 10000 \
         || SKIPPED+=("seed_benchmark did not complete (see above): events/role models not seeded"); }
else
  SKIPPED+=("seed_benchmark: command not available yet, measured on the demo content only")
fi

WEB_CONCURRENCY=2 GUNICORN_BIND=127.0.0.1:$BENCH_PORT SEARCH_BACKEND=database \
  $PY -m gunicorn -c bdt_site/gunicorn.conf.py --access-logfile /dev/null >"$OUT/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
if [ -n "$ENGINE_URL" ]; then
  WEB_CONCURRENCY=2 GUNICORN_BIND=127.0.0.1:$((BENCH_PORT + 3)) \
    $PY -m gunicorn -c bdt_site/gunicorn.conf.py --access-logfile /dev/null >"$OUT/gunicorn-engine.log" 2>&1 &
  ENGINE_PID=$!
fi
for port in $BENCH_PORT ${ENGINE_PID:+$((BENCH_PORT + 3))}; do
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
done

mkdir -p "$OUT/static" "$OUT/cache"
sed -e "s#@OUT@#$PWD/$OUT#g" -e "s#@UPSTREAM@#127.0.0.1:$BENCH_PORT#g" \
  -e "s#@PROXY_PORT@#$((BENCH_PORT + 1))#g" -e "s#@STATIC_PORT@#$((BENCH_PORT + 2))#g" \
  scripts/bench/nginx.conf.in >"$NGINX_CONF"
nginx -c "$NGINX_CONF" -p "$PWD/$OUT"

printf '%s\n' "${SKIPPED[@]}" >"$OUT/skipped.txt"
$PY scripts/bench/run.py --gunicorn "http://127.0.0.1:$BENCH_PORT" \
  --proxy "http://127.0.0.1:$((BENCH_PORT + 1))" --static "http://127.0.0.1:$((BENCH_PORT + 2))" \
  --static-dir "$OUT/static" ${ENGINE_PID:+--engine "http://127.0.0.1:$((BENCH_PORT + 3))"} --duration "${BENCH_DURATION:-10}" --skipped "$OUT/skipped.txt" \
  --json "$OUT/latest.json"
