#!/usr/bin/env bash
# Sets up a fresh machine of this project's kind: the Debian packages the tests start, then the npm
# dependencies. Electron's binary and electron-builder's native rebuild are deliberately NOT run here
# (no network to fetch them; see README "The Electron app").
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1          # electron's install script fetches its zip from GitHub: unreachable
[ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr   # better-sqlite3 compiles against local headers
# Debian engines the tests start: chromium (browser tests), prometheus (the scrape test), unzip (Info-ZIP reads
# the diagnostics zip). Installed only when one is missing; the prometheus package's own service is not used.
missing=()
for tool in chromium:chromium prometheus:prometheus unzip:unzip; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]}) for the tests" >&2
  fi
fi
# npm ci takes ~100 s (most of it compiling better-sqlite3): skip it when node_modules matches the lock file.
stamp=node_modules/.setup-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  echo "setup: node_modules already matches package-lock.json"
else
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
