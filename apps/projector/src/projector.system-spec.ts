import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import { EVENT_STORE, type EventStore, streamName } from '@podgate/event-store';
import { testEvent, uniqueCategory } from '@podgate/event-store/testing';
import { createLogger, READ_MODEL_SQL } from '@podgate/runtime';
import type { SqlClient } from '@podgate/sql';
import request from 'supertest';
import { createGateway } from '../../gateway/src/bootstrap/create-gateway';
import { runProjector, startProjector } from './run-projector';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a PostgreSQL server (npm run test:system starts one)');

/**
 * The production shape on a real PostgreSQL server: a gateway that does not project, and a
 * separate projector process's worth of projections writing the read models it reads.
 */
describe('gateway + standalone projector on a PostgreSQL server', () => {
  const env = { DATABASE_URL: url, PODGATE_RUN_PROJECTIONS: 'false', PODGATE_PROJECTOR_PORT: '0', LOG_LEVEL: 'silent' };
  let gateway: NestFastifyApplication;

  beforeAll(async () => {
    gateway = await createGateway(loadConfig(env), createLogger('silent', 'test'));
    await gateway.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => gateway?.close());

  it('reports both stores as postgres on /healthz', async () => {
    const response = await request(gateway.getHttpServer()).get('/healthz').expect(200);
    expect(response.body.details).toMatchObject({
      eventStore: { status: 'up', adapter: 'postgres' },
      readModel: { status: 'up', kind: 'postgres' },
      projections: { running: false },
    });
  });

  it('is not ready while nothing projects, and ready once the projector has caught up', async () => {
    const stream = streamName(uniqueCategory('projector'), 'a');
    await gateway
      .get<EventStore>(EVENT_STORE)
      .append(stream, [testEvent('PodMaintenanceEnded', { podId: 'projector-test' })], 'no_stream');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const notReady = await request(gateway.getHttpServer()).get('/readyz');
    expect(notReady.body.details.projections.lag[0].eventsBehind).toBeGreaterThan(0);

    const projector = await startProjector(loadConfig(env), createLogger('silent', 'test'));
    const sql = gateway.get<SqlClient>(READ_MODEL_SQL);
    await eventually(async () => (await sql.query('SELECT 1 FROM rm_audit WHERE stream = $1', [stream])).rowCount === 1);
    const ready = await request(gateway.getHttpServer()).get('/readyz').expect(200);
    expect(ready.body.details.projections.lag[0]).toMatchObject({ eventsBehind: 0 });
    await request(projector.getHttpServer()).get('/healthz').expect(200);
    await projector.close();
  });

  it('refuses to run the standalone projector on the embedded store', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      await expect(runProjector({ PODGATE_DATA_DIR: '/tmp/never-opened' })).resolves.toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(
      /^podgate: cannot start: DATABASE_URL: the standalone projector needs a PostgreSQL read model/,
    );
  });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
