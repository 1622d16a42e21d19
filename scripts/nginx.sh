#!/usr/bin/env bash
# Run the shipped deploy/nginx.conf (with deploy/bdt_proxy_params and deploy/bdt_page_cache) in front of a local
# gunicorn, for the tests and `make bench`.
# The configuration is the shipped file with only its deployment-specific values substituted: listen ports,
# the gunicorn address, the /srv/bdt/ paths, the proxy cache path and the directory of the searches log
# (/var/log/bdt/ -> NGINX_DIR/logs/: searches are written to NGINX_DIR/logs/searches.log, for
# `manage.py count_edge_searches --log`); the certificate lines are dropped (plain HTTP on loopback). Every
# location block stays as shipped. nginx-light is installed with apt-get if missing.
#
# usage: scripts/nginx.sh {start|stop|config}
#   start   install nginx if needed, write the configuration, check it (nginx -t) and start nginx; the last
#           line of stdout is the site's URL. An nginx already running from NGINX_DIR is stopped first.
#   stop    stop the nginx started from NGINX_DIR and delete that directory
#   config  write the configuration only; prints the path of its main file
# env: NGINX_PORT (8390: the shipped HTTPS server), NGINX_REDIRECT_PORT (NGINX_PORT+1: the shipped port-80
#      redirect), NGINX_UPSTREAM (gunicorn, 127.0.0.1:8000; several addresses, separated by spaces or commas,
#      make the upstream pool: one `server` line each, with the shipped parameters), MEDIA_ROOT
#      (<repo>/media), STATIC_ROOT (<repo>/var/static), NGINX_DIR (/tmp/bdt-nginx-$NGINX_PORT: generated
#      configuration, pid, logs, cache, temporary files), NGINX_ACCESS_LOG (on: the access log in
#      NGINX_DIR/logs; off for benchmarks; the searches log is written either way, as in production).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

NGINX_PORT=${NGINX_PORT:-8390}
NGINX_REDIRECT_PORT=${NGINX_REDIRECT_PORT:-$((NGINX_PORT + 1))}
NGINX_UPSTREAM=${NGINX_UPSTREAM:-127.0.0.1:8000}
MEDIA_ROOT=${MEDIA_ROOT:-$REPO_ROOT/media}
STATIC_ROOT=${STATIC_ROOT:-$REPO_ROOT/var/static}
NGINX_DIR=${NGINX_DIR:-/tmp/bdt-nginx-$NGINX_PORT}
NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-on}
CONF="$NGINX_DIR/nginx.conf"

die() { echo "nginx.sh: ERROR: $*" >&2; exit 1; }

nginx_bin() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || return 1
}

install_nginx() {
  nginx_bin >/dev/null && return
  bash "$(dirname "${BASH_SOURCE[0]}")/install-package.sh" nginx-light || die "nginx-light could not be installed"
  nginx_bin >/dev/null || die "nginx-light was installed but no nginx binary was found"
}

write_config() {
  local shipped="$REPO_ROOT/deploy/nginx.conf" servers="" address
  # The shipped `server 127.0.0.1:8000 ...;` line becomes one line per address of NGINX_UPSTREAM (sed: \1 is
  # its indentation, \2 its parameters).
  for address in ${NGINX_UPSTREAM//,/ }; do
    servers+="${servers:+\n}\1server $address\2;"
  done
  [ -n "$servers" ] || die "NGINX_UPSTREAM names no address"
  mkdir -p "$NGINX_DIR"/{cache,temp,logs}
  cp "$REPO_ROOT/deploy/bdt_proxy_params" "$REPO_ROOT/deploy/bdt_page_cache" "$NGINX_DIR/"
  sed -e "s#^\(\s*\)listen 80;#\1listen 127.0.0.1:$NGINX_REDIRECT_PORT;#" \
    -e "s#^\(\s*\)listen 443 ssl http2;#\1listen 127.0.0.1:$NGINX_PORT;#" \
    -e "/^\s*ssl_certificate/d" \
    -e "s#^\(\s*\)server 127\.0\.0\.1:8000\( [^;]*\)\?;#$servers#" \
    -e "s#/var/cache/nginx/bdt#$NGINX_DIR/cache/bdt#" \
    -e "s#/var/log/bdt/#$NGINX_DIR/logs/#" \
    -e "s#/etc/nginx/bdt_proxy_params#$NGINX_DIR/bdt_proxy_params#" \
    -e "s#/etc/nginx/bdt_page_cache#$NGINX_DIR/bdt_page_cache#" \
    -e "s#/srv/bdt/var/static/#${STATIC_ROOT%/}/#" \
    -e "s#/srv/bdt/media/#${MEDIA_ROOT%/}/#" \
    "$shipped" >"$NGINX_DIR/bdt.conf"
  # Anything the substitutions missed would still point at the production machine: refuse to run it.
  if grep -vE "^\s*#" "$NGINX_DIR/bdt.conf" | grep -nE "/srv/|/etc/letsencrypt|/var/cache/|/var/log/|\bssl\b|listen (80|443)\b" >&2; then
    die "deploy/nginx.conf has values scripts/nginx.sh does not substitute (above): update write_config"
  fi
  # The main file: what /etc/nginx/nginx.conf gives the site in production, with everything under NGINX_DIR.
  # As root, the workers run as the invoking user, so they read MEDIA_ROOT wherever it is.
  cat >"$CONF" <<EOF
user $(id -un) $(id -gn);
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    # When and how each request was answered: from the cache or not (and why), by which app server.
    log_format bdt_edge '\$msec "\$request" \$status cache=\$upstream_cache_status upstream=\$upstream_addr '
                        '(\$upstream_status, \$upstream_response_time s)';
    access_log $( [ "$NGINX_ACCESS_LOG" = off ] && echo off || echo "$NGINX_DIR/logs/access.log bdt_edge" );
    client_body_temp_path $NGINX_DIR/temp/body;
    proxy_temp_path $NGINX_DIR/temp/proxy;
    fastcgi_temp_path $NGINX_DIR/temp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/temp/uwsgi;
    scgi_temp_path $NGINX_DIR/temp/scgi;
    include $NGINX_DIR/bdt.conf;
}
EOF
}

stop() {
  local bin
  if [ -f "$NGINX_DIR/nginx.pid" ] && bin=$(nginx_bin); then
    "$bin" -e "$NGINX_DIR/logs/error.log" -c "$CONF" -p "$NGINX_DIR" -s quit 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$NGINX_DIR/nginx.pid" ] || break; sleep 0.1; done
    if [ -f "$NGINX_DIR/nginx.pid" ]; then
      kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
      sleep 0.2
    fi
  fi
}

start() {
  install_nginx
  local bin
  bin=$(nginx_bin)
  stop
  rm -rf "$NGINX_DIR"
  write_config
  "$bin" -t -q -e "$NGINX_DIR/logs/error.log" -c "$CONF" -p "$NGINX_DIR" 2>&1 >&2 || die "the generated configuration is invalid ($CONF)"
  "$bin" -e "$NGINX_DIR/logs/error.log" -c "$CONF" -p "$NGINX_DIR" || { tail -n 20 "$NGINX_DIR/logs/error.log" >&2 || true; die "nginx did not start"; }
  for _ in $(seq 1 50); do
    if [ -f "$NGINX_DIR/nginx.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null; then
      echo "http://127.0.0.1:$NGINX_PORT"
      return
    fi
    sleep 0.1
  done
  tail -n 20 "$NGINX_DIR/logs/error.log" >&2 || true
  die "nginx is not listening on 127.0.0.1:$NGINX_PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop; rm -rf "$NGINX_DIR" ;;
  config) write_config; echo "$CONF" ;;
  *) echo "usage: $0 {start|stop|config}" >&2; exit 2 ;;
esac
