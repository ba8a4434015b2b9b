# Keystone under uwsgi on 127.0.0.1:5000 (fernet, RegionOne) plus the catalog for every pod.
# Sourced by start.sh.

KS_ETC="$LAB_ETC/keystone"

write_keystone_config() {
  install -d -m 700 "$KS_ETC" "$KS_ETC/fernet-keys" "$KS_ETC/credential-keys"
  cat >"$KS_ETC/keystone.conf" <<CONF
[DEFAULT]
use_stderr = true
[database]
connection = $(db_url keystone keystone)
[token]
provider = fernet
[fernet_tokens]
key_repository = $KS_ETC/fernet-keys
[credential]
key_repository = $KS_ETC/credential-keys
[identity]
# lab-only: cheap bcrypt, every token issue is a password check
password_hash_rounds = 4
[cache]
enabled = true
backend = dogpile.cache.memory
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
CONF
  write_uwsgi_ini "$KS_ETC/uwsgi.ini" 5000 /usr/bin/keystone-wsgi-public 4 \
    "OS_KEYSTONE_CONFIG_FILES=$KS_ETC/keystone.conf"
}

keystone_manage() { "${NICE[@]}" keystone-manage --config-file "$KS_ETC/keystone.conf" "$@"; }

start_keystone() {
  write_keystone_config
  if ! is_ready keystone-db; then
    log "keystone: db_sync, fernet keys, bootstrap"
    ensure_db keystone keystone
    keystone_manage db_sync >>"$LAB_LOG/keystone-setup.log" 2>&1 || { show_log keystone-setup; die "keystone db_sync failed"; }
    [[ -e "$KS_ETC/fernet-keys/0" ]] || keystone_manage fernet_setup --keystone-user root --keystone-group root >>"$LAB_LOG/keystone-setup.log" 2>&1
    [[ -e "$KS_ETC/credential-keys/0" ]] || keystone_manage credential_setup --keystone-user root --keystone-group root >>"$LAB_LOG/keystone-setup.log" 2>&1
    keystone_manage bootstrap --bootstrap-password "$LAB_ADMIN_PASS" \
      --bootstrap-admin-url "$LAB_KEYSTONE_URL" --bootstrap-public-url "$LAB_KEYSTONE_URL" \
      --bootstrap-internal-url "$LAB_KEYSTONE_URL" --bootstrap-region-id RegionOne \
      >>"$LAB_LOG/keystone-setup.log" 2>&1 || { show_log keystone-setup; die "keystone bootstrap failed"; }
    mark_ready keystone-db
  fi
  run_uwsgi keystone "$KS_ETC/uwsgi.ini"
  wait_until 90 keystone "Keystone token API" \
    curl -sf --max-time 3 "$LAB_KEYSTONE_URL" || die "keystone did not come up"
  log "keystone: up on $LAB_KEYSTONE_URL ($(elapsed))"
}

# Regions, services, endpoints, users (all pods), in one Python process: the CLI costs ~2 s a call.
setup_keystone_catalog() {
  if is_ready "keystone-catalog-${LAB_PODS// /_}"; then return 0; fi
  log "keystone: creating service users, demo tenant, regions and endpoints for pods: $LAB_PODS"
  admin_env
  LAB_SERVICE_PASS="$LAB_SERVICE_PASS" LAB_DEMO_PASS="$LAB_DEMO_PASS" \
    "${NICE[@]}" $LAB_PYTHON "$LAB_ROOT/bin/lab-setup.py" catalog $LAB_PODS \
    >>"$LAB_LOG/keystone-setup.log" 2>&1 || { show_log keystone-setup; die "keystone catalog setup failed"; }
  mark_ready "keystone-catalog-${LAB_PODS// /_}"
}
