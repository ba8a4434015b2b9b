#!/usr/bin/env bash
# The OpenStack tier: real Keystone and two real pods from Debian's Zed packages
# (test/openstack-lab installs and starts them when missing), then the suites that need them.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash test/openstack-lab/start.sh
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --config jest.openstack.config.js "$@"
