#!/usr/bin/env bash
# Starts a real Keystone (Debian bookworm, OpenStack Zed) on 127.0.0.1:5050 for the system tests, installing
# it when missing, on the test:system PostgreSQL (postgres-server.sh, 127.0.0.1:55432). Idempotent: a running
# Keystone is reused, one-time setup runs once per database, the seed only adds what is missing.
# Prints nothing on stdout but KEYSTONE_TEST_URL=http://127.0.0.1:5050/v3; logs go to stderr.
#
# Seeded (domain Default, region RegionOne plus Pod1 and Pod2):
#   admin/system-admin-secret    admin on project admin (keystone-manage bootstrap)
#   podgate/podgate-secret       admin + service on project service (the gateway's service user)
#   alice/alice-secret           member on tenant-a
#   bob/bob-secret               member on tenant-b
#   catalog: compute http://127.0.0.1:18774/v2.1 (Pod1), :28774 (Pod2); volumev3 :18776 / :28776
#            /v3/%(project_id)s; identity in every region. Nothing listens on the pod ports.
# Tokens live 3600 s. There is no short-lived token: an "expired token" test revokes one instead
# (DELETE /v3/auth/tokens); Keystone answers 404 on validation for a revoked and an expired token alike.
#
# The OpenStack lab (test/openstack-lab, Keystone on :5000 with MariaDB) is a separate tier and may run at
# the same time: nothing here touches its files, ports or processes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Fixed on purpose: the state directory belongs to the one `keystone` database (a second directory would
# re-run bootstrap on it and re-point the identity endpoints).
PORT=5050
DIR=/var/lib/podgate-system/keystone
URL="http://127.0.0.1:${PORT}/v3"
ADMIN_PASS=system-admin-secret # SECURITY: test-only credentials, Keystone listens on loopback only.
DB_PASS=keystone-db-secret
PY=/usr/bin/python3 # python3 on PATH may be pyenv's, without Debian's OpenStack libraries
log() { echo "keystone-server: $*" >&2; }
die() {
  log "ERROR: $*"
  for f in "$DIR/setup.log" "$DIR/keystone.log"; do
    [ -f "$f" ] && { echo "----- tail of $f -----" >&2 && tail -n 40 "$f" >&2; }
  done
  exit 1
}

# python3-keystone alone carries keystone-manage and keystone-wsgi-public. The `keystone` package adds only
# an init script, a system user and dbconfig questions, so it is not installed; uwsgi-core, not `uwsgi`
# (whose init script would start its own daemons).
PACKAGES=(python3-keystone python3-keystoneclient python3-psycopg2 uwsgi-core uwsgi-plugin-python3 curl)
missing=()
for p in "${PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = 'install ok installed' ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # No package may start a daemon (there is no systemd; Debian's init scripts bind 0.0.0.0).
  [ -x /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d; }
  # Should the full `keystone` package get installed anyway (the lab does), it must not configure a database,
  # bootstrap an admin or register an endpoint of its own.
  printf 'keystone keystone/%s boolean false\n' configure_db create-admin-tenant register-endpoint | debconf-set-selections
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=900 "${missing[@]}" >&2
fi

# The test:system PostgreSQL; started here too so this script also works on its own. 9>&- everywhere a
# daemon may be spawned: it must not inherit the lock below.
PG_URL="$(bash "$HERE/../postgres-server.sh" 9>&-)"
PG_HOSTPORT="${PG_URL#*@}" && PG_HOSTPORT="${PG_HOSTPORT%%/*}"

# One run at a time (parallel test runs of several engineers): start and seed are not atomic.
mkdir -p "$DIR"
exec 9>"$DIR/.lock"
flock -w 600 9 || die "another keystone-server.sh holds $DIR/.lock"

# Owner of process $1 is our uwsgi (not a recycled pid): its command line names our ini file.
ours() { [ -n "$1" ] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$DIR/uwsgi.ini"; }
pid="$(cat "$DIR/uwsgi.pid" 2>/dev/null || true)"

if ! ours "$pid"; then
  sql() { psql "$PG_URL" -v ON_ERROR_STOP=1 -qtAc "$1"; }
  sql "SELECT 1 FROM pg_roles WHERE rolname = 'keystone'" | grep -q 1 ||
    sql "CREATE ROLE keystone LOGIN PASSWORD '$DB_PASS'" >&2
  sql "SELECT 1 FROM pg_database WHERE datname = 'keystone'" | grep -q 1 || sql 'CREATE DATABASE keystone OWNER keystone' >&2

  install -d -m 700 "$DIR/fernet-keys" "$DIR/credential-keys"
  cat >"$DIR/keystone.conf" <<CONF
[DEFAULT]
use_stderr = true
[database]
connection = postgresql+psycopg2://keystone:$DB_PASS@$PG_HOSTPORT/keystone
[token]
provider = fernet
[fernet_tokens]
key_repository = $DIR/fernet-keys
[credential]
key_repository = $DIR/credential-keys
[identity]
# test-only: cheap bcrypt, every token issue checks a password
password_hash_rounds = 4
[cache]
enabled = true
backend = dogpile.cache.memory
[oslo_policy]
# Zed's defaults, spelled out: the legacy admin-anywhere rules, no scope checks
enforce_new_defaults = false
enforce_scope = false
CONF
  # One process, so the in-memory cache is coherent. uwsgi's http-socket closes every connection: without
  # "Connection: close" clients that keep connections alive get ECONNRESET (devstack does the same).
  cat >"$DIR/uwsgi.ini" <<INI
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$PORT
wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_FILES=$DIR/keystone.conf
processes = 1
threads = 4
master = true
need-app = true
lazy-apps = true
die-on-term = true
buffer-size = 65535
http-keepalive = false
# Log only failed requests; Keystone's own warnings and errors go to the same file.
disable-logging = true
log-4xx = true
log-5xx = true
add-header = Connection: close
daemonize = $DIR/keystone.log
pidfile = $DIR/uwsgi.pid
INI

  # One-time setup per database. The marker holds the database's oid, so a recreated database (a wiped
  # PostgreSQL) is set up again. Not repeated on every start: bootstrap re-sets the admin password, which
  # revokes the admin's tokens under the feet of a parallel test run.
  oid="$(sql "SELECT oid FROM pg_database WHERE datname = 'keystone'")"
  if [ "$(cat "$DIR/.setup-done" 2>/dev/null || true)" != "$oid" ]; then
    log "db_sync, fernet and credential keys, bootstrap (database oid $oid)"
    km() { keystone-manage --config-file "$DIR/keystone.conf" "$@" >>"$DIR/setup.log" 2>&1; }
    km db_sync || die 'keystone-manage db_sync failed'
    [ -e "$DIR/fernet-keys/0" ] || km fernet_setup --keystone-user root --keystone-group root || die 'fernet_setup failed'
    [ -e "$DIR/credential-keys/0" ] || km credential_setup --keystone-user root --keystone-group root || die 'credential_setup failed'
    km bootstrap --bootstrap-password "$ADMIN_PASS" --bootstrap-region-id RegionOne \
      --bootstrap-admin-url "$URL" --bootstrap-internal-url "$URL" --bootstrap-public-url "$URL" || die 'bootstrap failed'
    echo "$oid" >"$DIR/.setup-done"
  fi

  log "starting uwsgi on 127.0.0.1:$PORT (log $DIR/keystone.log)"
  rm -f "$DIR/uwsgi.pid"
  /usr/bin/uwsgi-core --ini "$DIR/uwsgi.ini" 9>&- >&2 || die 'uwsgi did not start'
fi

# Bounded wait: Keystone takes a few seconds to import.
for _ in $(seq 1 120); do
  curl -sf --max-time 3 -o /dev/null "$URL" && break
  pid="$(cat "$DIR/uwsgi.pid" 2>/dev/null || true)"
  [ -z "$pid" ] || ours "$pid" || die "uwsgi exited (see $DIR/keystone.log)"
  sleep 0.5
done
curl -sf --max-time 3 -o /dev/null "$URL" || die "Keystone does not answer on $URL after 60 s"

# The seed, in one Python process (each `openstack` CLI call costs ~2 s of start-up). Only adds what is
# missing; never re-sets a password (that would revoke the tokens of a test run in progress).
KEYSTONE_URL="$URL" ADMIN_PASS="$ADMIN_PASS" "$PY" - >>"$DIR/setup.log" 2>&1 <<'PY' || die 'seeding failed'
import os

from keystoneauth1 import session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client

url = os.environ['KEYSTONE_URL']
auth = v3.Password(auth_url=url, username='admin', password=os.environ['ADMIN_PASS'], project_name='admin',
                   user_domain_id='default', project_domain_id='default')
ks = client.Client(session=session.Session(auth=auth), endpoint_override=url)


def one(items):
    return items[0] if items else None


domain = ks.domains.get('default')
roles = {r: one(ks.roles.list(name=r)) or ks.roles.create(r) for r in ('admin', 'member', 'reader', 'service')}
projects = {p: one(ks.projects.list(name=p, domain=domain)) or ks.projects.create(p, domain)
            for p in ('admin', 'service', 'tenant-a', 'tenant-b')}
users = {
    # name: (password, project, roles)
    'podgate': ('podgate-secret', 'service', ('admin', 'service')),
    'alice': ('alice-secret', 'tenant-a', ('member',)),
    'bob': ('bob-secret', 'tenant-b', ('member',)),
}
for name, (password, project, granted) in users.items():
    user = one(ks.users.list(name=name, domain=domain))
    if user is None:
        user = ks.users.create(name, domain=domain, password=password, default_project=projects[project])
        print(f'user {name} created')
    for role in granted:
        ks.roles.grant(roles[role], user=user, project=projects[project])  # PUT: a no-op when present

services = {s.type: s for s in ks.services.list()}
for name, stype in (('nova', 'compute'), ('cinderv3', 'volumev3')):
    if stype not in services:
        services[stype] = ks.services.create(name, type=stype)
regions = {r.id for r in ks.regions.list()}
existing = {(e.service_id, e.interface, e.region_id) for e in ks.endpoints.list()}
for pod in (1, 2):
    region = f'Pod{pod}'
    if region not in regions:
        ks.regions.create(id=region, description=f'podgate system-test pod {pod} (nothing listens)')
    # Identity in every region, as real shared-Keystone clouds do: clients look it up in their own region.
    urls = {'identity': url, 'compute': f'http://127.0.0.1:{pod}8774/v2.1',
            'volumev3': f'http://127.0.0.1:{pod}8776/v3/%(project_id)s'}
    for stype, endpoint_url in urls.items():
        for interface in ('public', 'internal', 'admin'):
            if (services[stype].id, interface, region) not in existing:
                ks.endpoints.create(services[stype], endpoint_url, interface=interface, region=region)
print('seed complete')
PY

log "up on $URL"
echo "KEYSTONE_TEST_URL=$URL"
