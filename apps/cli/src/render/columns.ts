import type { AuditEvent, Binding, Pod, Routing } from '../admin-client/resources';
import type { Column } from './render';

/** Free capacity at a glance: "37%", "unreachable", or blank before the first poll. */
export function podUsageText(pod: Pod): string {
  if (!pod.usage) return '';
  if (pod.usage.reachable === false) return 'unreachable';
  return pod.usage.used_fraction === null ? '' : `${Math.round(pod.usage.used_fraction * 100)}%`;
}

export const POD_COLUMNS: readonly Column<Pod>[] = [
  { header: 'ID', value: (pod) => pod.pod_id },
  { header: 'Name', value: (pod) => pod.name },
  { header: 'AZ', value: (pod) => pod.az_name },
  { header: 'Affinity Tag', value: (pod) => pod.affinity_tag },
  { header: 'Status', value: (pod) => pod.status },
  { header: 'Maintenance', value: (pod) => pod.in_maintenance },
  { header: 'Used', value: podUsageText },
  { header: 'Threshold', value: (pod) => pod.capacity_threshold },
];

export const BINDING_COLUMNS: readonly Column<Binding>[] = [
  { header: 'ID', value: (binding) => binding.binding_id },
  { header: 'Project', value: (binding) => binding.project_id },
  { header: 'AZ', value: (binding) => binding.az_name },
  { header: 'Affinity Tag', value: (binding) => binding.affinity_tag },
  { header: 'Pod', value: (binding) => binding.pod_id },
  { header: 'Active', value: (binding) => binding.active },
  { header: 'Bound At', value: (binding) => binding.bound_at },
  { header: 'Ended At', value: (binding) => binding.ended_at },
  { header: 'Reason', value: (binding) => binding.end_reason ?? binding.reason },
];

export const ROUTING_COLUMNS: readonly Column<Routing>[] = [
  { header: 'Top ID', value: (routing) => routing.top_id },
  { header: 'Bottom ID', value: (routing) => routing.bottom_id },
  { header: 'Resource Type', value: (routing) => routing.resource_type },
  { header: 'Pod', value: (routing) => routing.pod_id },
  { header: 'Project', value: (routing) => routing.project_id },
  { header: 'AZ', value: (routing) => routing.az_name },
  { header: 'Created At', value: (routing) => routing.created_at },
];

export const AUDIT_COLUMNS: readonly Column<AuditEvent>[] = [
  { header: 'Position', value: (event) => event.position },
  { header: 'Occurred At', value: (event) => event.occurred_at },
  { header: 'Type', value: (event) => event.type },
  { header: 'Outcome', value: (event) => event.outcome },
  { header: 'Resource', value: (event) => event.resource_id },
  { header: 'User', value: (event) => event.actor?.user_id },
  { header: 'Project', value: (event) => event.actor?.project_id },
  { header: 'Request ID', value: (event) => event.request_id },
];
