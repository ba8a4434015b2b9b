#!/usr/bin/env bash
# Installs the Debian (bookworm, OpenStack Zed) packages the lab needs, skipping those
# already installed. No package daemon is started: policy-rc.d answers 101 and every
# debconf/dbconfig question is pre-answered "no"; start.sh runs the daemons itself.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# --no-install-recommends everywhere. nova-compute is deliberately absent: it pulls
# nova-compute-kvm (libvirt, qemu); python3-nova's nova.cmd.compute is enough for the fake driver.
PACKAGES=(
  # infrastructure
  mariadb-server mariadb-client rabbitmq-server uwsgi-core uwsgi-plugin-python3 curl
  python3-pymysql
  # clients
  python3-openstackclient python3-novaclient python3-cinderclient
  # services
  keystone placement-api glance-api neutron-common neutron-api
  nova-common nova-api nova-conductor nova-scheduler
  cinder-api cinder-scheduler cinder-volume
)

# Questions asked by openstack-pkg-tools based packages; "false" = don't touch DB,
# rabbit, keystone or the catalog.
DEBCONF_FALSE=(
  keystone/configure_db keystone/create-admin-tenant keystone/register-endpoint
  placement/configure_db placement/configure_ksat placement/configure_api-endpoint
  glance/configure_db glance/configure_rabbit glance/configure_ksat glance/configure_api-endpoint
  neutron/configure_db neutron/configure_rabbit neutron/configure_ksat neutron/configure_api-endpoint
  neutron/configure_nova
  nova/configure_db novaapi/configure_db nova/configure_rabbit nova/configure_ksat
  nova/configure_api-endpoint nova/configure_neutron nova/configure_placement
  cinder/configure_db cinder/configure_rabbit cinder/configure_ksat cinder/configure_api-endpoint
)

missing=()
for p in "${PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if (( ${#missing[@]} == 0 )); then
  log "install: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi
[[ $EUID -eq 0 ]] || die "install.sh must run as root"

# Never let a package start its daemon (Debian's init scripts bind 0.0.0.0).
if [[ ! -x /usr/sbin/policy-rc.d ]] || ! grep -q 'exit 101' /usr/sbin/policy-rc.d; then
  log "install: writing /usr/sbin/policy-rc.d (exit 101)"
  printf '#!/bin/sh\n# podgate lab: no package-started daemons\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
fi

for q in "${DEBCONF_FALSE[@]}"; do
  echo "${q%%/*} $q boolean false"
done | debconf-set-selections

log "install: ${#missing[@]} packages missing: ${missing[*]}"
start=$SECONDS
before=$(dpkg-query -W -f='${Status}\n' | grep -c '^install ok installed' || true)
export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=900
          -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
if ! "${NICE[@]}" apt-get install "${apt_opts[@]}" "${missing[@]}"; then
  log "install: apt-get install failed; refreshing the package lists once and retrying"
  "${NICE[@]}" apt-get update -q -o DPkg::Lock::Timeout=900
  "${NICE[@]}" apt-get install "${apt_opts[@]}" "${missing[@]}"
fi
after=$(dpkg-query -W -f='${Status}\n' | grep -c '^install ok installed' || true)
log "install: done, $((after - before)) packages newly installed in $((SECONDS - start))s"
