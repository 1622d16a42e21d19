#!/usr/bin/env bash
# Browser-test prerequisites, installable with no internet beyond package registries.
#
#   1. Debian's `chromium` at /usr/bin/chromium (Playwright's own browser
#      download is not reachable here; tests launch this binary instead).
#   2. axe-core (pinned, from the npm registry) at <repo>/.cache/axe/axe.min.js.
#   3. the Nu Html Checker (npm package vnu-jar, pinned; runs on the installed
#      Java) at <repo>/.cache/vnu/vnu.jar.
#
# Idempotent and silent when everything is already in place. Must run as root
# (or with a working sudo-less apt-get) for the chromium step.
set -euo pipefail

AXE_VERSION="4.14.1"
CHROMIUM_BIN="/usr/bin/chromium"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AXE_DIR="$REPO_ROOT/.cache/axe"
AXE_JS="$AXE_DIR/axe.min.js"
AXE_STAMP="$AXE_DIR/VERSION"
VNU_VERSION="26.9.27"
VNU_DIR="$REPO_ROOT/.cache/vnu"
VNU_JAR="$VNU_DIR/vnu.jar"
VNU_STAMP="$VNU_DIR/VERSION"

die() { echo "browser-setup: ERROR: $*" >&2; exit 1; }
log() { echo "browser-setup: $*" >&2; }

# --- 1. chromium ------------------------------------------------------------
if [[ ! -x "$CHROMIUM_BIN" ]]; then
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install Debian's 'chromium' package so $CHROMIUM_BIN exists"
    log "installing Debian package 'chromium'..."
    export DEBIAN_FRONTEND=noninteractive
    apt_install() { apt-get install -y -q --no-install-recommends chromium >/dev/null; }
    if ! apt_install; then
        log "install failed; running apt-get update and retrying..."
        apt-get update -q >/dev/null || die "apt-get update failed"
        apt_install || die "apt-get install chromium failed"
    fi
    [[ -x "$CHROMIUM_BIN" ]] || die "chromium package installed but $CHROMIUM_BIN is missing"
    log "installed: $("$CHROMIUM_BIN" --version 2>/dev/null || echo chromium)"
fi

# --- 3. the Nu Html Checker -------------------------------------------------------
install_vnu() {
    command -v java >/dev/null 2>&1 || die "java not found; the Nu Html Checker (vnu.jar) needs Java 11 or later"
    command -v npm >/dev/null 2>&1 || die "npm not found; needed to fetch vnu-jar@$VNU_VERSION"
    log "fetching vnu-jar@$VNU_VERSION from the npm registry..."
    local tmp
    tmp="$(mktemp -d)"
    ( cd "$tmp" && npm pack --silent "vnu-jar@$VNU_VERSION" >/dev/null ) \
        || { rm -rf "$tmp"; die "npm pack vnu-jar@$VNU_VERSION failed"; }
    tar -xzf "$tmp"/vnu-jar-*.tgz -C "$tmp" package/build/dist/vnu.jar \
        || { rm -rf "$tmp"; die "vnu.jar not found in the vnu-jar@$VNU_VERSION package"; }
    mkdir -p "$VNU_DIR"
    mv -f "$tmp/package/build/dist/vnu.jar" "$VNU_JAR.tmp" && mv -f "$VNU_JAR.tmp" "$VNU_JAR"
    rm -rf "$tmp"
    java -jar "$VNU_JAR" --version >/dev/null 2>&1 || die "$VNU_JAR does not run on $(java -version 2>&1 | head -n1)"
    echo "$VNU_VERSION" > "$VNU_STAMP"
    log "vnu-jar@$VNU_VERSION -> ${VNU_JAR#"$REPO_ROOT"/}"
}
if [[ ! -s "$VNU_JAR" || ! -f "$VNU_STAMP" || "$(cat "$VNU_STAMP")" != "$VNU_VERSION" ]]; then
    install_vnu
fi

# --- 2. axe-core ------------------------------------------------------------
if [[ -s "$AXE_JS" && -f "$AXE_STAMP" && "$(cat "$AXE_STAMP")" == "$AXE_VERSION" ]]; then
    exit 0
fi

command -v npm >/dev/null 2>&1 || die "npm not found; needed to fetch axe-core@$AXE_VERSION"
log "fetching axe-core@$AXE_VERSION from the npm registry..."

versions="$(npm view axe-core versions --json 2>/dev/null)" \
    || die "could not query the npm registry for axe-core versions"
grep -q "\"$AXE_VERSION\"" <<<"$versions" \
    || die "axe-core@$AXE_VERSION is not published on the npm registry"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null ) \
    || die "npm pack axe-core@$AXE_VERSION failed"
tarball="$(ls "$tmp"/axe-core-*.tgz 2>/dev/null | head -n1)"
[[ -n "$tarball" ]] || die "npm pack produced no tarball"
tar -xzf "$tarball" -C "$tmp" package/axe.min.js package/package.json \
    || die "axe.min.js not found in $tarball"

got="$(node -p 'require(process.argv[1]).version' "$tmp/package/package.json" 2>/dev/null || true)"
[[ "$got" == "$AXE_VERSION" ]] || die "downloaded axe-core reports version '$got', expected $AXE_VERSION"

mkdir -p "$AXE_DIR"
cp "$tmp/package/axe.min.js" "$AXE_JS.tmp" && mv -f "$AXE_JS.tmp" "$AXE_JS"
echo "$AXE_VERSION" > "$AXE_STAMP"
log "axe-core@$AXE_VERSION -> ${AXE_JS#"$REPO_ROOT"/}"
