#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server (Debian's `postgresql`) on loopback for system tests and
# benchmarks, installing it when missing. Idempotent: a running server is reused.
# Prints nothing on stdout but the DATABASE_URL, so callers can `export DATABASE_URL=$(...)`.
set -euo pipefail

PORT="${PODGATE_TEST_PG_PORT:-55432}"
DATA="${PODGATE_TEST_PG_DIR:-/var/lib/podgate-test-pg}"
URL="postgres://podgate:podgate@127.0.0.1:${PORT}/podgate"
log() { echo "postgres-server: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing Debian postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # policy-rc.d keeps the package from starting its own cluster on 0.0.0.0:5432.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq -o DPkg::Lock::Timeout=900 postgresql >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "initialising $DATA"
  mkdir -p "$DATA" && chown postgres:postgres "$DATA"
  runuser -u postgres -- "$BIN/initdb" -D "$DATA" -A trust -U postgres >/dev/null
  # Tuned for a 2-core test machine; durability stays on (fsync, synchronous_commit) so the
  # benchmarks measure real commits.
  cat >> "$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
max_connections = 200
shared_buffers = 512MB
unix_socket_directories = '$DATA'
CONF
fi

log "starting on 127.0.0.1:$PORT"
runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >&2
runuser -u postgres -- "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtAc \
  "SELECT 1 FROM pg_roles WHERE rolname = 'podgate'" | grep -q 1 ||
  runuser -u postgres -- "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE ROLE podgate LOGIN SUPERUSER PASSWORD 'podgate'" >&2
runuser -u postgres -- "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtAc \
  "SELECT 1 FROM pg_database WHERE datname = 'podgate'" | grep -q 1 ||
  runuser -u postgres -- "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres -O podgate podgate >&2
echo "$URL"
