#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 server for the test suite.
# usage: scripts/postgres.sh {start|stop|url}   (env: PG_PORT=54329, PG_DIR=/tmp/bdt-postgres-$PG_PORT)
# `start` prints the DATABASE_URL as its last line. initdb refuses to run as root, so as root the server
# runs as the `postgres` system user.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-54329}
PG_DIR=${PG_DIR:-/tmp/bdt-postgres-$PG_PORT}
URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"

die() { echo "postgres.sh: ERROR: $*" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || die "cannot create the postgres user"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 server binaries not found in $PG_BIN (install postgresql-15)"
  if [ -f "$PG_DIR/data/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    echo "$URL"; return
  fi
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres "$PG_DIR"; }
  as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { tail -n 40 "$PG_DIR/server.log" >&2 || true; die "the PostgreSQL server did not start on port $PG_PORT"; }
  echo "$URL"
}

stop() {
  if [ -d "$PG_DIR/data" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 {start|stop|url}" >&2; exit 2 ;;
esac
