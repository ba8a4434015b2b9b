import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { EVENT_STORE, type EventStore, streamName } from '@podgate/event-store';
import { testEvent } from '@podgate/event-store/testing';
import { createLogger, DataDirLockedError, ProjectionSupervisor, READ_MODEL_SQL } from '@podgate/runtime';
import type { SqlClient } from '@podgate/sql';
import request from 'supertest';
import { startEsdbStreamsDouble } from '../../../test/doubles/esdb-streams-double';
import { createGateway } from './bootstrap/create-gateway';
import { runGateway } from './bootstrap/run-gateway';

const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const logger = createLogger('silent', 'test');

async function boot(env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> {
  const app = await createGateway(loadConfig(env), logger);
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('gateway on the embedded store', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'podgate-e2e-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /healthz and /readyz with every dependency up and a request id', async () => {
    const app = await boot({ PODGATE_DATA_DIR: dataDir });
    try {
      const health = await request(app.getHttpServer()).get('/healthz').expect(200);
      expect(health.headers['x-openstack-request-id']).toMatch(REQUEST_ID);
      expect(health.body).toMatchObject({
        status: 'ok',
        details: {
          eventStore: { status: 'up', adapter: 'pglite' },
          readModel: { status: 'up', kind: 'pglite' },
          projections: { status: 'up' },
        },
      });
      await request(app.getHttpServer()).get('/readyz').expect(200);
    } finally {
      await app.close();
    }
  });

  it('answers unknown paths with the OpenStack envelope, never a stack', async () => {
    const app = await boot({ PODGATE_DATA_DIR: dataDir });
    try {
      const response = await request(app.getHttpServer()).get('/no/such/thing').expect(404);
      expect(response.body).toEqual({ itemNotFound: { code: 404, message: 'Cannot GET /no/such/thing' } });
      expect(response.headers['x-openstack-request-id']).toMatch(REQUEST_ID);
    } finally {
      await app.close();
    }
  });

  it('keeps events and read models across a restart', async () => {
    const first = await boot({ PODGATE_DATA_DIR: dataDir });
    const stream = streamName('e2eRestart', 'one');
    const appended = await first
      .get<EventStore>(EVENT_STORE)
      .append(stream, [testEvent('PodMaintenanceEnded', { podId: 'e2e-restart' })], 'no_stream');
    expect(await first.get(ProjectionSupervisor).waitFor(appended.position, 5000)).toBe(true);
    await first.close();

    const second = await boot({ PODGATE_DATA_DIR: dataDir });
    try {
      expect(await second.get<EventStore>(EVENT_STORE).readStream(stream)).toHaveLength(1);
      const audit = await second
        .get<SqlClient>(READ_MODEL_SQL)
        .query<{ type: string }>('SELECT type FROM rm_audit WHERE stream = $1', [stream]);
      expect(audit.rows).toEqual([{ type: 'PodMaintenanceEnded' }]);
      const health = await request(second.getHttpServer()).get('/healthz').expect(200);
      // Every event in the log, ours and what the gateway itself records at first start (the default volume type).
      const all = await second.get<EventStore>(EVENT_STORE).readAll();
      expect(all.map((e) => e.type)).toContain('PodMaintenanceEnded');
      expect(health.body.details.projections.lag[0]).toMatchObject({
        projection: 'audit-log',
        eventsApplied: all.length,
        eventsBehind: 0,
      });
    } finally {
      await second.close();
    }
  });

  it('refuses a second process on the same data folder', async () => {
    const first = await boot({ PODGATE_DATA_DIR: dataDir });
    try {
      await expect(boot({ PODGATE_DATA_DIR: dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.close();
    }
  });
});

describe('gateway when the event store goes down', () => {
  it('answers /healthz with 503 and a body naming the event store, within seconds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'podgate-e2e-'));
    const double = await startEsdbStreamsDouble();
    const app = await boot({ PODGATE_DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: double.connectionString });
    try {
      await request(app.getHttpServer()).get('/healthz').expect(200);
      await double.stop();
      const started = Date.now();
      const response = await request(app.getHttpServer()).get('/healthz').expect(503);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.body).toMatchObject({ status: 'error', error: { eventStore: { status: 'down', adapter: 'esdb' } } });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('runGateway', () => {
  it('stops on a bad setting with one line naming the variable', async () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      await expect(runGateway({ PODGATE_PORT: 'not-a-port' })).resolves.toBe(1);
    } finally {
      write.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^podgate: cannot start: PODGATE_PORT: .*"not-a-port"\)\n$/);
  });
});
