#!/usr/bin/env bash
# npm test: typecheck, lint, build, unit and API tests (vitest), then Playwright in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

CHROMIUM_PATH=$(bash scripts/find-chromium.sh --install)
export CHROMIUM_PATH
echo "▶ Chromium: $CHROMIUM_PATH"

echo "▶ typecheck"; npx tsc --noEmit
echo "▶ lint"; npx eslint --max-warnings 0 .
echo "▶ build"; mkdir -p tmp; npx next build > tmp/build.log 2>&1 || { cat tmp/build.log; exit 1; }
echo "▶ unit and API tests (vitest)"; npx vitest run
echo "▶ end-to-end (Playwright, Chromium)"; npx playwright test --project=tablet --project=manager
