// The admin API's resources as the contract describes them (JSON, snake_case). The CLI passes
// them through untouched for `-f json`; tables pick a few of these fields.

export interface PodUsage {
  readonly vcpus: number;
  readonly vcpus_used: number;
  readonly memory_mb: number;
  readonly memory_mb_used: number;
  readonly disk_gb: number;
  readonly disk_gb_used: number;
  readonly running_vms: number;
  readonly used_fraction: number | null;
  readonly reachable: boolean | null;
  readonly reported_at: string;
}

export interface Pod {
  readonly pod_id: string;
  readonly name: string;
  readonly az_name: string;
  readonly pod_az_name: string | null;
  readonly dc_name: string | null;
  readonly affinity_tag: string | null;
  readonly capacity_threshold: number;
  readonly endpoints: Readonly<Record<string, string>> | null;
  readonly in_maintenance: boolean;
  readonly maintenance_reason: string | null;
  readonly status: 'active' | 'deregistered';
  readonly registered_at: string;
  readonly updated_at: string;
  readonly usage: PodUsage | null;
}

export interface Binding {
  readonly binding_id: string;
  readonly project_id: string;
  readonly az_name: string;
  readonly affinity_tag: string | null;
  readonly pod_id: string;
  readonly reason: string;
  readonly active: boolean;
  readonly bound_at: string;
  readonly bound_by: string;
  readonly ended_at: string | null;
  readonly end_reason: string | null;
  readonly ended_by: string | null;
}

export interface Routing {
  readonly id: string;
  readonly top_id: string;
  readonly bottom_id: string;
  readonly pod_id: string;
  readonly project_id: string;
  readonly resource_type: string;
  readonly az_name: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface AuditEvent {
  readonly position: string;
  readonly event_id: string;
  readonly type: string;
  readonly stream: string;
  readonly resource_type: string | null;
  readonly resource_id: string | null;
  readonly pod_id: string | null;
  readonly outcome: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly actor: {
    readonly user_id: string | null;
    readonly project_id: string | null;
    readonly roles: readonly string[];
  } | null;
  readonly request_id: string | null;
  readonly global_request_id: string | null;
  readonly data: unknown;
}
