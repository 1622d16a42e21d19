#!/usr/bin/env bash
# `make bench` (not a test): the production profile on a throwaway PostgreSQL and Redis, measured with wrk on
# loopback. Pages: home, catalogue (with/without filters), a training, an event, search; each from gunicorn
# ("uncached": Django keeps no pages, facet counts and result ids come from the results cache, as in
# production), from a gunicorn with the results cache off ("cold", as for the first visitor after a publish,
# once the task worker has prepared the unfiltered listings: `manage.py prepare_listings` before measuring),
# through the shipped deploy/nginx.conf (scripts/nginx.sh: its one-second cache, and its log of every search
# request, written to var/bench/shipped-nginx/logs/searches.log as in production and deleted with nginx's
# directory at the end), and as a static file served by nginx (the ceiling). Search is measured on each
# backend: the database and OpenSearch (gunicorns of their own). The catalogue is also measured cold and
# uncached with 1,000 and 50,000 trainings (before and after the 10,000 of the full table): prints a table per
# size and one of the catalogue by size, and writes var/bench/size-<N>.json and var/bench/latest.json (10,000).
# env: BENCH_DURATION (s, default 10), PG_PORT (54349), OPENSEARCH_PORT (9270), REDIS_PORT (6349),
# BENCH_PORT (8349: gunicorn; +1 nginx (shipped configuration), +2 nginx static, +3 gunicorn with OpenSearch,
# +4 and +5 the same two with the results cache off, +6 the shipped nginx's port-80 redirect).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PG_PORT=${PG_PORT:-54349} REDIS_PORT=${REDIS_PORT:-6349}
BENCH_PORT=${BENCH_PORT:-8349}
OUT=var/bench
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
if ! need wrk || ! need nginx; then
  echo "Installing wrk and nginx (apt-get)..."
  apt-get install -y wrk nginx-light >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk nginx-light >/dev/null; }
fi

PIDS=()
ENGINE_PID=""
NGINX_CONF="$PWD/$OUT/nginx.conf"
export OPENSEARCH_PORT=${OPENSEARCH_PORT:-9270}
# The shipped nginx (scripts/nginx.sh), without its general access log: as fast as production can be (the
# search location still writes its searches log, buffered, as in production).
export NGINX_PORT=$((BENCH_PORT + 1)) NGINX_REDIRECT_PORT=$((BENCH_PORT + 6)) NGINX_UPSTREAM=127.0.0.1:$BENCH_PORT
export NGINX_DIR="$PWD/$OUT/shipped-nginx" NGINX_ACCESS_LOG=off
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx.pid" ] && nginx -c "$NGINX_CONF" -p "$PWD/$OUT" -s stop 2>/dev/null || true
  bash scripts/nginx.sh stop >/dev/null 2>&1 || true
  bash scripts/postgres.sh stop >/dev/null 2>&1 || true
  bash scripts/opensearch.sh stop >/dev/null 2>&1 || true
  bash scripts/redis.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

DATABASE_URL=$(bash scripts/postgres.sh start | tail -n 1)
REDIS_URL=$(bash scripts/redis.sh start | tail -n 1)
export DATABASE_URL REDIS_URL
export DJANGO_SETTINGS_MODULE=bdt_site.settings.production
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY DEBUG=False ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=False
export SECURE_HSTS_SECONDS=0 CONN_MAX_AGE=60 LOG_LEVEL=WARNING
export STATIC_ROOT="$PWD/var/static" SERVE_MEDIA=True
echo "PostgreSQL: $DATABASE_URL  Redis: $REDIS_URL"
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
# The engine's indexes, made with their mappings before anything is added to them (as a deployment does): an
# index that the first update creates gets OpenSearch's guessed mapping, without the stored pk searches read.
if [ -n "$ENGINE_URL" ]; then $PY manage.py update_index -v0; fi
$PY manage.py collectstatic --noinput -v0
$PY manage.py compilemessages --ignore='.venv/*' --ignore='.cache/*' -v0 || true
$PY manage.py load_demo_content
$PY manage.py worker --batch -v0  # what the task worker does after the load: the engines' index updates
# The catalogue is measured cold at three sizes: 1,000 trainings first, then 10,000 (with 1,000 events and 500
# role models: every page measured), then 50,000 (the extra 40,000 not indexed for search: the catalogue
# without words does not search). Each time the unfiltered listings are prepared first, as the task worker
# does after every change of content.
echo "Seeding benchmark data (this takes a while)..."
$PY manage.py seed_benchmark --trainings 1000

# gunicorn PORT NAME [VAR=VALUE...]: a gunicorn with 2 workers on PORT, its log in $OUT/gunicorn-NAME.log.
gunicorn() {
  local port=$1 name=$2
  shift 2
  env WEB_CONCURRENCY=2 GUNICORN_BIND=127.0.0.1:$port "$@" \
    $PY -m gunicorn -c bdt_site/gunicorn.conf.py --access-logfile /dev/null >"$OUT/gunicorn-$name.log" 2>&1 &
  PIDS+=($!)
}
gunicorn "$BENCH_PORT" database SEARCH_BACKEND=database
gunicorn $((BENCH_PORT + 4)) database-cold SEARCH_BACKEND=database RESULTS_CACHE_SECONDS=0
if [ -n "$ENGINE_URL" ]; then
  gunicorn $((BENCH_PORT + 3)) engine
  gunicorn $((BENCH_PORT + 5)) engine-cold RESULTS_CACHE_SECONDS=0
  ENGINE_PID=${PIDS[-1]}
fi
for port in $BENCH_PORT $((BENCH_PORT + 4)) ${ENGINE_PID:+$((BENCH_PORT + 3)) $((BENCH_PORT + 5))}; do
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
done

mkdir -p "$OUT/static" "$OUT/cache"
sed -e "s#@OUT@#$PWD/$OUT#g" -e "s#@STATIC_PORT@#$((BENCH_PORT + 2))#g" scripts/bench/nginx.conf.in >"$NGINX_CONF"
nginx -c "$NGINX_CONF" -p "$PWD/$OUT"
bash scripts/nginx.sh start >/dev/null

printf '%s\n' "${SKIPPED[@]}" >"$OUT/skipped.txt"
# measure SIZE [run.py arguments]: the pages of run.py (all, or --only the catalogue) at SIZE trainings.
measure() {
  local size=$1
  shift
  $PY manage.py prepare_listings
  $PY scripts/bench/run.py --gunicorn "http://127.0.0.1:$BENCH_PORT" --cold "http://127.0.0.1:$((BENCH_PORT + 4))" \
    --proxy "http://127.0.0.1:$((BENCH_PORT + 1))" --static "http://127.0.0.1:$((BENCH_PORT + 2))" \
    ${ENGINE_PID:+--engine "http://127.0.0.1:$((BENCH_PORT + 3))" --engine-cold "http://127.0.0.1:$((BENCH_PORT + 5))"} \
    --static-dir "$OUT/static" --duration "${BENCH_DURATION:-10}" --skipped "$OUT/skipped.txt" \
    --size "$size" --json "$OUT/size-$size.json" "$@"
}
measure 1000 --only catalogue
$PY manage.py seed_benchmark --trainings 9000 --events 1000 --role-models 500
measure 10000
cp "$OUT/size-10000.json" "$OUT/latest.json"
$PY manage.py seed_benchmark --trainings 40000 --no-index
measure 50000 --only catalogue
$PY scripts/bench/run.py --sizes "$OUT"/size-1000.json "$OUT"/size-10000.json "$OUT"/size-50000.json
