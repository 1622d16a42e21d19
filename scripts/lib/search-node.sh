# What scripts/opensearch.sh and scripts/elasticsearch.sh share: fetching a search engine's jars with Maven
# and running one local node of it in a JVM in the background (no Docker). Sourced, not run.
#
# The sourcing script sets:
#   NAME          the engine's name in messages ("OpenSearch")
#   SCRIPT        the script's name in messages ("opensearch.sh")
#   USAGE         its usage line
#   NODE_HOME     where the jars, pid, log and data live
#   KEY           what keeps two nodes of one home apart in file names (the port setting)
#   NODE_PORT     the node's HTTP port on 127.0.0.1
#   POM           the Maven manifest whose dependencies are the node's jars
#   RUNNER_JAR    a glob that must match in lib/ after the download
#   MAIN_CLASS    the Java class that runs the node (also how the node's process is recognised)
#   JAVA_OPTS, START_TIMEOUT, JAVA, MVN
# and defines launch_command (prints nothing; sets the array LAUNCH to the java command line after
# "$JAVA $JAVA_OPTS"); it may define after_fetch (run once after the jars are downloaded).
# Then it calls search_node_main "$@".

die() { echo "$SCRIPT: error: $*" >&2; exit 1; }
info() { echo "$SCRIPT: $*" >&2; }

search_node_init() {
    URL="http://127.0.0.1:${NODE_PORT}"
    LIB_DIR="$NODE_HOME/lib"
    DATA_DIR="$NODE_HOME/data-$KEY"
    PID_FILE="$NODE_HOME/${SCRIPT%.sh}-$KEY.pid"
    LOG_FILE="$NODE_HOME/${SCRIPT%.sh}-$KEY.log"
    FETCH_MARKER="$LIB_DIR/.fetched"
}

fetch_digest() { cat "$POM" "${FETCH_INPUTS[@]}" | sha256sum | cut -d' ' -f1; }

# Serialise concurrent invocations (e.g. parallel test workers) when flock exists.
take_lock() {
    mkdir -p "$NODE_HOME"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$NODE_HOME/.lock-$KEY"
        flock 9
    fi
}

cmd_fetch() {
    if [[ -f "$FETCH_MARKER" && "$(cat "$FETCH_MARKER")" == "$(fetch_digest)" ]]; then
        return 0
    fi
    command -v "$MVN" >/dev/null 2>&1 || die "maven ('$MVN') not found"
    mkdir -p "$NODE_HOME"
    local tmp="$NODE_HOME/lib.tmp.$$"
    rm -rf "$tmp"
    info "fetching $NAME jars into $LIB_DIR ..."
    local mvn_log="$NODE_HOME/fetch.log"
    if ! "$MVN" -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
        -DoutputDirectory="$tmp" >"$mvn_log" 2>&1; then
        cat "$mvn_log" >&2
        rm -rf "$tmp"
        die "maven could not download the dependencies of $POM (log: $mvn_log)"
    fi
    # shellcheck disable=SC2086  # RUNNER_JAR is a glob
    ls "$tmp"/$RUNNER_JAR >/dev/null 2>&1 || { rm -rf "$tmp"; die "$RUNNER_JAR missing after download"; }
    if declare -F after_fetch >/dev/null; then
        after_fetch "$tmp" || { rm -rf "$tmp"; die "could not prepare $tmp"; }
    fi
    fetch_digest >"$tmp/.fetched"
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
            echo "$SCRIPT: error: $NAME process (pid $pid) exited during startup. Last 40 lines of $LOG_FILE:" >&2
            tail -n 40 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            exit 1
        fi
        sleep 1
    done
    echo "$SCRIPT: error: $NAME did not reach yellow health at $URL within ${START_TIMEOUT}s. Last 40 lines of $LOG_FILE:" >&2
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
    # A runner may silently move to the next free port if NODE_PORT is taken, so refuse instead.
    if port_in_use "$NODE_PORT"; then
        die "port $NODE_PORT is already in use by another process; choose another port (see --help)"
    fi
    rm -rf "$DATA_DIR" # leftovers of a crashed run: always start from an empty node
    info "starting $NAME on $URL (log: $LOG_FILE)"
    launch_command
    # setsid: own session/process group, so `stop` can kill the whole group;
    # no stdio (nor the lock fd 9) is inherited, so callers capturing our output
    # do not hang and the lock is released when this script exits.
    # shellcheck disable=SC2086  # JAVA_OPTS is intentionally word-split
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "$JAVA" $JAVA_OPTS "${LAUNCH[@]}" \
        </dev/null >"$LOG_FILE" 2>&1 9>&- &
    local i started=$SECONDS
    for ((i = 0; i < 50; i++)); do
        [[ -s "$PID_FILE" ]] && break
        sleep 0.1
    done
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ -n "$pid" ]] || die "could not launch java (see $LOG_FILE)"
    wait_healthy "$pid"
    info "$NAME is up (pid $pid, $((SECONDS - started)) s)"
    echo "$URL"
}

cmd_stop() {
    take_lock
    local pid
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        info "stopping $NAME (pid $pid)"
        kill_node "$pid"
    else
        info "$NAME on port $NODE_PORT is not running"
    fi
    rm -f "$PID_FILE"
    rm -rf "$DATA_DIR"
}

search_node_main() {
    search_node_init
    case "${1:-}" in
        fetch) take_lock; cmd_fetch ;;
        start) cmd_start ;;
        stop) cmd_stop ;;
        url) echo "$URL" ;;
        -h | --help | help) echo "$USAGE" ;;
        *) echo "$USAGE" >&2; exit 2 ;;
    esac
}
