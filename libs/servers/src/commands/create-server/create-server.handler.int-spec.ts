import { PodUnreachableError } from '@podgate/openstack';
import { ServerProvisioningInDoubtError } from '../../domain/server.errors';
import { PROVISIONING_METADATA_KEY, provisioningIdFor, serverProvisioningStream, serverStream } from '../../domain/server.stream';
import { createServerInput, openServersTestBed, podServersOf, type ServersTestBed } from '../../testing/servers-test-bed';
import { appendServerEvents } from '../server-stream-writer';
import { summarizeServerRequest } from '../../domain/server-request-summary';
import { listServerPods } from '../../queries/list-server-pods/list-server-pods.query';
import { CreateServerCommand } from './create-server.command';

describe('CreateServer (PGlite, pod simulator)', () => {
  let bed: ServersTestBed;

  beforeAll(async () => (bed = await openServersTestBed()));
  afterAll(() => bed?.close());

  it('records the intent before forwarding, then ServerCreated with its route; the pod gets its own AZ and the tag', async () => {
    const alice = bed.tenant('alice');
    const context = alice.context();
    const provisioningId = provisioningIdFor(context.requestId);
    const [pod] = bed.pods;
    await pod.sim.faults.update({ latencyMs: 300 });
    try {
      const running = bed
        .handlers()
        .create.execute(new CreateServerCommand(createServerInput(alice, { name: 'first' }), context));
      await new Promise((resolve) => setTimeout(resolve, 150)); // the pod is still holding the request
      expect((await bed.history(serverProvisioningStream(provisioningId))).map((e) => e.type)).toEqual([
        'ServerProvisioningRequested',
      ]);
      expect(podServersOf(pod, alice.projectId).filter((s) => s.name === 'first')).toEqual([]);

      const result = await running;
      expect(result.response.status).toBe(202);
      expect(result.pod.podId).toBe(pod.podId);
      const [serverId] = result.serverIds;
      expect(result.serverIds).toEqual([(result.response.body as { server: { id: string } }).server.id]);
      const onPod = pod.sim.state.nova.servers.get(serverId)!;
      expect(onPod.metadata).toEqual({ [PROVISIONING_METADATA_KEY]: provisioningId });
      expect(onPod.az).toBe('pod-az1');
      expect(await bed.history(serverStream(serverId))).toEqual([
        expect.objectContaining({
          type: 'ServerCreated',
          serverId,
          provisioningId,
          podId: pod.podId,
          azName: 'az1',
          projectId: alice.projectId,
        }),
        expect.objectContaining({ type: 'ResourceRouted', topId: serverId, podId: pod.podId, azName: 'az1' }),
      ]);
    } finally {
      await pod.sim.faults.update({ latencyMs: 0 });
    }
  });

  it('never records the secrets of the body, not even when the pod echoes them in its refusal', async () => {
    const alice = bed.tenant('alice');
    const context = alice.context();
    const secrets = {
      adminPass: 'hunter2-root-password',
      user_data: 'IyEvYmluL3NoIHNlY3JldA==',
      metadata: { db: 'db-password-42' },
    };
    // `description` before microversion 2.19: Nova refuses, echoing the whole server object.
    const input = createServerInput(alice, { name: 'echo', description: 'too early', ...secrets });
    const { response, serverIds } = await bed.handlers().create.execute(new CreateServerCommand(input, context));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(secrets.adminPass); // the caller gets the pod's answer unchanged
    expect(serverIds).toEqual([]);
    const provisioningId = provisioningIdFor(context.requestId);
    const history = await bed.history(serverProvisioningStream(provisioningId));
    expect(history.map((e) => e.type)).toEqual(['ServerProvisioningRequested', 'ServerProvisioningFailed']);
    expect(history[1]).toMatchObject({ status: 400, message: expect.stringContaining('"adminPass":"***"') });
    expect(history[0]).toMatchObject({ request: { hasAdminPass: true, hasUserData: true, metadataKeys: ['db'] } });
    const everything = JSON.stringify((await bed.readAll()).map((e) => [e.data, e.metadata]));
    for (const leaked of [secrets.adminPass, secrets.user_data, secrets.metadata.db, alice.token]) {
      expect(everything).not.toContain(leaked);
    }
  });

  it('creates once when the same request runs again, answering with the same server', async () => {
    const alice = bed.tenant('alice');
    const context = alice.context();
    const handlers = bed.handlers();
    const input = createServerInput(alice, { name: 'twice' });
    const first = await handlers.create.execute(new CreateServerCommand(input, context));
    const again = await bed.handlers().create.execute(new CreateServerCommand(input, context));
    expect(again.serverIds).toEqual(first.serverIds);
    expect(again.response.status).toBe(202);
    expect((again.response.body as { server: { id: string } }).server.id).toBe(first.serverIds[0]);
    expect(podServersOf(bed.pods[0], alice.projectId).filter((s) => s.name === 'twice')).toHaveLength(1);
    expect((await bed.history(serverStream(first.serverIds[0]))).map((e) => e.type)).toEqual(['ServerCreated', 'ResourceRouted']);
    expect((await bed.history(serverProvisioningStream(provisioningIdFor(context.requestId)))).map((e) => e.type)).toEqual([
      'ServerProvisioningRequested',
    ]);
  });

  describe('an intent without an outcome (the first run stopped after forwarding)', () => {
    const recordIntentOnly = async (name: string) => {
      const alice = bed.tenant('alice');
      const context = alice.context();
      const provisioningId = provisioningIdFor(context.requestId);
      const [pod] = bed.pods;
      await appendServerEvents(
        bed.store,
        [
          {
            type: 'ServerProvisioningRequested',
            data: {
              provisioningId,
              projectId: alice.projectId,
              azName: 'az1',
              podId: pod.podId,
              bindingId: crypto.randomUUID(),
              flavorRef: '1',
              imageRef: null,
              name,
              request: summarizeServerRequest({ name }),
            },
          },
        ],
        {
          correlationId: 'c',
          causationId: 'c',
          requestId: context.requestId,
          actor: { userId: 'u', projectId: 'p', roles: [] },
          occurredAt: new Date().toISOString(),
        },
      );
      return { alice, context, provisioningId, pod };
    };

    it('adopts the server the pod made with the tag, without forwarding again', async () => {
      const { alice, context, provisioningId, pod } = await recordIntentOnly('orphan');
      const made = await bed.proxy.forward({
        pod: { ...pod, endpoints: { compute: pod.sim.computeUrl } },
        service: 'compute',
        projectId: alice.projectId,
        method: 'POST',
        path: '/servers',
        token: alice.token,
        body: createServerInput(alice, { name: 'orphan', metadata: { [PROVISIONING_METADATA_KEY]: provisioningId } }).body,
      });
      const orphanId = (made.body as { server: { id: string } }).server.id;

      const result = await bed
        .handlers()
        .create.execute(new CreateServerCommand(createServerInput(alice, { name: 'orphan' }), context));
      expect(result).toMatchObject({ serverIds: [orphanId], response: { status: 202, body: { server: { id: orphanId } } } });
      expect(podServersOf(pod, alice.projectId).filter((s) => s.name === 'orphan')).toHaveLength(1);
      expect((await bed.history(serverStream(orphanId))).map((e) => e.type)).toEqual(['ServerCreated', 'ResourceRouted']);
    });

    it('refuses with 409 when the pod shows no such server, rather than risk a second one', async () => {
      const { alice, context, pod } = await recordIntentOnly('in-doubt');
      const run = bed.handlers().create.execute(new CreateServerCommand(createServerInput(alice, { name: 'in-doubt' }), context));
      await expect(run).rejects.toBeInstanceOf(ServerProvisioningInDoubtError);
      await expect(run).rejects.toMatchObject({ kind: 'conflict' });
      expect(podServersOf(pod, alice.projectId).filter((s) => s.name === 'in-doubt')).toEqual([]);
    });
  });

  it('records an unreachable pod as a 503 failure and answers PodUnreachableError', async () => {
    const bob = bed.tenant('bob');
    const context = bob.context();
    const pod = bed.pods[1];
    await pod.sim.down();
    try {
      const run = bed.handlers().create.execute(new CreateServerCommand(createServerInput(bob, {}, { azName: 'az2' }), context));
      await expect(run).rejects.toBeInstanceOf(PodUnreachableError);
    } finally {
      await pod.sim.up();
    }
    expect(await bed.history(serverProvisioningStream(provisioningIdFor(context.requestId)))).toEqual([
      expect.objectContaining({ type: 'ServerProvisioningRequested', podId: pod.podId, azName: 'az2' }),
      expect.objectContaining({ type: 'ServerProvisioningFailed', status: 503, message: expect.stringContaining('unreachable') }),
    ]);
  });

  it('records every server of a multi-create, found on the pod by the tag', async () => {
    const alice = bed.tenant('alice');
    const context = alice.context();
    const input = createServerInput(alice, { name: 'many', min_count: 3, max_count: 3 });
    const { serverIds, response } = await bed.handlers().create.execute(new CreateServerCommand(input, context));
    expect(response.status).toBe(202);
    const onPod = podServersOf(bed.pods[0], alice.projectId).filter((s) => s.name.startsWith('many-'));
    expect(serverIds).toEqual(onPod.sort((a, b) => a.name.localeCompare(b.name)).map((s) => s.id));
    expect(serverIds).toHaveLength(3);
    for (const serverId of serverIds) {
      expect((await bed.history(serverStream(serverId))).map((e) => e.type)).toEqual(['ServerCreated', 'ResourceRouted']);
    }
  });

  it('answers once rm_routings shows the new server, so a list right after the first create in a pod asks that pod', async () => {
    const bob = bed.tenant('bob'); // no server in pod 2 yet
    const resume = await bed.pauseRoutings();
    let answered = false;
    const running = bed
      .handlers({ readYourWritesMs: 10_000 })
      .create.execute(new CreateServerCommand(createServerInput(bob, {}, { azName: 'az2' }), bob.context()))
      .finally(() => (answered = true));
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(answered).toBe(false); // the server is made and recorded; the read model does not show it yet
    } finally {
      resume();
    }
    const { serverIds } = await running;
    expect((await bed.sql.query('SELECT pod_id FROM rm_routings WHERE top_id = $1', [serverIds[0]])).rows).toEqual([
      { pod_id: bed.pods[1].podId },
    ]);
    expect((await listServerPods(bed.sql, bob.projectId)).map((pod) => pod.podId)).toContain(bed.pods[1].podId);
  });

  it('waits for rm_routings a bounded time only: a stopped projection delays the answer, never fails it', async () => {
    const resume = await bed.pauseRoutings();
    try {
      const alice = bed.tenant('alice');
      const started = Date.now();
      const { response } = await bed
        .handlers({ readYourWritesMs: 200 })
        .create.execute(new CreateServerCommand(createServerInput(alice, {}), alice.context()));
      expect(response.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      resume();
    }
  });

  it('places a create without an AZ in the tenant’s bound AZ, else the first registered pod’s', async () => {
    const bob = bed.tenant('bob');
    const handlers = bed.handlers();
    await handlers.create.execute(new CreateServerCommand(createServerInput(bob, {}, { azName: 'az2' }), bob.context()));
    await bed.caughtUp();
    const bound = await handlers.create.execute(
      new CreateServerCommand(createServerInput(bob, {}, { azName: null }), bob.context()),
    );
    expect(bound.pod.podId).toBe(bed.pods[1].podId);
    expect(bed.pods[1].sim.state.nova.servers.get(bound.serverIds[0])!.az).toBe('pod-az2');

    const admin = bed.tenant('admin');
    const first = await handlers.create.execute(
      new CreateServerCommand(createServerInput(admin, {}, { azName: null }), admin.context()),
    );
    expect(first.pod.podId).toBe(bed.pods[0].podId);
  });
});
