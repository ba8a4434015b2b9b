// The REAL gateway in Keystone mode against the REAL Keystone: who may use the admin API, how the
// refusals look (keystonemiddleware's 401 with its challenge, oslo.policy's 403), and that the
// caller's identity and global request id end up in the audit log.
import { randomUUID } from 'node:crypto';
import axios, { type AxiosResponse } from 'axios';
import { type IssuedToken, issueToken, keystoneAuthUri, revokeToken } from './testing/real-keystone';
import { type AuditEvent, type KeystoneGateway, REQUEST_ID, startKeystoneGateway } from './testing/keystone-gateway';

const UNAUTHORIZED = { unauthorized: { code: 401, message: 'The request you have made requires authentication.' } };

describe('gateway in Keystone mode against the real Keystone', () => {
  let gateway: KeystoneGateway;
  let admin: IssuedToken;
  let alice: IssuedToken;
  const http = axios.create({ validateStatus: () => true, timeout: 30_000 });
  let podNumber = 0;
  /** Names POSTed so far, with the status each answer had. */
  const posted = new Map<string, number>();

  async function send(method: 'GET' | 'POST', token?: string, headers: Record<string, string> = {}): Promise<AxiosResponse> {
    // A fresh name per POST, so a refusal that let the request through would show as an extra pod.
    const name = `Pod${(podNumber += 1)}`;
    const response = await http.request({
      method,
      url: `${gateway.url}/v1.0/pods`,
      headers: { ...(token === undefined ? {} : { 'X-Auth-Token': token }), ...headers },
      data: method === 'POST' ? { pod: { name, az_name: 'az1' } } : undefined,
    });
    if (method === 'POST') posted.set(name, response.status);
    return response;
  }

  /** Every answer, refusals included, names its request. */
  const expectStatus = (response: AxiosResponse, status: number) => {
    expect({ status: response.status, body: response.data }).toMatchObject({ status });
    expect(response.headers['x-openstack-request-id']).toMatch(REQUEST_ID);
  };

  beforeAll(async () => {
    gateway = await startKeystoneGateway();
    [admin, alice] = await Promise.all([issueToken('admin'), issueToken('alice')]);
  });
  afterAll(() => gateway?.close());

  describe.each([
    ['GET', 'admin:pods:list', 200],
    ['POST', 'admin:pods:register', 201],
  ] as const)('%s /v1.0/pods', (method, rule, success) => {
    it('answers no token with 401, the OpenStack envelope and the Keystone challenge', async () => {
      const response = await send(method);
      expectStatus(response, 401);
      expect(response.data).toEqual(UNAUTHORIZED);
      expect(response.headers['www-authenticate']).toBe(`Keystone uri="${keystoneAuthUri()}"`);
      expect(keystoneAuthUri()).toBe('http://127.0.0.1:5050');
    });

    it('answers a garbage token with the same 401', async () => {
      const response = await send(method, 'gAAAAABgarbage-no-keystone-issued');
      expectStatus(response, 401);
      expect(response.data).toEqual(UNAUTHORIZED);
      expect(response.headers['www-authenticate']).toBe(`Keystone uri="${keystoneAuthUri()}"`);
    });

    it('answers a revoked token with the same 401', async () => {
      const bob = await issueToken('bob');
      await revokeToken(bob.id);
      const response = await send(method, bob.id);
      expectStatus(response, 401);
      expect(response.data).toEqual(UNAUTHORIZED);
    });

    it(`turns alice (member of tenant-a) away with 403 naming ${rule}`, async () => {
      const response = await send(method, alice.id);
      expectStatus(response, 403);
      expect(response.data).toEqual({ forbidden: { code: 403, message: `Policy doesn't allow ${rule} to be performed.` } });
      expect(response.headers['www-authenticate']).toBeUndefined();
    });

    it(`lets the admin through with ${success}`, async () => {
      const response = await send(method, admin.id);
      expectStatus(response, success);
      expect(response.data).toHaveProperty(method === 'GET' ? 'pods' : 'pod');
    });
  });

  it('registered only what the admin asked for: no refused POST slipped through', async () => {
    const response = await send('GET', admin.id);
    expectStatus(response, 200);
    const accepted = [...posted].filter(([, status]) => status === 201).map(([name]) => name);
    expect(response.data.pods.map((pod: { name: string }) => pod.name)).toEqual(accepted);
    expect(posted.size).toBeGreaterThan(accepted.length);
  });

  it("records the caller's global request id and Keystone user id on the PodRegistered audit entry", async () => {
    const globalRequestId = `req-${randomUUID()}`;
    const registered = await send('POST', admin.id, { 'X-OpenStack-Request-ID': globalRequestId });
    expectStatus(registered, 201);
    const localRequestId = registered.headers['x-openstack-request-id'];
    expect(localRequestId).not.toBe(globalRequestId);

    const entry = await auditEntryOf(registered.data.pod.pod_id);
    expect(entry).toMatchObject({
      type: 'PodRegistered',
      pod_id: registered.data.pod.pod_id,
      actor: { user_id: admin.userId, project_id: admin.projectId, roles: expect.arrayContaining(['admin']) },
      request_id: localRequestId,
      global_request_id: globalRequestId,
    });
    expect(admin.userId).toMatch(/^[0-9a-f]{32}$/);
  });

  /** The audit projection runs behind the write the pods projection was awaited for. */
  async function auditEntryOf(podId: string, timeoutMs = 10_000): Promise<AuditEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await http.get(`${gateway.url}/v1.0/audit`, {
        params: { type: 'PodRegistered', pod_id: podId },
        headers: { 'X-Auth-Token': admin.id },
      });
      expectStatus(response, 200);
      const events = response.data.events as AuditEvent[];
      if (events.length > 0 || Date.now() > deadline) {
        expect(events).toHaveLength(1);
        return events[0];
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
