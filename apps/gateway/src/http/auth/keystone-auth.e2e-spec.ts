import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type PodgateConfig } from '@podgate/config';
import { KeystoneClient } from '@podgate/openstack';
import request from 'supertest';
import { type ManualClock, manualClock } from '../../../../pod-simulator/src/clock';
import { DEFAULT_SEED } from '../../../../pod-simulator/src/keystone/seed';
import { type SimulatorHandle, startSimulator } from '../../../../pod-simulator/src/simulator';
import { startAuthTestApp } from './testing/auth-test-app';

const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNAUTHORIZED = { unauthorized: { code: 401, message: 'The request you have made requires authentication.' } };
// A user whose only role is reader, which the default seed does not have (member implies reader).
const SEED = {
  ...DEFAULT_SEED,
  users: [
    ...DEFAULT_SEED.users,
    { name: 'rita', password: 'rita-secret', defaultProject: 'tenant-a', roles: { 'tenant-a': ['reader'] } },
  ],
};

describe("authentication and policy with KeystoneClient against the pod simulator's Keystone", () => {
  let sim: SimulatorHandle;
  let simClock: ManualClock;
  let dir: string;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    simClock = manualClock(Date.UTC(2030, 0, 1));
    sim = await startSimulator({ pods: [], basePort: 0, seed: SEED, clock: simClock, tokenTtlSeconds: 3600 });
    dir = mkdtempSync(join(tmpdir(), 'podgate-auth-'));
  });
  afterEach(async () => {
    sim.keystoneFaults.reset();
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const configWith = (policyFile?: string): PodgateConfig =>
    loadConfig({
      KEYSTONE_URL: sim.authUrl,
      PODGATE_SERVICE_PASSWORD: 'podgate-secret',
      ...(policyFile ? { PODGATE_POLICY_FILE: policyFile } : {}),
    });

  /**
   * The gateway with the real KeystoneClient as its validator. Both run on the simulator's clock;
   * `aheadMs` lets the guard alone see a later time than Keystone and the validator's cache.
   */
  async function gateway(options: { policy?: string; aheadMs?: number } = {}) {
    const policyFile = options.policy === undefined ? undefined : join(dir, `policy-${apps.length}.yaml`);
    if (policyFile) writeFileSync(policyFile, options.policy as string);
    const config = configWith(policyFile);
    if (config.auth.strategy !== 'keystone') throw new Error('expected Keystone mode');
    const keystoneClock = { now: () => new Date(simClock()) };
    const validator = new KeystoneClient({ ...config.auth, clock: keystoneClock });
    const clock = { now: () => new Date(simClock() + (options.aheadMs ?? 0)) };
    const app = await startAuthTestApp(config, { validator, clock });
    apps.push(app);
    return request(app.getHttpServer());
  }

  it('answers a request without a token with 401, the envelope, the Keystone challenge and a request id', async () => {
    const response = await (await gateway()).get('/v1.0/whoami').expect(401);
    expect(response.body).toEqual(UNAUTHORIZED);
    expect(response.headers['www-authenticate']).toBe(`Keystone uri="${sim.keystoneUrl}"`);
    expect(response.headers['x-openstack-request-id']).toMatch(REQUEST_ID);
  });

  it('answers an unknown token and an expired one with the same 401', async () => {
    const http = await gateway();
    const unknown = await http.get('/v1.0/whoami').set('X-Auth-Token', 'gAAAAABnot-a-token').expect(401);
    expect(unknown.body).toEqual(UNAUTHORIZED);
    expect(unknown.headers['www-authenticate']).toBe(`Keystone uri="${sim.keystoneUrl}"`);

    const token = sim.issueToken('alice');
    await http.get('/v1.0/whoami').set('X-Auth-Token', token).expect(200);
    simClock.advance(3601_000);
    expect((await http.get('/v1.0/whoami').set('X-Auth-Token', token).expect(401)).body).toEqual(UNAUTHORIZED);
  });

  it('refuses a token past its expiry by podgate clock even when the validator still accepts it', async () => {
    const token = sim.issueToken('admin');
    const response = await (await gateway({ aheadMs: 3601_000 })).get('/v1.0/whoami').set('X-Auth-Token', token).expect(401);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it('answers 503 with a body when Keystone cannot answer', async () => {
    const http = await gateway();
    await http.get('/v1.0/whoami').set('X-Auth-Token', sim.issueToken('alice')).expect(200);
    sim.keystoneFaults.update({ errorRate: 1, errorStatus: 503 });
    const response = await http.get('/v1.0/whoami').set('X-Auth-Token', sim.issueToken('alice')).expect(503);
    expect(response.body).toEqual({
      serviceUnavailable: { code: 503, message: 'Keystone is unavailable.' },
    });
    expect(response.headers['www-authenticate']).toBeUndefined();
  });

  it('builds the request context from the token: caller, local and global request ids, token kept', async () => {
    const globalId = 'req-6f1f0c1e-8c4b-4c53-9d0b-3a2f9e5b7c10';
    const response = await (
      await gateway()
    )
      .get('/v1.0/whoami')
      .set('X-Auth-Token', sim.issueToken('alice'))
      .set('X-OpenStack-Request-ID', globalId)
      .expect(200);
    const alice = sim.keystone.directory.findUser({ name: 'alice' });
    const tenantA = sim.keystone.directory.findProject({ name: 'tenant-a' });
    expect(response.body).toEqual({
      requestId: response.headers['x-openstack-request-id'],
      globalRequestId: globalId,
      caller: {
        userId: alice?.id,
        projectId: tenantA?.id,
        roles: ['member', 'reader'],
        userName: 'alice',
        projectName: 'tenant-a',
        domainId: 'default',
      },
      tokenForwarded: true,
    });
    expect(response.headers['x-openstack-request-id']).not.toBe(globalId);
  });

  it.each(['req-not-a-uuid', 'REQ-6F1F0C1E-8C4B-4C53-9D0B-3A2F9E5B7C10', '6f1f0c1e-8c4b-4c53-9d0b-3a2f9e5b7c10'])(
    'ignores a malformed X-OpenStack-Request-ID %j',
    async (globalId) => {
      const response = await (
        await gateway()
      )
        .get('/v1.0/whoami')
        .set('X-Auth-Token', sim.issueToken('alice'))
        .set('X-OpenStack-Request-ID', globalId)
        .expect(200);
      expect(response.body).not.toHaveProperty('globalRequestId');
      expect(response.body.requestId).toMatch(REQUEST_ID);
    },
  );

  it('lets an admin through an admin rule and turns a member away with Nova words', async () => {
    const http = await gateway();
    const admin = await http.get('/v1.0/pods').set('X-Auth-Token', sim.issueToken('admin')).expect(200);
    expect(admin.body).toEqual({ pods: [], listed_by: sim.keystone.directory.findUser({ name: 'admin' })?.id });
    const member = await http.get('/v1.0/pods').set('X-Auth-Token', sim.issueToken('alice')).expect(403);
    expect(member.body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow admin:pods:list to be performed." } });
    expect(member.headers['x-openstack-request-id']).toMatch(REQUEST_ID);
  });

  it('authenticates before it authorizes: no token on an admin route is 401, not 403', async () => {
    expect((await (await gateway()).get('/v1.0/pods').expect(401)).body).toEqual(UNAUTHORIZED);
  });

  it('lets a reader in once the policy file says role:reader or role:admin', async () => {
    const token = sim.issueToken('rita');
    await (await gateway()).get('/v1.0/pods').set('X-Auth-Token', token).expect(403);
    const overridden = await gateway({ policy: '"admin:pods:list": "role:reader or role:admin"\n' });
    await overridden.get('/v1.0/pods').set('X-Auth-Token', token).expect(200);
    await overridden.get('/v1.0/pods').set('X-Auth-Token', sim.issueToken('admin')).expect(200);
  });

  it('serves public routes without a token and keeps unknown paths 404', async () => {
    const http = await gateway();
    expect((await http.get('/').expect(200)).body).toEqual({ versions: [] });
    await http.get('/healthz').expect(200);
    await http.get('/no/such/route').expect(404);
  });
});
