# One pod = region Pod<N>: placement, glance, neutron (+ fake L2 agent), nova, cinder.
# Databases pod<N>_*, RabbitMQ vhost pod<N>, ports = defaults + (N-1)*10000. Sourced by start.sh.

source "$LAB_ROOT/lib/pod-config.sh"

POD_DBS=(placement glance neutron nova_api nova nova_cell0 cinder)

# Runs a one-off command of pod $1, logging into log/pod<N>-setup.log.
pod_setup_cmd() {
  local n="$1"; shift
  { echo "== $(date -Is) $*"; } >>"$LAB_LOG/pod$n-setup.log"
  "${NICE[@]}" "$@" >>"$LAB_LOG/pod$n-setup.log" 2>&1
}

nova_manage() { local n="$1"; shift; pod_setup_cmd "$n" nova-manage --config-file "$LAB_ETC/pod$n/nova/nova.conf" "$@"; }

pod_db_sync() {
  local n="$1" e="$LAB_ETC/pod$1" db
  is_ready "pod$n-db" && return 0
  log "pod$n: creating databases and running the schema migrations"
  for db in "${POD_DBS[@]}"; do ensure_db "pod${n}_$db" "pod$n"; done
  local -a pids=()
  pod_setup_cmd "$n" placement-manage --config-file "$e/placement/placement.conf" db sync & pids+=($!)
  pod_setup_cmd "$n" glance-manage --config-file "$e/glance/glance-api.conf" db_sync & pids+=($!)
  pod_setup_cmd "$n" neutron-db-manage --config-file "$e/neutron/neutron.conf" upgrade head & pids+=($!)
  pod_setup_cmd "$n" cinder-manage --config-file "$e/cinder/cinder.conf" db sync & pids+=($!)
  (
    nova_manage "$n" api_db sync
    nova_manage "$n" cell_v2 map_cell0 --database_connection "$(db_url "pod${n}_nova_cell0" "pod$n")"
    cells="$("${NICE[@]}" nova-manage --config-file "$e/nova/nova.conf" cell_v2 list_cells 2>/dev/null)"
    [[ "$cells" == *"| cell1 "* ]] || nova_manage "$n" cell_v2 create_cell --name cell1
    nova_manage "$n" db sync
  ) & pids+=($!)
  local pid failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  if (( failed )); then show_log "pod$n-setup"; die "pod$n: database migration failed"; fi
  mark_ready "pod$n-db"
}

# True when service <binary> in database <db> has reported since UTC time <ts>.
service_reported_since() {
  sql -N -e "SELECT COUNT(*) FROM \`$1\`.services WHERE \`binary\`='$2' AND deleted=0
             AND COALESCE(updated_at, created_at) >= '$3'" | grep -qv '^0$'
}
agent_reported_since() {
  sql -N -e "SELECT COUNT(*) FROM \`$1\`.agents WHERE host='$2' AND heartbeat_timestamp >= '$3'" | grep -qv '^0$'
}
has_rows() { sql -N -e "SELECT COUNT(*) FROM $1" | grep -qv '^0$'; }

# UTC time from which a (re)started service counts as registered; a service that was
# already running must have reported within the last 45 s (report intervals: 10 s, agent 20 s).
since_for() {
  if is_running "$1"; then sql -N -e 'SELECT UTC_TIMESTAMP() - INTERVAL 45 SECOND'
  else sql -N -e 'SELECT UTC_TIMESTAMP()'; fi
}

# Admin token + admin project id for direct API checks (no CLI start-up cost).
admin_token() {
  curl -si --max-time 10 -H 'Content-Type: application/json' "$LAB_KEYSTONE_URL/auth/tokens" -d '{
    "auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
    "domain": {"name": "Default"}, "password": "'"$LAB_ADMIN_PASS"'"}}},
    "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}' \
    | awk -F': ' 'tolower($1)=="x-subject-token" {print $2}' | tr -d '\r'
}
cinder_has_pool() {
  local n="$1" token project
  token="$(admin_token)"
  project="$(sql -N -e "SELECT id FROM keystone.project WHERE name='admin' AND domain_id='default'")"
  curl -sf --max-time 10 -H "X-Auth-Token: $token" \
    "http://$LAB_HOST:$(pod_port "$n" 8776)/v3/$project/scheduler-stats/get_pools" | grep -q '"name"'
}

# Start-up is split in phases so that pods boot side by side (start.sh runs each phase for
# every pod before the next): prepare+launch, wait for APIs+launch agents, wait until ready.
declare -A COMPUTE_SINCE VOLUME_SINCE AGENT_SINCE POD_T0

# Phase 1: configs, one-time migrations, API services + conductor/scheduler.
pod_launch_services() {
  local n="$1" e="$LAB_ETC/pod$1"
  POD_T0[$n]=$SECONDS
  log "pod$n: starting (region Pod$n)"
  install -d "$LAB_DIR/pod$n/lock"
  write_placement_config "$n"; write_glance_config "$n"; write_neutron_config "$n"
  write_nova_config "$n"; write_cinder_config "$n"
  pod_db_sync "$n"
  run_uwsgi "pod$n-placement" "$e/placement/uwsgi.ini"
  start_daemon "pod$n-glance" /usr/bin/glance-api --config-file "$e/glance/glance-api.conf"
  start_daemon "pod$n-neutron" /usr/bin/neutron-server --config-file "$e/neutron/neutron.conf"
  run_uwsgi "pod$n-nova-api" "$e/nova/uwsgi.ini"
  start_daemon "pod$n-nova-conductor" /usr/bin/nova-conductor --config-file "$e/nova/nova.conf"
  start_daemon "pod$n-nova-scheduler" /usr/bin/nova-scheduler --config-file "$e/nova/nova.conf"
  start_daemon "pod$n-cinder-api" /usr/bin/cinder-api --config-file "$e/cinder/cinder.conf"
  start_daemon "pod$n-cinder-scheduler" /usr/bin/cinder-scheduler --config-file "$e/cinder/cinder.conf"
}

# Phase 2: once the APIs answer, the agents (they need placement, conductor and neutron RPC).
pod_launch_agents() {
  local n="$1" e="$LAB_ETC/pod$1"
  wait_http "pod$n-placement" "http://$LAB_HOST:$(pod_port "$n" 8778)/" 180 || die "pod$n placement down"
  wait_http "pod$n-glance" "http://$LAB_HOST:$(pod_port "$n" 9292)/" 180 || die "pod$n glance down"
  wait_http "pod$n-neutron" "http://$LAB_HOST:$(pod_port "$n" 9696)/" 180 || die "pod$n neutron down"
  wait_http "pod$n-nova-api" "http://$LAB_HOST:$(pod_port "$n" 8774)/" 180 || die "pod$n nova-api down"
  wait_http "pod$n-cinder-api" "http://$LAB_HOST:$(pod_port "$n" 8776)/" 180 || die "pod$n cinder-api down"
  log "pod$n: APIs answer ($((SECONDS - POD_T0[$n]))s)"
  COMPUTE_SINCE[$n]="$(since_for "pod$n-nova-compute")"
  VOLUME_SINCE[$n]="$(since_for "pod$n-cinder-volume")"
  AGENT_SINCE[$n]="$(since_for "pod$n-l2-agent")"
  start_daemon "pod$n-nova-compute" "$LAB_ROOT/bin/nova-compute-fake" --config-file "$e/nova/nova-compute.conf"
  start_daemon "pod$n-cinder-volume" /usr/bin/cinder-volume --config-file "$e/cinder/cinder.conf"
  start_daemon "pod$n-l2-agent" env FAKE_L2_HOST="pod$n-compute1" \
    "$LAB_ROOT/bin/fake-l2-agent.py" --config-file "$e/neutron/neutron.conf"
}

# Phase 3: wait until compute, volume and L2 agent have registered; one-time resources.
pod_wait_ready() {
  local n="$1"
  wait_until 180 "pod$n-nova-compute" "pod$n nova-compute service report" \
    service_reported_since "pod${n}_nova" nova-compute "${COMPUTE_SINCE[$n]}" || die "pod$n nova-compute did not register"
  wait_until 120 "pod$n-nova-compute" "pod$n compute node in placement" \
    has_rows "pod${n}_placement.resource_providers" || die "pod$n compute node missing in placement"
  if ! is_ready "pod$n-hosts"; then
    nova_manage "$n" cell_v2 discover_hosts --verbose || { show_log "pod$n-setup"; die "pod$n discover_hosts failed"; }
    mark_ready "pod$n-hosts"
  fi
  wait_until 120 "pod$n-cinder-volume" "pod$n cinder-volume service report" \
    service_reported_since "pod${n}_cinder" cinder-volume "${VOLUME_SINCE[$n]}" || die "pod$n cinder-volume did not register"
  if ! is_ready "pod$n-resources"; then
    log "pod$n: creating flavors m1.tiny/m1.small, image tiny, volume type fake"
    local img="$LAB_DIR/tiny.raw"
    [[ -f "$img" ]] || truncate -s 1M "$img"
    admin_env
    pod_setup_cmd "$n" $LAB_PYTHON "$LAB_ROOT/bin/lab-setup.py" pod "$n" "$img" \
      || { show_log "pod$n-setup"; die "pod$n resources setup failed"; }
    mark_ready "pod$n-resources"
  fi
  wait_until 60 "pod$n-l2-agent" "pod$n fake L2 agent heartbeat" \
    agent_reported_since "pod${n}_neutron" "pod$n-compute1" "${AGENT_SINCE[$n]}" || die "pod$n fake L2 agent not alive"
  wait_until 120 "pod$n-cinder-scheduler" "pod$n cinder backend pool in the scheduler" \
    cinder_has_pool "$n" || die "pod$n cinder-scheduler has no backend pool"
  log "pod$n: ready ($((SECONDS - POD_T0[$n]))s)"
}
