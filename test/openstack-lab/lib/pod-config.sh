# Config generators for one pod's services. Each function writes into $LAB_ETC/pod<N>/<service>/.
# Sourced by lib/pod.sh. Regenerated on every start (cheap), so edits here apply on restart.

# Common oslo sections of every service in pod $1.
oslo_common() {
  cat <<SEC
[oslo_concurrency]
lock_path = $LAB_DIR/pod$1/lock
[oslo_messaging_rabbit]
# lab-only: no AMQP heartbeats (fewer wake-ups, nothing to time out under load)
heartbeat_timeout_threshold = 0
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
SEC
}

write_placement_config() {
  local n="$1" d="$LAB_ETC/pod$1/placement"
  install -d "$d"
  {
    cat <<CONF
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url "pod${n}_placement" "pod${n}")
CONF
    auth_section keystone_authtoken placement "Pod$n"
    oslo_common "$n"
  } >"$d/placement.conf"
  write_uwsgi_ini "$d/uwsgi.ini" "$(pod_port "$n" 8778)" /usr/bin/placement-api 4 \
    "OS_PLACEMENT_CONFIG_DIR=$d"
}

write_glance_config() {
  local n="$1" d="$LAB_ETC/pod$1/glance" s="$LAB_DIR/pod$1/glance"
  install -d "$d" "$s/images" "$s/staging" "$s/tasks"
  {
    cat <<CONF
[DEFAULT]
bind_host = $LAB_HOST
bind_port = $(pod_port "$n" 9292)
# 0 = serve from this process, no forked workers
workers = 0
enabled_backends = fs:file
show_image_direct_url = false
[database]
connection = $(db_url "pod${n}_glance" "pod${n}")
[paste_deploy]
flavor = keystone
config_file = /usr/share/glance-common/glance-api-paste.ini
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $s/images/
[os_glance_staging_store]
filesystem_store_datadir = $s/staging/
[os_glance_tasks_store]
filesystem_store_datadir = $s/tasks/
CONF
    auth_section keystone_authtoken glance "Pod$n"
    oslo_common "$n"
  } >"$d/glance-api.conf"
}

write_neutron_config() {
  local n="$1" d="$LAB_ETC/pod$1/neutron"
  install -d "$d" "$LAB_DIR/pod$n/neutron"
  {
    cat <<CONF
[DEFAULT]
bind_host = $LAB_HOST
bind_port = $(pod_port "$n" 9696)
state_path = $LAB_DIR/pod$n/neutron
api_paste_config = /usr/share/neutron-common/api-paste.ini
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
transport_url = $(rabbit_url "pod$n")
# API and RPC inside the one neutron-server process
api_workers = 0
rpc_workers = 0
rpc_state_report_workers = 0
allow_overlapping_ips = true
dhcp_agent_notification = false
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
[database]
connection = $(db_url "pod${n}_neutron" "pod${n}")
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = openvswitch
extension_drivers = port_security
[ml2_type_vxlan]
vni_ranges = 1:1000
[ml2_type_flat]
flat_networks = public
[securitygroup]
enable_security_group = true
firewall_driver = noop
[agent]
root_helper = true
CONF
    auth_section keystone_authtoken neutron "Pod$n"
    auth_section nova nova "Pod$n"
    oslo_common "$n"
  } >"$d/neutron.conf"
}

write_nova_config() {
  local n="$1" d="$LAB_ETC/pod$1/nova"
  install -d "$d" "$LAB_DIR/pod$n/nova/instances"
  nova_conf "$n" >"$d/nova.conf"
  # nova-compute gets no database URLs (it must go through the conductor; with them it
  # logs "No DB access allowed in nova-compute" tracebacks at start-up).
  nova_conf "$n" | sed '/^\[api_database\]$/,+1d; /^\[database\]$/,+1d' >"$d/nova-compute.conf"
  write_uwsgi_ini "$d/uwsgi.ini" "$(pod_port "$n" 8774)" /usr/bin/nova-api-wsgi 1 \
    "OS_NOVA_CONFIG_DIR=$d" \
    "OS_NOVA_CONFIG_FILES=/usr/share/nova-common/api-paste.ini;nova.conf"  # first file = paste config
}

nova_conf() {
  local n="$1"
  {
    cat <<CONF
[DEFAULT]
host = pod$n-compute1
my_ip = $LAB_HOST
state_path = $LAB_DIR/pod$n/nova
instances_path = $LAB_DIR/pod$n/nova/instances
transport_url = $(rabbit_url "pod$n")
compute_driver = fake.FakeDriver
# one compute host per pod: resize/migrate must be allowed onto the same host
allow_resize_to_same_host = true
heal_instance_info_cache_interval = -1
use_rootwrap_daemon = false
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = /usr/share/nova-common/api-paste.ini
[api_database]
connection = $(db_url "pod${n}_nova_api" "pod${n}")
[database]
connection = $(db_url "pod${n}_nova" "pod${n}")
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = -1
[vnc]
enabled = false
[glance]
region_name = Pod$n
valid_interfaces = public
[cinder]
os_region_name = Pod$n
catalog_info = volumev3::publicURL
auth_type = password
auth_url = http://$LAB_HOST:5000/v3
username = nova
password = $LAB_SERVICE_PASS
project_name = service
user_domain_name = Default
project_domain_name = Default
CONF
    auth_section keystone_authtoken nova "Pod$n"
    # SECURITY: cinder (OSSA-2023-003) only lets nova delete attachments with a service token.
    auth_section service_user nova "Pod$n"
    echo "send_service_user_token = true"
    auth_section placement placement "Pod$n"
    echo "valid_interfaces = public"
    auth_section neutron neutron "Pod$n"
    echo "valid_interfaces = public"
    oslo_common "$n"
  }
}

write_cinder_config() {
  local n="$1" d="$LAB_ETC/pod$1/cinder"
  install -d "$d" "$LAB_DIR/pod$n/cinder"
  {
    cat <<CONF
[DEFAULT]
host = pod$n-cinder
state_path = $LAB_DIR/pod$n/cinder
api_paste_config = /usr/share/cinder-common/api-paste.ini
osapi_volume_listen = $LAB_HOST
osapi_volume_listen_port = $(pod_port "$n" 8776)
osapi_volume_workers = 1
auth_strategy = keystone
transport_url = $(rabbit_url "pod$n")
glance_api_servers = http://$LAB_HOST:$(pod_port "$n" 9292)
enabled_backends = fake
default_volume_type = fake
# report backend capabilities to the scheduler right away, not after a random delay
periodic_fuzzy_delay = 0
[database]
connection = $(db_url "pod${n}_cinder" "pod${n}")
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
target_helper = fake
CONF
    auth_section keystone_authtoken cinder "Pod$n"
    auth_section nova nova "Pod$n"
    echo "interface = public"
    # Keystone lives in RegionOne; don't look the identity endpoint up in Pod$n's catalog.
    echo "token_auth_url = http://$LAB_HOST:5000/v3"
    oslo_common "$n"
  } >"$d/cinder.conf"
}
