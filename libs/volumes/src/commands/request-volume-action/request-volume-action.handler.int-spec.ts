import { type ForwardRequest, PodUnreachableError } from '@podgate/openstack';
import { VolumeResourceNotFoundError } from '../../domain/volume-resource.errors';
import { volumeResourceStream } from '../../domain/volume-resource.stream';
import { createCommand, inAz, openVolumesTestBed, type VolumesTestBed } from '../../testing/volumes-test-bed';
import { RequestVolumeActionCommand } from './request-volume-action.command';

describe('RequestVolumeAction (PGlite, pod simulator)', () => {
  let bed: VolumesTestBed;
  beforeAll(async () => (bed = await openVolumesTestBed()));
  afterAll(() => bed?.close());

  const extend = (id: string, token: string, newSize: number, secret?: string) => ({
    method: 'POST',
    path: `/volumes/${id}/action`,
    token,
    body: { 'os-extend': { new_size: newSize }, ...(secret ? { metadata: { key: secret } } : {}) },
  });

  it('records the request and the pod’s answer, hot path: a re-run of the request records nothing twice', async () => {
    const alice = bed.tenant('alice');
    const handlers = bed.handlers();
    const { createdId } = await handlers.create.execute(createCommand(alice, 'volume', inAz('az1'), { size: 1 }));
    const id = createdId!;
    const context = alice.context();
    const ok = await handlers.action.execute(
      new RequestVolumeActionCommand('volume', id, 'os-extend', extend(id, alice.token, 2), context),
    );
    expect(ok.status).toBe(202);
    await handlers.action.execute(new RequestVolumeActionCommand('volume', id, 'os-extend', extend(id, alice.token, 2), context));
    const refused = await handlers.action.execute(
      new RequestVolumeActionCommand('volume', id, 'os-extend', extend(id, alice.token, 1), alice.context()),
    );
    expect(refused.status).toBe(400);
    const history = await bed.history(volumeResourceStream('volume', id));
    expect(history.map((e) => [e.type, e.status])).toEqual([
      ['VolumeCreated', undefined],
      ['ResourceRouted', undefined],
      ['VolumeActionRequested', undefined],
      ['VolumeActionSucceeded', 202],
      ['VolumeActionRequested', undefined],
      ['VolumeActionFailed', 400],
    ]);
    expect(history[2]).toMatchObject({
      resourceId: id,
      podId: bed.pods[0].podId,
      projectId: alice.projectId,
      action: 'os-extend',
    });
    expect(history[5]).toMatchObject({ message: expect.stringMatching(/./) });
  });

  it('records an unreachable pod (503) and scrubs the body’s secrets; another tenant gets Cinder’s 404 and nothing is recorded', async () => {
    const alice = bed.tenant('alice');
    const { createdId } = await bed.handlers().create.execute(createCommand(alice, 'volume', inAz('az1')));
    const id = createdId!;
    const secret = 'metadata-secret-991';
    const down = {
      forward: async (request: ForwardRequest) => {
        throw new PodUnreachableError(`${request.pod.name} volume`, `refused ${secret}`, 'ECONNREFUSED');
      },
    };
    await expect(
      bed
        .handlers({}, { proxy: down })
        .action.execute(
          new RequestVolumeActionCommand('volume', id, 'os-extend', extend(id, alice.token, 3, secret), alice.context()),
        ),
    ).rejects.toBeInstanceOf(PodUnreachableError);
    const failed = (await bed.history(volumeResourceStream('volume', id))).at(-1);
    expect(failed).toMatchObject({ type: 'VolumeActionFailed', status: 503 });
    expect(JSON.stringify(failed)).not.toContain(secret);

    const bob = bed.tenant('bob');
    await expect(
      bed
        .handlers()
        .action.execute(new RequestVolumeActionCommand('volume', id, 'os-extend', extend(id, bob.token, 3), bob.context())),
    ).rejects.toThrow(new VolumeResourceNotFoundError('volume', id));
    expect((await bed.history(volumeResourceStream('volume', id))).map((e) => e.type)).toHaveLength(4);
  });
});
