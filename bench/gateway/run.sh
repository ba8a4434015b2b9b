#!/usr/bin/env bash
# Gateway benchmark: GET /compute/v2.1/servers/{id} direct to a simulated pod, through Debian's nginx
# (proxy_pass) and through podgate, with autocannon at 1 and 32 connections; then server actions/s
# through podgate with its events on a PostgreSQL server. Installs nginx when missing and starts the
# PostgreSQL server of the system tests. Writes bench/results/gateway.{json,md}; exits non-zero when
# a leg could not run (podgate's compute API missing or broken) rather than leaving it out silently.
# Extra arguments go to main.ts (see --help), e.g. `--legs direct,nginx`, `--seconds 5`.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive

if [ ! -x /usr/sbin/nginx ]; then
  echo "bench: installing Debian nginx" >&2
  # policy-rc.d keeps the package from starting Debian's own nginx on 0.0.0.0:80.
  [ -x /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d; }
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=900 nginx >&2
fi

DATABASE_URL=$(bash test/system/postgres-server.sh)
export DATABASE_URL

echo "bench: compiling (tsconfig.bench.json -> dist-bench/)" >&2
node_modules/.bin/tsc -p tsconfig.bench.json
node_modules/.bin/tsc-alias -p tsconfig.bench.json

# podgate as `npm start` runs it: its prestart builds dist/. A failed build is handed to main.ts, whose
# podgate legs then fail clearly while direct and nginx still run. No build when no podgate leg runs.
wants_podgate=true
previous=
for arg in "$@"; do
  # `--legs a,b` and `--legs=a,b`
  for form in "$previous=$arg" "$arg"; do
    case "$form" in
      --legs=*podgate* | --legs=*actions*) ;;
      --legs=*) wants_podgate=false ;;
    esac
  done
  previous=$arg
done
if [ "$wants_podgate" = true ]; then
  echo "bench: building podgate (npm run build -> dist/)" >&2
  if ! npm run build --silent >&2; then
    echo "bench: npm run build FAILED; the podgate legs will say so" >&2
    export PODGATE_BENCH_BUILD_FAILED=1
  fi
fi

exec node ${BENCH_NODE_OPTIONS:-} dist-bench/bench/gateway/main.js "$@"
