# Shared settings and helpers for the OpenStack lab. Sourced, never executed.
# Everything here is lab-only: fixed passwords, loopback binds, root-owned state.

LAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAB_DIR="${PODGATE_LAB_DIR:-/var/lib/podgate-lab}"
LAB_RUN="$LAB_DIR/run"        # pid files (one per process group)
LAB_LOG="$LAB_DIR/log"        # one log per daemon
LAB_ETC="$LAB_DIR/etc"        # generated configs; Debian's /etc/* stays untouched
LAB_HOST=127.0.0.1
LAB_PODS="${PODGATE_LAB_PODS:-1 2}"
LAB_PYTHON=/usr/bin/python3   # python3 on PATH may be pyenv's, without the OpenStack libs
NICE=(nice -n "${PODGATE_LAB_NICE:-10}")

# SECURITY: lab-only credentials, never reuse outside this loopback-only lab.
LAB_ADMIN_PASS="${PODGATE_LAB_ADMIN_PASS:-lab-admin-secret}"
LAB_DEMO_PASS=lab-demo-secret
LAB_SERVICE_PASS=lab-service-secret
LAB_DB_PASS=lab-db-secret
LAB_RABBIT_USER=podgate
LAB_RABBIT_PASS=lab-rabbit-secret

LAB_DB_PORT=13306
LAB_DB_SOCK="$LAB_DIR/mysql-run/mysqld.sock"
LAB_KEYSTONE_URL="http://$LAB_HOST:5000/v3"

log()  { printf '%s [lab] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }

# Seconds since the script started, for the timing lines in the logs.
elapsed() { echo "$((SECONDS))s"; }

# Prints the tail of a daemon log; used whenever something does not come up.
show_log() {
  local f="$LAB_LOG/$1.log"
  [[ -f "$f" ]] || return 0
  echo "----- last 40 lines of $f -----" >&2
  tail -n 40 "$f" >&2
  echo "-----" >&2
}

# pod_port <pod number> <base port>: Pod1 uses the default ports, PodN adds (N-1)*10000.
pod_port() { echo $(( $2 + ($1 - 1) * 10000 )); }

# Start time (clock ticks since boot) of process $1; tells a recycled pid from ours.
proc_start() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }

# Process group id recorded in run/<name>.pid ("<pgid> <start time of the leader>").
recorded_pgid() { [[ -s "$LAB_RUN/$1.pid" ]] && awk '{print $1}' "$LAB_RUN/$1.pid"; }

# True when the recorded process group is alive. A leader with another start time means the
# pid was recycled (e.g. after a reboot): not ours, never signalled.
is_running() {
  local pidf="$LAB_RUN/$1.pid" pgid start now
  [[ -s "$pidf" ]] || return 1
  read -r pgid start <"$pidf"
  now="$(proc_start "$pgid")"
  [[ -z "$now" || -z "$start" || "$now" == "$start" ]] || return 1
  kill -0 -- "-$pgid" 2>/dev/null
}

# start_daemon <name> <cmd...>: runs cmd in its own session/process group (setsid),
# niced, output to log/<name>.log, records the group id in run/<name>.pid.
start_daemon() {
  local name="$1"; shift
  if is_running "$name"; then
    log "$name already running (pgid $(recorded_pgid "$name"))"
    return 0
  fi
  mkdir -p "$LAB_RUN" "$LAB_LOG"
  printf '\n==== %s start %s\n' "$(date -Is)" "$name" >>"$LAB_LOG/$name.log"
  # 9>&-: do not hand start.sh's lock fd to the daemon
  setsid "${NICE[@]}" "$@" >>"$LAB_LOG/$name.log" 2>&1 </dev/null 9>&- &
  echo "$! $(proc_start $!)" >"$LAB_RUN/$name.pid"
  log "started $name (pgid $!)"
}

# wait_until <timeout s> <log name> <description> <cmd...>: polls cmd every 0.5 s.
wait_until() {
  local timeout="$1" name="$2" what="$3"; shift 3
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      log "timeout after ${timeout}s waiting for $what"
      show_log "$name"
      return 1
    fi
    if [[ -n "$name" && -f "$LAB_RUN/$name.pid" ]] && ! is_running "$name"; then
      log "$name exited while waiting for $what"
      show_log "$name"
      return 1
    fi
    sleep 0.5
  done
}

http_up() { curl -s -o /dev/null --max-time 3 "$1"; }

# wait_http <name> <url> [timeout]: any HTTP answer counts (401 included).
wait_http() { wait_until "${3:-120}" "$1" "$1 on $2" http_up "$2"; }

# ready markers: one-time setup steps (db sync, keystone entities, flavors, ...).
is_ready()   { [[ -z "${PODGATE_LAB_RESETUP:-}" && -f "$LAB_DIR/.ready-$1" ]]; }
mark_ready() { touch "$LAB_DIR/.ready-$1"; }

# SQL as root through the lab's own socket.
sql() { mysql --no-defaults --protocol=socket -S "$LAB_DB_SOCK" -uroot "$@"; }

# Creates database + user (idempotent). $1 = database name, $2 = user.
ensure_db() {
  sql -e "CREATE DATABASE IF NOT EXISTS \`$1\`;
          CREATE USER IF NOT EXISTS '$2'@'127.0.0.1' IDENTIFIED BY '$LAB_DB_PASS';
          GRANT ALL PRIVILEGES ON \`$1\`.* TO '$2'@'127.0.0.1';"
}

db_url() { echo "mysql+pymysql://$2:$LAB_DB_PASS@$LAB_HOST:$LAB_DB_PORT/$1?charset=utf8"; }

rabbit_url() { echo "rabbit://$LAB_RABBIT_USER:$LAB_RABBIT_PASS@$LAB_HOST:5672/$1"; }

# Admin credentials for the openstack CLI inside the start scripts.
admin_env() {
  export OS_AUTH_URL="$LAB_KEYSTONE_URL" OS_IDENTITY_API_VERSION=3 \
    OS_USERNAME=admin OS_PASSWORD="$LAB_ADMIN_PASS" OS_PROJECT_NAME=admin \
    OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default \
    OS_REGION_NAME=RegionOne OS_INTERFACE=public
}


# write_uwsgi_ini <file> <port> <wsgi script> <threads> [env KEY=VALUE ...]
# One process; "Connection: close" because uwsgi's http-socket closes every connection
# anyway and clients that reuse connections otherwise get ECONNRESET (devstack does the same).
write_uwsgi_ini() {
  local file="$1" port="$2" script="$3" threads="$4"; shift 4
  {
    echo "[uwsgi]"
    echo "plugins = python3"
    echo "http-socket = $LAB_HOST:$port"
    echo "wsgi-file = $script"
    echo "processes = 1"
    echo "threads = $threads"
    echo "master = true"
    echo "need-app = true"
    echo "lazy-apps = true"
    echo "die-on-term = true"
    # nova under uwsgi segfaults in Py_Finalize (greenlet teardown) on exit and can leave
    # the master waiting; skip the teardown and give workers only 5 s to go.
    echo "skip-atexit-teardown = true"
    echo "worker-reload-mercy = 5"
    echo "reload-mercy = 5"
    echo "buffer-size = 65535"
    echo "http-keepalive = false"
    echo "add-header = Connection: close"
    echo "disable-logging = true"
    local kv
    for kv in "$@"; do echo "env = $kv"; done
  } >"$file"
}

run_uwsgi() { start_daemon "$1" /usr/bin/uwsgi-core --ini "$2"; }

# keystone_authtoken-style section for service <user>; printed into service configs.
auth_section() {
  local section="$1" user="$2" region="${3:-RegionOne}"
  cat <<SEC
[$section]
auth_type = password
auth_url = http://$LAB_HOST:5000/v3
www_authenticate_uri = http://$LAB_HOST:5000/v3
username = $user
password = $LAB_SERVICE_PASS
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $region
SEC
}
