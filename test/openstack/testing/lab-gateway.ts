// podgate in-process (createGateway, as `npm start` builds it) in Keystone mode against the lab's
// Keystone, listening on 127.0.0.1:0, with the lab's two pods registered through the admin API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { createLogger } from '@podgate/runtime';
import { createGateway } from '../../../apps/gateway/src/bootstrap/create-gateway';
import { LAB_ADMIN, LAB_AUTH_URL, type LabSession } from './lab-keystone';

/** The lab's pods as podgate sees them: regions Pod1/Pod2; inside each pod Nova's AZ is `nova`. */
export const LAB_PODS = [
  { name: 'Pod1', az: 'az1', podAz: 'nova' },
  { name: 'Pod2', az: 'az2', podAz: 'nova' },
] as const;

export interface LabGateway {
  readonly url: string;
  close(): Promise<void>;
}

export async function startLabGateway(admin: LabSession): Promise<LabGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'podgate-lab-cli-'));
  let app: NestFastifyApplication | undefined;
  try {
    const config = loadConfig({
      PODGATE_DATA_DIR: dataDir,
      KEYSTONE_URL: LAB_AUTH_URL,
      // The lab has no podgate user; its admin validates tokens and reads every pod's catalog.
      PODGATE_SERVICE_USER: LAB_ADMIN.username,
      PODGATE_SERVICE_PASSWORD: LAB_ADMIN.password,
      PODGATE_SERVICE_PROJECT: LAB_ADMIN.projectName,
      PODGATE_USAGE_POLL_SECONDS: '0',
      PODGATE_FLAVOR_SYNC_SECONDS: '5',
      // The real pods on this shared machine answer a filtered list in up to ~2.5 s under load; with
      // the 2 s default a slow pod drops out of a merged list and the CLI's name lookup finds nothing.
      PODGATE_POD_LIST_TIMEOUT_MS: '15000',
    });
    app = await createGateway(config, createLogger(process.env.PODGATE_LAB_LOG_LEVEL ?? 'warn', 'lab-cli'));
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace(/\/+$/, '');
    for (const pod of LAB_PODS) {
      const response = await fetch(`${url}/v1.0/pods`, {
        method: 'POST',
        headers: { 'x-auth-token': admin.token, 'content-type': 'application/json' },
        body: JSON.stringify({ pod: { name: pod.name, az_name: pod.az, pod_az_name: pod.podAz } }),
      });
      if (response.status !== 201) throw new Error(`registering ${pod.name}: ${response.status} ${await response.text()}`);
    }
    const started = app;
    return {
      url,
      close: async () => {
        await started.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
