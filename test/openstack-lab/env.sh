#!/usr/bin/env bash
# Prints OS_* exports for the lab. Usage:
#   eval "$(bash test/openstack-lab/env.sh [admin|demo] [Pod1|Pod2|RegionOne])"
# Default: admin in Pod1. SECURITY: fixed lab-only passwords, loopback-only endpoints.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

who="${1:-admin}" region="${2:-Pod1}"
case "$who" in
  admin) user=admin project=admin pass="$LAB_ADMIN_PASS" ;;
  demo)  user=demo  project=demo  pass="$LAB_DEMO_PASS" ;;
  *) die "usage: env.sh [admin|demo] [Pod1|Pod2|RegionOne]" ;;
esac
cat <<ENV
export OS_AUTH_URL=$LAB_KEYSTONE_URL
export OS_IDENTITY_API_VERSION=3
export OS_AUTH_TYPE=password
export OS_USERNAME=$user
export OS_PASSWORD=$pass
export OS_PROJECT_NAME=$project
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=$region
export OS_INTERFACE=public
# --nic none needs >= 2.37 (OSC 6.0 defaults to 2.1)
export OS_COMPUTE_API_VERSION=2.37
export OS_VOLUME_API_VERSION=3
ENV
