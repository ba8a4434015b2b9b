import type { BindingView } from '@podgate/bindings';
import { z } from 'zod';
import { pageLinksWire } from '../pagination/next-link';

/** A binding as the admin API shows it: rm_bindings in snake_case; ended bindings are kept. */
export const BindingWire = z.object({
  binding_id: z.uuid(),
  project_id: z.string(),
  az_name: z.string(),
  affinity_tag: z.string().nullable(),
  pod_id: z.uuid(),
  reason: z.string().meta({ description: 'first-request, admin-pin or rebalanced.' }),
  active: z.boolean(),
  bound_at: z.iso.datetime(),
  bound_by: z.string().meta({ description: 'User id of whoever caused the binding.' }),
  ended_at: z.iso.datetime().nullable(),
  end_reason: z.string().nullable(),
  ended_by: z.string().nullable(),
});
export type BindingWire = z.output<typeof BindingWire>;

export const BindingResponse = z.object({ binding: BindingWire });
export const BindingListResponse = z.object({ bindings: z.array(BindingWire), bindings_links: pageLinksWire() });

export const toBindingWire = (view: BindingView): BindingWire => ({
  binding_id: view.bindingId,
  project_id: view.projectId,
  az_name: view.azName,
  affinity_tag: view.affinityTag,
  pod_id: view.podId,
  reason: view.reason,
  active: view.active,
  bound_at: view.boundAt,
  bound_by: view.boundBy,
  ended_at: view.endedAt,
  end_reason: view.endReason,
  ended_by: view.endedBy,
});
