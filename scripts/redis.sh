#!/usr/bin/env bash
# A throwaway Redis (Debian's redis-server) for the tests and `make bench`: production keeps its cache in Redis
# (REDIS_URL, bdt_site/settings/production.py). Nothing is written to disk; everything lives in REDIS_DIR.
#
# usage: scripts/redis.sh {start|stop}
#   start   install redis-server with apt-get if missing, stop a Redis left running from REDIS_DIR, start a new
#           one on 127.0.0.1:REDIS_PORT and wait until it answers; the last line of stdout is its URL
#           (redis://127.0.0.1:PORT/0). A Redis that does not start is a clear error (exit 1, its log on stderr).
#   stop    stop the Redis started from REDIS_DIR and delete that directory
# env: REDIS_PORT (6390), REDIS_DIR (/tmp/bdt-redis-$REDIS_PORT: pid, log, socket-free working directory).
set -euo pipefail

REDIS_PORT=${REDIS_PORT:-6390}
REDIS_DIR=${REDIS_DIR:-/tmp/bdt-redis-$REDIS_PORT}

die() { echo "redis.sh: ERROR: $*" >&2; exit 1; }

redis_bin() {
  command -v redis-server 2>/dev/null || { [ -x /usr/bin/redis-server ] && echo /usr/bin/redis-server; } || return 1
}

install_redis() {
  redis_bin >/dev/null && return
  bash "$(dirname "${BASH_SOURCE[0]}")/install-package.sh" redis-server || die "redis-server could not be installed"
  redis_bin >/dev/null || die "redis-server was installed but no redis-server binary was found"
}

# Answers PONG? (redis-cli when there, else the protocol by hand over bash's /dev/tcp)
ping() {
  if command -v redis-cli >/dev/null; then
    [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null
  fi
}

stop() {
  if [ -f "$REDIS_DIR/redis.pid" ]; then
    local pid
    pid=$(cat "$REDIS_DIR/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

start() {
  install_redis
  stop
  rm -rf "$REDIS_DIR"
  (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && die "port $REDIS_PORT is already in use (set REDIS_PORT)"
  mkdir -p "$REDIS_DIR"
  "$(redis_bin)" --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --save "" --appendonly no \
    --maxmemory 256mb --maxmemory-policy allkeys-lru \
    || { tail -n 20 "$REDIS_DIR/redis.log" >&2 2>/dev/null || true; die "redis-server did not start"; }
  for _ in $(seq 1 50); do
    if [ -f "$REDIS_DIR/redis.pid" ] && kill -0 "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null && ping; then
      echo "redis://127.0.0.1:$REDIS_PORT/0"
      return
    fi
    sleep 0.1
  done
  tail -n 20 "$REDIS_DIR/redis.log" >&2 2>/dev/null || true
  die "Redis is not answering on 127.0.0.1:$REDIS_PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop; rm -rf "$REDIS_DIR" ;;
  *) echo "usage: $0 {start|stop}" >&2; exit 2 ;;
esac
