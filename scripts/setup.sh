#!/usr/bin/env bash
# Sets up a fresh machine of this project's kind: Debian Chromium for the browser tests, then the npm
# dependencies. Electron's binary and electron-builder's native rebuild are deliberately NOT run here
# (no network to fetch them; see README "The Electron app").
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1          # electron's install script fetches its zip from GitHub: unreachable
[ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr   # better-sqlite3 compiles against local headers
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: Debian's chromium is missing; install it (sudo apt-get install chromium) for the browser tests" >&2
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
