#!/usr/bin/env bash
# Takes the screenshots of the web UI's main views into docs/screenshots/ (needs Debian's chromium at /usr/bin/chromium).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/tools/web/build.sh"
VIGIE_SCREENSHOTS=1 dotnet test "$root/tests/Vigie.Server.Tests" --nologo -v q --filter "FullyQualifiedName~Screenshots_of_the_main_views"
ls -l "$root/docs/screenshots"
