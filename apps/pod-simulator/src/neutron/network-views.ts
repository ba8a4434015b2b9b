// Neutron v2.0 views of the stub's records.
import { isoSeconds } from '../clock';
import { Network, Port, SecurityGroup, Subnet } from './network-store';

export const renderNetwork = (n: Network, az: string): Record<string, unknown> => ({
  id: n.id,
  name: n.name,
  tenant_id: n.projectId,
  project_id: n.projectId,
  admin_state_up: true,
  mtu: 1450,
  status: 'ACTIVE',
  subnets: [...n.subnetIds],
  shared: n.shared,
  'router:external': n.external,
  availability_zone_hints: [],
  availability_zones: [az],
  ipv4_address_scope: null,
  ipv6_address_scope: null,
  description: '',
  port_security_enabled: true,
  qos_policy_id: null,
  is_default: false,
  tags: [],
  created_at: isoSeconds(n.createdAt),
  updated_at: isoSeconds(n.createdAt),
  revision_number: 1,
});

export function renderSubnet(s: Subnet): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    network_id: s.networkId,
    tenant_id: s.projectId,
    project_id: s.projectId,
    ip_version: 4,
    cidr: s.cidr,
    gateway_ip: s.gatewayIp,
    allocation_pools: [{ start: '10.0.0.2', end: '10.0.255.254' }],
    dns_nameservers: [],
    host_routes: [],
    enable_dhcp: true,
    ipv6_ra_mode: null,
    ipv6_address_mode: null,
    subnetpool_id: null,
    service_types: [],
    description: '',
    tags: [],
    revision_number: 1,
  };
}

export function renderPort(p: Port, securityGroupIds: string[]): Record<string, unknown> {
  return {
    id: p.id,
    name: '',
    network_id: p.networkId,
    tenant_id: p.projectId,
    project_id: p.projectId,
    mac_address: p.macAddress,
    admin_state_up: true,
    // Nothing is wired in the simulator; Neutron without agents leaves ports DOWN too.
    status: 'DOWN',
    device_id: p.deviceId,
    device_owner: p.deviceOwner,
    fixed_ips: [{ subnet_id: p.subnetId, ip_address: p.ipAddress }],
    allowed_address_pairs: [],
    extra_dhcp_opts: [],
    security_groups: securityGroupIds,
    'binding:vnic_type': 'normal',
    port_security_enabled: true,
    description: '',
    tags: [],
    created_at: isoSeconds(p.createdAt),
    updated_at: isoSeconds(p.createdAt),
    revision_number: 1,
  };
}

function defaultRules(g: SecurityGroup): Record<string, unknown>[] {
  const rule = (id: number, direction: string, ethertype: string, remoteGroup: string | null) => ({
    id: `${g.id.slice(0, 24)}${id.toString(16).padStart(12, '0')}`,
    security_group_id: g.id,
    direction,
    ethertype,
    protocol: null,
    port_range_min: null,
    port_range_max: null,
    remote_ip_prefix: null,
    remote_group_id: remoteGroup,
    tenant_id: g.projectId,
    project_id: g.projectId,
    description: null,
  });
  return [
    rule(1, 'egress', 'IPv4', null),
    rule(2, 'egress', 'IPv6', null),
    rule(3, 'ingress', 'IPv4', g.id),
    rule(4, 'ingress', 'IPv6', g.id),
  ];
}

export const renderSecurityGroup = (g: SecurityGroup): Record<string, unknown> => ({
  id: g.id,
  name: g.name,
  description: g.description,
  tenant_id: g.projectId,
  project_id: g.projectId,
  security_group_rules: defaultRules(g),
  stateful: true,
  shared: false,
  tags: [],
  created_at: isoSeconds(g.createdAt),
  updated_at: isoSeconds(g.createdAt),
  revision_number: 1,
});

export const securityGroupRules = (g: SecurityGroup) => defaultRules(g);
