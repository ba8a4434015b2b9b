import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { createLogger } from '@podgate/runtime';
import type { SqlClient } from '@podgate/sql';
import request, { type Response, type Test } from 'supertest';
import { createGateway } from '../../bootstrap/create-gateway';

/** noauth tokens (`<user_id>:<project_id>`, as Nova's noauth2): user `admin` has the admin role. */
export const ADMIN = 'admin:admin';
export const MEMBER = 'alice:tenant-a';

const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Requests with one caller's token (or none); every answer is checked for what every answer must have. */
export interface Caller {
  get(path: string): Test;
  post(path: string, body?: object): Test;
  put(path: string, body?: object): Test;
  delete(path: string): Test;
}

export interface AdminHarness {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly sql: SqlClient;
  /** Calls with `X-Auth-Token: <token>`; `as()` without a token calls anonymously. */
  as(token?: string): Caller;
  readonly admin: Caller;
  readonly member: Caller;
  close(): Promise<void>;
}

/** The invariants of every admin API answer: a request id, and never a 500. */
export function checkAnswer(response: Response): void {
  if (!REQUEST_ID.test(String(response.headers['x-openstack-request-id']))) {
    throw new Error(`${response.status} answer without x-openstack-request-id: ${JSON.stringify(response.headers)}`);
  }
  if (response.status >= 500 && response.status !== 503) throw new Error(`${response.status} answer: ${response.text}`);
}

/** The real gateway (GatewayModule, as `npm start` builds it) on a fresh embedded store, in noauth mode unless `env` says otherwise. */
export async function startAdminHarness(env: NodeJS.ProcessEnv = {}): Promise<AdminHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'podgate-admin-e2e-'));
  try {
    const app = await createGateway(loadConfig({ PODGATE_DATA_DIR: dataDir, ...env }), createLogger('silent', 'admin-e2e'));
    await app.getHttpAdapter().getInstance().ready();
    const server = app.getHttpServer();
    const as = (token?: string): Caller => {
      const prepare = (test: Test, body?: object): Test => {
        if (token !== undefined) void test.set('X-Auth-Token', token);
        if (body !== undefined) void test.send(body);
        return test.expect(checkAnswer);
      };
      return {
        get: (path) => prepare(request(server).get(path)),
        post: (path, body) => prepare(request(server).post(path), body),
        put: (path, body) => prepare(request(server).put(path), body),
        delete: (path) => prepare(request(server).delete(path)),
      };
    };
    return {
      app,
      store: app.get<EventStore>(EVENT_STORE),
      sql: app.get<SqlClient>(READ_MODEL_SQL),
      as,
      admin: as(ADMIN),
      member: as(MEMBER),
      close: async () => {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Registers a pod through the API and answers with its wire form. */
export async function registerPod(
  harness: AdminHarness,
  name: string,
  azName = 'az1',
  extra: object = {},
): Promise<Record<string, unknown>> {
  const response = await harness.admin.post('/v1.0/pods', { pod: { name, az_name: azName, ...extra } }).expect(201);
  return response.body.pod as Record<string, unknown>;
}
