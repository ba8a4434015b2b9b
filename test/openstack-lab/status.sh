#!/usr/bin/env bash
# Shows every recorded daemon (running or not), its memory (PSS/RSS summed over the process
# group, from /proc), the lab's listening sockets, and whether any of them is not on loopback.
# Exit status 0 only when every recorded daemon is running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# kB of Pss and Rss summed over all processes of group $1.
group_mem() {
  local pgid="$1" pid pss=0 rss=0 p r
  for pid in $(ps -e -o pid=,pgid= | awk -v g="$pgid" '$2 == g {print $1}'); do
    p=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    r=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    pss=$((pss + ${p:-0})); rss=$((rss + ${r:-0}))
  done
  echo "$pss $rss"
}

compgen -G "$LAB_RUN/*.pid" >/dev/null || { echo "lab is down: no daemons recorded in $LAB_RUN"; exit 1; }
down=0 total_pss=0 total_rss=0 pgids=()
printf '%-24s %-8s %8s %10s %10s\n' DAEMON STATE PGID PSS_MiB RSS_MiB
for f in "$LAB_RUN"/*.pid; do
  name="$(basename "$f" .pid)"
  pgid="$(recorded_pgid "$name")"
  if is_running "$name"; then
    read -r pss rss < <(group_mem "$pgid")
    total_pss=$((total_pss + pss)); total_rss=$((total_rss + rss)); pgids+=("$pgid")
    printf '%-24s %-8s %8s %10d %10d\n' "$name" up "$pgid" $((pss / 1024)) $((rss / 1024))
  else
    printf '%-24s %-8s %8s\n' "$name" DOWN "$pgid"; down=1
  fi
done
printf '%-24s %-8s %8s %10d %10d\n' TOTAL "" "" $((total_pss / 1024)) $((total_rss / 1024))

# Listening sockets owned by our process groups.
echo
echo "listening sockets of the lab:"
pids=" $(ps -e -o pid=,pgid= | awk -v gs=" ${pgids[*]} " 'index(gs, " " $2 " ") {printf "%s ", $1}') "
bad=0
while read -r _ _ _ local _ users; do
  pid="$(grep -o 'pid=[0-9]*' <<<"$users" | head -1 | cut -d= -f2 || true)"  # may have no owner
  [[ -n "$pid" && "$pids" == *" $pid "* ]] || continue
  proc="$(grep -o '"[^"]*"' <<<"$users" | head -1 || true)"
  echo "  $local $proc"
  # epmd always adds the loopback addresses, IPv6 [::1] included (epmd(1), -address)
  [[ "$local" == 127.0.0.1:* || "$local" == "[::1]:"* ]] || { echo "  ^^^ NOT on loopback"; bad=1; }
done < <(ss -Hltnp; ss -Hlunp)
(( bad == 0 )) && echo "  all on loopback (127.0.0.1; epmd also on [::1])"
exit $(( down || bad ))
