#!/usr/bin/env bash
# The system tier: suites that need installed services. Installs and starts what is missing:
# Debian's PostgreSQL server on loopback, a seeded Keystone on it (127.0.0.1:5050), and Debian's `openstack`
# client.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive

DATABASE_URL="$(bash test/system/postgres-server.sh)"
export DATABASE_URL

# Prints KEYSTONE_TEST_URL=...; a plain assignment so that a failing script stops the run (set -e).
KEYSTONE_TEST_URL="$(bash test/system/keystone/keystone-server.sh)"
export KEYSTONE_TEST_URL="${KEYSTONE_TEST_URL#KEYSTONE_TEST_URL=}"

if [ ! -x /usr/bin/openstack ]; then
  echo "test:system: installing Debian python3-openstackclient" >&2
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=900 python3-openstackclient >&2
fi

exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --config jest.system.config.js "$@"
