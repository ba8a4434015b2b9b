#!/usr/bin/env bash
# Stops every daemon the lab started: TERM to each recorded process group, wait up to 15 s,
# then KILL what is left. OpenStack services first, then RabbitMQ/epmd/MariaDB.
# State (databases, images, configs) stays in the data dir for a warm start.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

INFRA=(rabbitmq epmd mariadb)

# stop_groups <name...>: TERM, wait <= 15 s, KILL; removes the pid files.
stop_groups() {
  local name pgid alive deadline=$((SECONDS + 15))
  local -a groups=()
  for name in "$@"; do
    if is_running "$name"; then
      pgid="$(recorded_pgid "$name")"
      kill -TERM -- "-$pgid" 2>/dev/null || true
      groups+=("$name:$pgid")
    else
      rm -f "$LAB_RUN/$name.pid"
    fi
  done
  (( ${#groups[@]} )) || return 0
  log "stop: TERM sent to ${#groups[@]} process groups"
  while :; do
    alive=()
    for g in "${groups[@]}"; do kill -0 -- "-${g#*:}" 2>/dev/null && alive+=("$g"); done
    (( ${#alive[@]} )) || break
    if (( SECONDS >= deadline )); then
      log "stop: still alive after 15 s, sending KILL: ${alive[*]%%:*}"
      for g in "${alive[@]}"; do kill -KILL -- "-${g#*:}" 2>/dev/null || true; done
      sleep 0.5
      break
    fi
    sleep 0.3
  done
  for g in "${groups[@]}"; do rm -f "$LAB_RUN/${g%%:*}.pid"; done
}

[[ -d "$LAB_RUN" ]] || { log "stop: nothing to stop ($LAB_RUN missing)"; exit 0; }
SECONDS=0
services=()
for f in "$LAB_RUN"/*.pid; do
  [[ -e "$f" ]] || continue
  name="$(basename "$f" .pid)"
  [[ " ${INFRA[*]} " == *" $name "* ]] || services+=("$name")
done
stop_groups "${services[@]}"
stop_groups "${INFRA[@]}"
log "stop: lab stopped in ${SECONDS}s"
