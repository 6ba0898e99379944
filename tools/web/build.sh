#!/usr/bin/env bash
# Builds the web UI's vendored assets (Leaflet, Natural Earth country and province shapes) from the npm packages pinned in
# src/Vigie.Server/web/package-lock.json into src/Vigie.Server/wwwroot/vendor/. Idempotent and quick when up to date.
# Needs node and npm at set-up only; nothing is fetched at run time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
web="$root/src/Vigie.Server/web"
out="$root/src/Vigie.Server/wwwroot/vendor"
here="$root/tools/web"

exec 9>"$web/.build.lock"
flock 9

installed="$web/node_modules/.vigie-installed"
if [ ! -f "$installed" ] || [ "$web/package-lock.json" -nt "$installed" ]; then
  echo "web: installing the front-end packages (npm ci)…" >&2
  (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  touch "$installed"
fi

stamp="$out/.stamp"
stale=0
if [ ! -f "$stamp" ]; then stale=1; else
  for f in "$installed" "$here/build.mjs" "$here/build.sh"; do [ "$f" -nt "$stamp" ] && stale=1; done
fi
if [ "$stale" = 1 ]; then
  echo "web: building map shapes and vendored scripts…" >&2
  node "$here/build.mjs" "$web/node_modules" "$out" >&2
  touch "$stamp"
fi
