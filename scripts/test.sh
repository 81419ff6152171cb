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
echo "▶ import circles"; npx tsx scripts/check-cycles.ts
echo "▶ format (Prettier, 120 columns; npm run format fixes it)"; mkdir -p tmp; npx prettier --check . > tmp/prettier.log 2>&1 || { cat tmp/prettier.log; exit 1; }
echo "▶ build"; mkdir -p tmp; npx next build > tmp/build.log 2>&1 || { cat tmp/build.log; exit 1; }
# PostgreSQL for the second vitest pass (issue: scale-out) and the SQLite → PostgreSQL copy test:
# TEST_DATABASE_URL names an admin URL to use; otherwise a throwaway cluster is started when
# PostgreSQL is installed, and removed at the end.
PG_URL="${TEST_DATABASE_URL:-}"
if [ -z "$PG_URL" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kds-pg-test.XXXXXX") # outside the checkout: the postgres user must reach it
  PG_URL=$(bash scripts/pg-cluster.sh "$PG_DIR" "${TEST_PG_PORT:-55439}" | tail -1)
  trap 'bash scripts/pg-cluster.sh --stop "$PG_DIR"' EXIT
fi

echo "▶ unit and API tests (vitest) on SQLite"; env -u TEST_DATABASE_URL PG_ADMIN_URL="$PG_URL" npx vitest run
if [ -n "$PG_URL" ]; then
  echo "▶ unit and API tests (vitest) on PostgreSQL"; TEST_DATABASE_URL="$PG_URL" npx vitest run
else
  echo "▶ PostgreSQL tests skipped: PostgreSQL is not installed (apt-get install -y postgresql) and TEST_DATABASE_URL is not set."
  if [ -n "${CI:-}" ]; then echo "CI must run them: .ci/run installs postgresql."; exit 1; fi
fi
echo "▶ end-to-end (Playwright, Chromium)"; npx playwright test --project=tablet --project=manager
