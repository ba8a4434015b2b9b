import { DEFAULT_VOLUME_TYPE_ID } from '@podgate/volume-types';
import type { Test } from 'supertest';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually } from '../../../../../test/eventually';

const TYPES = '/volume/v3/types';

describe('volume types: Cinder’s API at the gateway, pushed to every pod (real sockets)', () => {
  let h: ComputeHarness;
  let gold: string;
  const typeOn = (pod: number, name: string) => h.pods[pod].sim.state.cinder.typeByNameOrId(name);
  const audit = async (type: string) =>
    (await h.as('admin').get(`/v1.0/audit?type=${type}`).expect(200)).body.events as Array<Record<string, unknown>>;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', register: false }] });
  });
  afterAll(() => h?.close());

  it('lists podgate’s default type __DEFAULT__, also as /types/default', async () => {
    const listed = await h.as('alice').get(TYPES).expect(200);
    expect(listed.body.volume_types).toEqual([
      {
        id: DEFAULT_VOLUME_TYPE_ID,
        name: '__DEFAULT__',
        is_public: true,
        description: 'Default Volume Type',
        extra_specs: {},
        'os-volume-type-access:is_public': true,
      },
    ]);
    const byDefault = await h.as('alice').get(`${TYPES}/default`).expect(200);
    expect(byDefault.body.volume_type.id).toBe(DEFAULT_VOLUME_TYPE_ID);
    await h.as('alice').get(`${TYPES}/${DEFAULT_VOLUME_TYPE_ID}`).expect(200);
  });

  it('lets admins create a type (Cinder’s shape), refuses others (403) and a second name (409)', async () => {
    await h
      .as('alice')
      .post(TYPES, { volume_type: { name: 'gold' } })
      .expect(403);
    const body = { volume_type: { name: 'gold', description: 'fast', extra_specs: { 'podgate:affinity_tag': 'ssd' } } };
    const created = await h.as('admin').post(TYPES, body).expect(200);
    gold = created.body.volume_type.id;
    expect(created.body.volume_type).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'gold',
      is_public: true,
      description: 'fast',
      extra_specs: { 'podgate:affinity_tag': 'ssd' },
      qos_specs_id: null,
      'os-volume-type-access:is_public': true,
    });
    const again = await h
      .as('admin')
      .post(TYPES, { volume_type: { name: 'gold' } })
      .expect(409);
    expect(again.body).toEqual({ conflictingRequest: { code: 409, message: 'Volume Type gold already exists.' } });
    const blank = await h
      .as('admin')
      .post(TYPES, { volume_type: { name: '  ' } })
      .expect(400);
    expect(blank.body.badRequest.message).toBe("An invalid 'name' value was provided. The 'name' can not be empty.");
    const extra = await h
      .as('admin')
      .post(TYPES, { volume_type: { name: 'x', size: 1 } })
      .expect(400);
    expect(extra.body.badRequest.message).toContain('Additional properties are not allowed');
    // a non-admin sees only the user-visible extra specs
    const shown = await h.as('alice').get(`${TYPES}/${gold}`).expect(200);
    expect(shown.body.volume_type).toMatchObject({ name: 'gold', extra_specs: {} });
    expect(shown.body.volume_type).not.toHaveProperty('qos_specs_id');
  });

  it('renames and describes a type; a rename to a live name is 409, an unknown type 404', async () => {
    const updated = await h.as('admin').put(`${TYPES}/${gold}`, { volume_type: { name: 'gold2', description: 'faster' } });
    expect(updated.status).toBe(200);
    expect(updated.body.volume_type).toMatchObject({ id: gold, name: 'gold2', description: 'faster' });
    const taken = await h
      .as('admin')
      .put(`${TYPES}/${gold}`, { volume_type: { name: '__DEFAULT__' } })
      .expect(409);
    expect(taken.body.conflictingRequest.message).toBe('Volume Type __DEFAULT__ already exists.');
    const nothing = await h.as('admin').put(`${TYPES}/${gold}`, { volume_type: {} }).expect(400);
    expect(nothing.body.badRequest.message).toBe('Specify volume type name, description, is_public or a combination thereof.');
    const unknown = await h
      .as('admin')
      .put(`${TYPES}/nope`, { volume_type: { name: 'n' } })
      .expect(404);
    expect(unknown.body).toEqual({ itemNotFound: { code: 404, message: 'Volume type nope could not be found.' } });
    await h.as('alice').get(`${TYPES}/nope`).expect(404);
    await h
      .as('alice')
      .put(`${TYPES}/${gold}`, { volume_type: { name: 'x' } })
      .expect(403);
    await h
      .as('admin')
      .put(`${TYPES}/${gold}`, { volume_type: { name: 'gold' } })
      .expect(200);
  });

  it('serves extra specs: list, show, set, update one, delete, in Cinder’s words', async () => {
    const admin = h.as('admin');
    const spec = `${TYPES}/${gold}/extra_specs`;
    await admin.post(spec, { extra_specs: { multiattach: '<is> True', volume_backend_name: 'lvm' } }).expect(200);
    await admin.put(`${spec}/volume_backend_name`, { volume_backend_name: 'ceph' }).expect(200);
    const mismatch = await admin.put(`${spec}/volume_backend_name`, { other: 'x' }).expect(400);
    expect(mismatch.body.badRequest.message).toBe('Request body and URI mismatch');
    expect((await admin.get(spec).expect(200)).body.extra_specs).toEqual({
      'podgate:affinity_tag': 'ssd',
      multiattach: '<is> True',
      volume_backend_name: 'ceph',
    });
    expect((await h.as('alice').get(spec).expect(200)).body.extra_specs).toEqual({ multiattach: '<is> True' });
    expect((await admin.get(`${spec}/volume_backend_name`).expect(200)).body).toEqual({ volume_backend_name: 'ceph' });
    await admin.delete(`${spec}/volume_backend_name`).expect(202);
    const gone = await admin.get(`${spec}/volume_backend_name`).expect(404);
    expect(gone.body.itemNotFound.message).toBe(`Volume Type ${gold} has no extra specs with key volume_backend_name.`);
    await h
      .as('alice')
      .post(spec, { extra_specs: { a: 'b' } })
      .expect(403);
  });

  it('keeps private types to admins and the projects given access', async () => {
    const admin = h.as('admin');
    const tenant = h.projectIdOf('tenant-a');
    const made = await admin.post(TYPES, { volume_type: { name: 'secret', 'os-volume-type-access:is_public': false } });
    expect(made.status).toBe(200);
    const secret = made.body.volume_type.id as string;
    const names = async (user: string, query = '') =>
      ((await h.as(user).get(`${TYPES}${query}`).expect(200)).body.volume_types as { name: string }[]).map((t) => t.name);
    expect(await names('alice')).not.toContain('secret');
    await h.as('alice').get(`${TYPES}/${secret}`).expect(404);
    await admin.post(`${TYPES}/${secret}/action`, { addProjectAccess: { project: tenant } }).expect(202);
    const twice = await admin.post(`${TYPES}/${secret}/action`, { addProjectAccess: { project: tenant } }).expect(409);
    expect(twice.body.conflictingRequest.message).toBe(
      `Volume type access for ${secret} / ${tenant} combination already exists.`,
    );
    expect(await names('alice')).toContain('secret');
    expect((await admin.get(`${TYPES}/${secret}/os-volume-type-access`).expect(200)).body).toEqual({
      volume_type_access: [{ volume_type_id: secret, project_id: tenant }],
    });
    expect(await names('admin', '?is_public=false')).toEqual(['secret']);
    expect(await names('admin', '?is_public=None')).toEqual(expect.arrayContaining(['secret', 'gold', '__DEFAULT__']));
    await admin.get(`${TYPES}?is_public=maybe`).expect(400);
    const onPublic = await admin.post(`${TYPES}/${gold}/action`, { addProjectAccess: { project: tenant } }).expect(400);
    expect(onPublic.body.badRequest.message).toContain('not applicable to public volume type');
    await admin.get(`${TYPES}/${gold}/os-volume-type-access`).expect(404);
    await admin.post(`${TYPES}/${secret}/action`, { removeProjectAccess: { project: tenant } }).expect(202);
    await admin.post(`${TYPES}/${secret}/action`, { removeProjectAccess: { project: tenant } }).expect(404);
    await h
      .as('alice')
      .post(`${TYPES}/${secret}/action`, { addProjectAccess: { project: tenant } })
      .expect(403);
    await admin.post(`${TYPES}/${secret}/action`, { bogus: {} }).expect(400);
  });

  it('pushes types to the pod (adopting its __DEFAULT__), and to a pod registered later', async () => {
    await eventually(() =>
      expect(typeOn(0, 'gold')).toMatchObject({
        description: 'faster',
        extraSpecs: { 'podgate:affinity_tag': 'ssd', multiattach: '<is> True' },
      }),
    );
    expect(typeOn(1, 'gold')).toBeUndefined();
    await h.registerPod(1);
    await eventually(() => expect(typeOn(1, 'gold')).toMatchObject({ description: 'faster' }));
    await eventually(() => expect(typeOn(1, 'secret')).toMatchObject({ isPublic: false }));
    // the pods' own default was adopted, not doubled
    for (const pod of [0, 1]) {
      expect([...h.pods[pod].sim.state.cinder.types.values()].filter((t) => t.name === '__DEFAULT__')).toHaveLength(1);
    }
    const synced = await audit('VolumeTypeSyncedToPod');
    expect(synced).toContainEqual(
      expect.objectContaining({ pod_id: h.pods[1].podId, data: expect.objectContaining({ typeId: gold }) }),
    );
    expect((await audit('VolumeTypeDefined')).length).toBeGreaterThanOrEqual(3);
  });

  it('deletes a type (202) and removes it from every pod; the default type stays (400)', async () => {
    await h.as('alice').delete(`${TYPES}/${gold}`).expect(403);
    await h.as('admin').delete(`${TYPES}/${gold}`).expect(202);
    await h.as('admin').get(`${TYPES}/${gold}`).expect(404);
    await h.as('admin').delete(`${TYPES}/${gold}`).expect(404);
    const kept = await h.as('admin').delete(`${TYPES}/${DEFAULT_VOLUME_TYPE_ID}`).expect(400);
    expect(kept.body.badRequest.message).toBe(
      `The volume type ${DEFAULT_VOLUME_TYPE_ID} is a default volume type and cannot be deleted.`,
    );
    await eventually(() => expect([typeOn(0, 'gold'), typeOn(1, 'gold')]).toEqual([undefined, undefined]));
  });

  it('refuses a non-admin the other admin-only routes (403, Cinder’s body), changing nothing; no token is 401', async () => {
    const admin = h.as('admin');
    const tenant = h.projectIdOf('tenant-a');
    const body = { volume_type: { name: 'guarded', 'os-volume-type-access:is_public': false, extra_specs: { tier: 'a' } } };
    const id = (await admin.post(TYPES, body).expect(200)).body.volume_type.id as string;
    // tenant-a may see the type: what refuses alice below is the rule, not the type's visibility
    await admin.post(`${TYPES}/${id}/action`, { addProjectAccess: { project: tenant } }).expect(202);
    await h.as('alice').get(`${TYPES}/${id}`).expect(200);
    const alice = h.as('alice');
    const routes: [string, Test][] = [
      ['PUT extra_specs/{key}', alice.put(`${TYPES}/${id}/extra_specs/tier`, { tier: 'b' })],
      ['DELETE extra_specs/{key}', alice.delete(`${TYPES}/${id}/extra_specs/tier`)],
      // Cinder: volume_extension:volume_type_access:get_all_for_type, rule:admin_api
      ['GET os-volume-type-access', alice.get(`${TYPES}/${id}/os-volume-type-access`)],
      ['POST action removeProjectAccess', alice.post(`${TYPES}/${id}/action`, { removeProjectAccess: { project: tenant } })],
    ];
    for (const [route, call] of routes) {
      const { status, body: refused } = await call;
      expect({ route, status, body: refused }).toEqual({
        route,
        status: 403,
        body: { forbidden: { code: 403, message: "Policy doesn't allow volume:types:manage to be performed." } },
      });
    }
    expect((await admin.get(`${TYPES}/${id}/extra_specs`).expect(200)).body.extra_specs).toEqual({ tier: 'a' });
    expect((await admin.get(`${TYPES}/${id}/os-volume-type-access`).expect(200)).body.volume_type_access).toEqual([
      { volume_type_id: id, project_id: tenant },
    ]);
    const anonymous = await h.as().get(TYPES).expect(401);
    expect(anonymous.body).toEqual({
      unauthorized: { code: 401, message: 'The request you have made requires authentication.' },
    });
  });
});
