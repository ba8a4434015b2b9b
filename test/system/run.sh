#!/usr/bin/env bash
# The system tier: suites that need installed services. Installs and starts what is missing:
# Debian's PostgreSQL server on loopback, a seeded Keystone on it (127.0.0.1:5050), Debian's `openstack`
# client, python3-tempest and python3-nova.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive

DATABASE_URL="$(bash test/system/postgres-server.sh)"
export DATABASE_URL

# Prints KEYSTONE_TEST_URL=...; a plain assignment so that a failing script stops the run (set -e).
KEYSTONE_TEST_URL="$(bash test/system/keystone/keystone-server.sh)"
export KEYSTONE_TEST_URL="${KEYSTONE_TEST_URL#KEYSTONE_TEST_URL=}"

# Debian packages the suites use, each with what proves it installed: the `openstack` client, Tempest's
# response schemas (*-tempest.system-spec.ts) and Nova's own validators (*.nova.system-spec.ts), the
# latter two imported by /usr/bin/python3.
missing=()
[ -x /usr/bin/openstack ] || missing+=(python3-openstackclient)
[ -d /usr/lib/python3/dist-packages/tempest/lib/api_schema ] || missing+=(python3-tempest)
[ -d /usr/lib/python3/dist-packages/nova/api/openstack ] || missing+=(python3-nova)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test:system: installing Debian ${missing[*]}" >&2
  if ! { apt-get update -qq >&2 &&
    apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=900 "${missing[@]}" >&2; }; then
    echo "test:system: FAILED to install ${missing[*]} (apt-get needs root and the Debian archive)" >&2
    exit 1
  fi
fi

exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --config jest.system.config.js "$@"
