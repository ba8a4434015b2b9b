import { streamName } from '@podgate/event-store';
import { metadataFor, newId, systemContext } from '@podgate/kernel';
import { waitForCheckpoint } from '@podgate/read-model';
import { routingId, routingsProjection } from '@podgate/routing';
import type { Test } from 'supertest';
import { type AdminHarness, type Caller, registerPod } from './admin-harness';

/** Ids of things an admin endpoint acts on; each destructive endpoint gets its own. */
export interface EndpointFixture {
  readonly podId: string;
  readonly podToDeregister: string;
  readonly bindingId: string;
  readonly bindingToEnd: string;
  readonly routingId: string;
  /** Unique per run, so the register call can succeed once. */
  readonly newPodName: string;
}

export interface AdminEndpoint {
  readonly rule: string;
  readonly call: (caller: Caller, fixture: EndpointFixture) => Test;
  /** The status an admin gets. */
  readonly ok: number;
}

/** Every admin endpoint behind a policy rule: the authz matrices walk this table. */
export const ADMIN_ENDPOINTS: readonly AdminEndpoint[] = [
  { rule: 'admin:pods:list', ok: 200, call: (c) => c.get('/v1.0/pods') },
  { rule: 'admin:pods:show', ok: 200, call: (c, f) => c.get(`/v1.0/pods/${f.podId}`) },
  {
    rule: 'admin:pods:register',
    ok: 201,
    call: (c, f) => c.post('/v1.0/pods', { pod: { name: f.newPodName, az_name: 'authz-az' } }),
  },
  { rule: 'admin:pods:update', ok: 200, call: (c, f) => c.put(`/v1.0/pods/${f.podId}`, { pod: { dc_name: 'dc-authz' } }) },
  { rule: 'admin:pods:deregister', ok: 204, call: (c, f) => c.delete(`/v1.0/pods/${f.podToDeregister}`) },
  { rule: 'admin:bindings:list', ok: 200, call: (c) => c.get('/v1.0/bindings?active=true') },
  { rule: 'admin:bindings:show', ok: 200, call: (c, f) => c.get(`/v1.0/bindings/${f.bindingId}`) },
  {
    rule: 'admin:bindings:create',
    ok: 201,
    call: (c, f) =>
      c.post('/v1.0/bindings', { binding: { project_id: 'tenant-authz-new', az_name: 'authz-az', pod_id: f.podId } }),
  },
  { rule: 'admin:bindings:end', ok: 200, call: (c, f) => c.delete(`/v1.0/bindings/${f.bindingToEnd}`) },
  { rule: 'admin:routings:list', ok: 200, call: (c) => c.get('/v1.0/routings') },
  { rule: 'admin:routings:show', ok: 200, call: (c, f) => c.get(`/v1.0/routings/${f.routingId}`) },
  { rule: 'admin:audit:list', ok: 200, call: (c) => c.get('/v1.0/audit') },
  { rule: 'admin:audit:export', ok: 200, call: (c) => c.get('/v1.0/audit/export') },
];

/** A pod, a second pod to deregister, two bindings (one to end) and a routing, for walking every endpoint. */
export async function endpointFixture(harness: AdminHarness, tag: string): Promise<EndpointFixture> {
  const podId = (await registerPod(harness, `AuthzPod-${tag}`, 'authz-az')).pod_id as string;
  const podToDeregister = (await registerPod(harness, `AuthzGone-${tag}`, 'authz-az')).pod_id as string;
  const pin = async (projectId: string) =>
    (
      await harness.admin
        .post('/v1.0/bindings', { binding: { project_id: projectId, az_name: 'authz-az', pod_id: podId } })
        .expect(201)
    ).body.binding.binding_id as string;
  const topId = newId();
  const appended = await harness.store.append(
    streamName('server', topId),
    [
      {
        id: newId(),
        type: 'ResourceRouted',
        data: { resourceType: 'server', topId, bottomId: newId(), podId, projectId: 'tenant-authz', azName: 'authz-az' },
        metadata: metadataFor(systemContext(), new Date()),
      },
    ],
    'no_stream',
  );
  if (!(await waitForCheckpoint(harness.sql, routingsProjection, appended.position, 5000)))
    throw new Error('rm_routings did not catch up');
  return {
    podId,
    podToDeregister,
    bindingId: await pin(`tenant-authz-${tag}`),
    bindingToEnd: await pin(`tenant-authz-end-${tag}`),
    routingId: routingId('server', topId, podId),
    newPodName: `AuthzNew-${tag}`,
  };
}
