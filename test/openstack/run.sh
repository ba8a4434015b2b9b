#!/usr/bin/env bash
# The OpenStack tier: real Keystone and two real pods from Debian's Zed packages
# (test/openstack-lab installs and starts them when missing), then the suites that need them.
# A lab this script started is stopped again at the end; one that was already up is left up.
set -euo pipefail
cd "$(dirname "$0")/../.."

if bash test/openstack-lab/status.sh >/dev/null 2>&1; then started_here=false; else started_here=true; fi
bash test/openstack-lab/start.sh
status=0
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --config jest.openstack.config.js "$@" || status=$?
# The real openstack CLI against both real pods, asserting its output (28 checks).
if [ "$status" -eq 0 ]; then bash test/openstack-lab/smoke.sh || status=$?; fi
if [ "$started_here" = true ]; then bash test/openstack-lab/stop.sh || true; fi
exit "$status"
