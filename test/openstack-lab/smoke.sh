#!/usr/bin/env bash
# Smoke test of a running lab with the real `openstack` CLI, as the demo tenant, in every pod:
# token, boot (--nic none) -> ACTIVE, stop -> SHUTOFF, start -> ACTIVE, volume create ->
# available, attach -> in-use, detach -> available, boot on a tenant network (fake L2 agent)
# -> ACTIVE with an IP, deletes. Exits non-zero on the first failed assertion.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

TAG="smoke-$$"
PASS=0
CLEANUP=()

ok()   { PASS=$((PASS + 1)); log "smoke: ok   $*"; }
fail() { log "smoke: FAIL $*"; exit 1; }
os()   { /usr/bin/openstack "$@"; }
# The id from `server create --wait -f value -c id` (stdout also carries progress lines).
uuid_of() { tr '\r' '\n' | grep -Eo '^[0-9a-f-]{36}$' | tail -n 1; }
is_uuid() { [[ "$1" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]; }

# expect <description> <expected> <cmd...>: runs cmd, compares its trimmed stdout.
expect() {
  local what="$1" want="$2" got; shift 2
  got="$("$@" 2>&1 | tr -d '\r' | sed 's/[[:space:]]*$//')" || fail "$what: command failed: $got"
  [[ "$got" == "$want" ]] || fail "$what: expected '$want', got '$got'"
  ok "$what = $want"
}

# wait_status <kind server|volume> <id> <want> [timeout]
wait_status() {
  local kind="$1" id="$2" want="$3" deadline=$((SECONDS + ${4:-90})) got=""
  while (( SECONDS < deadline )); do
    got="$(os "$kind" show "$id" -f value -c status 2>&1)" || true
    [[ "$got" == "$want" ]] && { ok "$kind $id -> $want"; return 0; }
    [[ "$got" == ERROR || "$got" == error* ]] && break
    sleep 1
  done
  os "$kind" show "$id" -f json 2>&1 | head -40 >&2 || true
  fail "$kind $id: expected status $want, last status '$got'"
}

# Best effort after a failure: servers first (that detaches volumes), then the rest.
# Items are "<region> <kind> <id>".
cleanup() {
  local region kind id item
  for pass in server other; do
    for item in "${CLEANUP[@]}"; do
      read -r region kind id <<<"$item"
      [[ ( $pass == server && $kind == server ) || ( $pass == other && $kind != server ) ]] || continue
      if [[ $kind == server ]]; then OS_REGION_NAME=$region os server delete --wait "$id"
      else OS_REGION_NAME=$region os "$kind" delete "$id"; fi
    done
  done
} >/dev/null 2>&1
trap cleanup EXIT

smoke_pod() {
  local pod="$1" region="Pod$1" srv vol net srv2 addr
  eval "$(bash "$LAB_ROOT/env.sh" demo "$region")"
  log "smoke: ---- $region as demo ----"
  [[ -n "$(os token issue -f value -c id)" ]] || fail "$region: token issue returned no id"
  ok "$region token issue"
  expect "$region image tiny status" active os image show tiny -f value -c status
  expect "$region flavor m1.tiny id" 1 os flavor show m1.tiny -f value -c id

  srv="$(os server create --flavor m1.tiny --image tiny --nic none --wait -f value -c id "$TAG-$pod" | uuid_of)" || true
  is_uuid "$srv" || fail "$region: server create --nic none failed"
  CLEANUP+=("$region server $srv")
  expect "$region server $srv status after create --wait" ACTIVE os server show "$srv" -f value -c status
  os server stop "$srv";  wait_status server "$srv" SHUTOFF
  os server start "$srv"; wait_status server "$srv" ACTIVE

  vol="$(os volume create --size 1 -f value -c id "$TAG-vol-$pod")" || true
  is_uuid "$vol" || fail "$region: volume create failed"
  CLEANUP+=("$region volume $vol")
  wait_status volume "$vol" available
  os server add volume "$srv" "$vol" >/dev/null
  wait_status volume "$vol" in-use
  expect "$region volume attached to" "$srv" \
    bash -c "/usr/bin/openstack volume show $vol -f json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[\"attachments\"][0][\"server_id\"])'"
  os server remove volume "$srv" "$vol"
  wait_status volume "$vol" available
  os volume delete "$vol"
  ok "$region volume delete"

  net="$(os network create -f value -c id "$TAG-net-$pod")" || true
  is_uuid "$net" || fail "$region: network create failed"
  CLEANUP+=("$region network $net")
  os subnet create --network "$net" --subnet-range 10.10.0.0/24 "$TAG-subnet-$pod" >/dev/null
  srv2="$(os server create --flavor m1.tiny --image tiny --network "$net" --wait -f value -c id "$TAG-net-$pod" | uuid_of)" || true
  is_uuid "$srv2" || fail "$region: server create on a network failed (is the fake L2 agent alive?)"
  CLEANUP+=("$region server $srv2")
  addr="$(os server show "$srv2" -f value -c addresses)"
  [[ "$addr" == *10.10.0.* ]] || fail "$region: server on $net has no 10.10.0.x address: $addr"
  ok "$region server on tenant network ACTIVE, addresses $addr"

  os server delete --wait "$srv" "$srv2" || fail "$region: server delete failed"
  ok "$region server delete --wait"
  os network delete "$net"
  ok "$region network delete"
  CLEANUP=()
}

SECONDS=0
for pod in $LAB_PODS; do smoke_pod "$pod"; done
log "smoke: PASSED ($PASS checks, ${SECONDS}s)"
