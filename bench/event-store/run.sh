#!/usr/bin/env bash
# Event-store benchmark: append, read-all and rebuild throughput on PGlite (embedded, file-backed)
# and on a PostgreSQL server on loopback (started, and installed if missing, by the system-test
# script). Writes bench/results/event-store.{json,md}. Extra arguments go to main.ts (see --help),
# e.g. `--wait-for-load 1` to wait (up to 10 min) for a quiet machine, `--only rebuild --adapters postgres`,
# `--profile /tmp/prof` for a CPU profile of each phase (summarize with dist-bench/.../profile-summary.js).
set -euo pipefail
cd "$(dirname "$0")/../.."

DATABASE_URL=$(bash test/system/postgres-server.sh)
export DATABASE_URL

echo "bench: compiling (tsconfig.bench.json -> dist-bench/)" >&2
node_modules/.bin/tsc -p tsconfig.bench.json
node_modules/.bin/tsc-alias -p tsconfig.bench.json

exec node ${BENCH_NODE_OPTIONS:-} dist-bench/bench/event-store/main.js "$@"
