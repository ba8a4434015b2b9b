#!/usr/bin/env bash
# Brings the whole lab up (idempotent): MariaDB, RabbitMQ, Keystone, then every pod.
# Cold start initialises databases and the catalog once (.ready-* markers in the data dir);
# a warm start only starts the daemons; with everything running it is a quick check.
#   PODGATE_LAB_DIR (default /var/lib/podgate-lab)  PODGATE_LAB_PODS (default "1 2")
#   PODGATE_LAB_RESETUP=1 re-runs the one-time setup steps (all idempotent).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$LAB_ROOT/lib/infra.sh"
source "$LAB_ROOT/lib/keystone.sh"
source "$LAB_ROOT/lib/pod.sh"

[[ $EUID -eq 0 ]] || die "start.sh must run as root (package users, own datadirs)"
bash "$LAB_ROOT/install.sh"

install -d -m 755 "$LAB_DIR" "$LAB_RUN" "$LAB_LOG" "$LAB_ETC"
exec 9>"$LAB_DIR/.start.lock"
flock -w 900 9 || die "another start.sh holds $LAB_DIR/.start.lock"

SECONDS=0
log "starting the OpenStack lab in $LAB_DIR (pods: $LAB_PODS)"
start_mariadb
launch_rabbitmq
start_keystone
setup_keystone_catalog
await_rabbitmq
for pod in $LAB_PODS; do pod_launch_services "$pod"; done
for pod in $LAB_PODS; do pod_launch_agents "$pod"; done
for pod in $LAB_PODS; do pod_wait_ready "$pod"; done
log "lab is up in ${SECONDS}s: eval \"\$(bash $LAB_ROOT/env.sh demo Pod1)\"; openstack server list"
