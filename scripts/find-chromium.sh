#!/usr/bin/env bash
# Prints the path of a Chromium for Playwright: $CHROMIUM_PATH, Playwright's own, or Debian's. With
# --install, installs Debian's chromium when none is found and we are root. Exits 1 saying what is missing.
set -euo pipefail
install=false
[ "${1:-}" = "--install" ] && install=true

candidates=()
[ -n "${CHROMIUM_PATH:-}" ] && candidates+=("$CHROMIUM_PATH")
pw=$(node -e "try{process.stdout.write(require('playwright-core').chromium.executablePath())}catch{}" 2>/dev/null || true)
[ -n "$pw" ] && candidates+=("$pw")
candidates+=(/usr/bin/chromium /usr/lib/chromium/chromium /usr/bin/chromium-browser)

find_one() {
  for c in "${candidates[@]}"; do
    if [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

if find_one; then exit 0; fi
if $install && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "No Chromium found: installing Debian's chromium package…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  if find_one; then exit 0; fi
fi
cat >&2 <<MSG
No Chromium found for the end-to-end tests.
Looked at: ${candidates[*]}
Install Debian's package as root (apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium binary.
MSG
exit 1
