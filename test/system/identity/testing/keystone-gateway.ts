// The REAL gateway (createGateway, as `podgate-gateway` starts it) in Keystone mode against the real
// Keystone, on the embedded store in a temporary folder, listening on a free loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { createLogger } from '@podgate/runtime';
import axios from 'axios';
import { createGateway } from '../../../../apps/gateway/src/bootstrap/create-gateway';
import { keystoneTestUrl } from './real-keystone';

/** The request id every answer of the gateway carries, and the audit log records (oslo's `req-<uuid>`). */
export const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An audit entry as the admin API answers it: the fields the identity suites check. */
export interface AuditEvent {
  type: string;
  pod_id: string | null;
  actor: { user_id: string; project_id: string; roles: string[] };
  request_id: string;
  global_request_id: string | null;
}

export interface KeystoneGateway {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  readonly app: NestFastifyApplication;
  close(): Promise<void>;
}

export async function startKeystoneGateway(): Promise<KeystoneGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'podgate-identity-'));
  // Exactly these variables: DATABASE_URL of the test process must not pull the gateway off the embedded store.
  const config = loadConfig({
    KEYSTONE_URL: keystoneTestUrl(),
    PODGATE_SERVICE_PASSWORD: 'podgate-secret',
    PODGATE_DATA_DIR: dataDir,
    PODGATE_PORT: '0',
    // Nothing listens on the catalog's pod ports; polling them would only add noise.
    PODGATE_USAGE_POLL_SECONDS: '0',
  });
  if (config.auth.strategy !== 'keystone') throw new Error('expected the gateway in Keystone mode');
  let app: NestFastifyApplication | undefined;
  const close = async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    app = await createGateway(config, createLogger('silent', 'test'));
    await app.listen(config.http.port, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace(/\/+$/, '');
    await expectAdminApi(url);
    return { url, app, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Says plainly when the gateway does not mount the admin API, instead of a wall of 404 assertions. */
async function expectAdminApi(url: string): Promise<void> {
  const version = await axios.get(`${url}/v1.0`, { validateStatus: () => true, timeout: 10_000 });
  if (version.status !== 200) {
    throw new Error(
      `the gateway answers GET /v1.0 with HTTP ${version.status}: apps/gateway/src/gateway.module.ts does not mount ` +
        'the admin API (AdminModule) and the auth guard (AuthModule) yet',
    );
  }
}
