#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback and prints its DATABASE_URL (the last line).
# Usage: bash scripts/pg-cluster.sh [dir] [port]   — installs Debian's postgresql if it is missing.
#        bash scripts/pg-cluster.sh --stop [dir]     — stops it and removes the directory.
set -euo pipefail
STOP=""
if [ "${1:-}" = "--stop" ]; then STOP=1; shift; fi
DIR=${1:-${TMPDIR:-/tmp}/kds-pg}
PORT=${2:-55432}

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null && dirname "$(command -v initdb)"
}
BIN=$(bindir || true)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "▶ installing Debian's postgresql" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
    BIN=$(bindir)
  else
    echo "PostgreSQL is not installed: install Debian's 'postgresql' package (apt-get install -y postgresql)." >&2
    exit 1
  fi
fi

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -n "$STOP" ]; then
  as_owner "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  exit 0
fi

if [ -f "$DIR/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  echo "▶ PostgreSQL already running in $DIR" >&2
else
  rm -rf "$DIR"; mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_owner "$BIN/initdb" -D "$DIR" -U postgres -A trust --no-sync -E UTF8 >/dev/null
  # A test cluster: fast and disposable (no fsync), enough connections for parallel test servers.
  as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  echo "▶ PostgreSQL started in $DIR on port $PORT" >&2
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
