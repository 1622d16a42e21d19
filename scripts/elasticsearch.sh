#!/usr/bin/env bash
# Fetch and run a real, local, single-node Elasticsearch 7.10.2 for the test suite.
# No Docker needed: the node is embedded in one JVM by codelibs' elasticsearch-cluster-runner 7.10.2.0
# (Maven Central, see scripts/elasticsearch/pom.xml; the last runner version published there), started by
# scripts/elasticsearch/BdtElasticsearchNode.java (compiled with javac after the download), which pins the
# HTTP port and loads only the modules the search needs (about 11 s to start). Needs Java 17+ (JDK: javac),
# Maven, curl.
#
# usage: scripts/elasticsearch.sh {fetch|start|stop|url}
#   fetch  download the jars into $ELASTICSEARCH_HOME/lib and compile the starter (once; no-op afterwards)
#   start  fetch if needed, start the node in the background, wait until the
#          cluster is yellow; the last line of stdout is the node URL.
#          No-op (prints the URL) if this node is already running.
#   stop   stop the node and delete its data directory
#   url    print the node URL
#
# Environment:
#   ELASTICSEARCH_HOME        default <repo>/.cache/elasticsearch (jars, pid, log, data)
#   ELASTICSEARCH_PORT        the node's HTTP port, default 9260 (http://127.0.0.1:9260), bound to
#                             localhost only, plain http. The transport port is picked by Elasticsearch
#                             (9300-9400).
#   ELASTICSEARCH_JAVA_OPTS   default "-Xms512m -Xmx512m"
#   ELASTICSEARCH_START_TIMEOUT  seconds to wait for yellow health, default 120
#   JAVA, JAVAC, MVN          java / javac / mvn executables (default from PATH)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

NAME="Elasticsearch"
SCRIPT="elasticsearch.sh"
USAGE="usage: scripts/elasticsearch.sh {fetch|start|stop|url}  (env: ELASTICSEARCH_PORT=9260 -> node on http://127.0.0.1:9260, ELASTICSEARCH_HOME=<repo>/.cache/elasticsearch)"
POM="$SCRIPT_DIR/elasticsearch/pom.xml"
STARTER="$SCRIPT_DIR/elasticsearch/BdtElasticsearchNode.java"
FETCH_INPUTS=("$STARTER")
RUNNER_JAR="elasticsearch-cluster-runner-*.jar"
MAIN_CLASS="BdtElasticsearchNode"
NODE_HOME="${ELASTICSEARCH_HOME:-$REPO_ROOT/.cache/elasticsearch}"
KEY="${ELASTICSEARCH_PORT:-9260}"
JAVA_OPTS="${ELASTICSEARCH_JAVA_OPTS:--Xms512m -Xmx512m}"
START_TIMEOUT="${ELASTICSEARCH_START_TIMEOUT:-120}"
JAVA="${JAVA:-java}"
JAVAC="${JAVAC:-javac}"
MVN="${MVN:-mvn}"
# shellcheck source=scripts/lib/search-node.sh
source "$SCRIPT_DIR/lib/search-node.sh"

[[ "$KEY" =~ ^[0-9]+$ ]] || die "ELASTICSEARCH_PORT must be a number, got '$KEY'"
((KEY >= 1024 && KEY <= 65535)) || die "ELASTICSEARCH_PORT must be between 1024 and 65535, got $KEY"
NODE_PORT=$KEY

# The starter class is compiled next to the jars (javac: no Maven compiler plugin needed).
after_fetch() {
    local lib="$1"
    command -v "$JAVAC" >/dev/null 2>&1 || die "javac ('$JAVAC') not found: a JDK 17+ is needed"
    mkdir -p "$lib/classes"
    "$JAVAC" --release 11 -cp "$lib/*" -d "$lib/classes" "$STARTER"
}

launch_command() {
    # The 7.17 Python client refuses a server that does not say it is the "default" distribution.
    LAUNCH=(-Des.distribution.flavor=default -cp "$LIB_DIR/*:$LIB_DIR/classes" "$MAIN_CLASS" "$DATA_DIR" "$NODE_PORT")
}

search_node_main "$@"
