#!/usr/bin/env bash
# usage: scripts/install-package.sh PACKAGE — install a Debian package with apt-get (updating the package lists
# once if the first try fails), without letting its scripts start a system service (policy-rc.d): only the
# binaries are wanted, by scripts/nginx.sh and scripts/redis.sh, which run their own servers.
set -euo pipefail
package=${1:?usage: $0 PACKAGE}
die() { echo "install-package.sh: ERROR: $*" >&2; exit 1; }
command -v apt-get >/dev/null || die "$package is not installed and there is no apt-get to install it"
echo "installing $package (apt-get)..." >&2
policy=/usr/sbin/policy-rc.d
created=""
if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=1; fi
trap '[ -n "$created" ] && rm -f "$policy"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y "$package" >/dev/null 2>&1 \
  || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "$package" >/dev/null; } \
  || die "apt-get install $package failed"
