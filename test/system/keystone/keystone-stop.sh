#!/usr/bin/env bash
# Stops the system-test Keystone started by keystone-server.sh (only that uwsgi, by its pid file; the
# OpenStack lab's Keystone and PostgreSQL are left alone). State is kept: the next start is a warm one.
set -euo pipefail

DIR=/var/lib/podgate-system/keystone
log() { echo "keystone-stop: $*" >&2; }

pid="$(cat "$DIR/uwsgi.pid" 2>/dev/null || true)"
# Only a process whose command line names our ini file: a pid file left by a reboot may name anyone.
if [ -z "$pid" ] || ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$DIR/uwsgi.ini"; then
  log 'not running'
  rm -f "$DIR/uwsgi.pid"
  exit 0
fi

# die-on-term: TERM makes the uwsgi master stop its worker and exit.
kill -TERM "$pid"
for _ in $(seq 1 30); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  log "uwsgi $pid ignored TERM for 15 s, killing it and its worker"
  pkill -KILL -P "$pid" || true
  kill -KILL "$pid" || true
fi
rm -f "$DIR/uwsgi.pid"
log "stopped (pid $pid)"
