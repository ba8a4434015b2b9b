import type { JsonValue, RecordedEvent } from '@podgate/event-store';
import { MarkerNotFoundError } from '@podgate/kernel';
import { migrateReadModel } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { InvalidAuditFilterError } from '../../domain/audit.errors';
import { auditLogProjection } from '../../projections/audit-log/audit-log.projection';
import { AuditQueries } from './audit-queries.service';
import { countAudit, latestAuditPosition, listAudit } from './audit.queries';

const member = { userId: 'alice', projectId: 'tenant-a', roles: ['member'] };
const admin = { userId: 'admin', projectId: 'admin', roles: ['admin'] };

/** Event n at position 5/n (3/n for the first three, so commit ties are broken by prepare), minute n. */
function event(n: number, stream: string, type: string, data: JsonValue, actor = member): RecordedEvent {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type,
    data,
    metadata: { correlationId: `c-${n}`, causationId: `c-${n}`, requestId: `req-${n}`, actor, occurredAt: minute(n) },
    stream,
    revision: 0n,
    position: { commit: n < 3 ? 3n : 5n, prepare: BigInt(n) },
    recordedAt: new Date(minute(n)),
  };
}
const minute = (n: number) => `2026-04-01T12:${String(n).padStart(2, '0')}:00.000Z`;

const LOG = [
  event(0, 'pod-p1', 'PodRegistered', { podId: 'p1', name: 'Pod1' }, admin),
  event(1, 'tenantBinding-k1', 'TenantBoundToPod', { projectId: 'tenant-a', podId: 'p1', azName: 'az1' }, admin),
  event(2, 'server-s1', 'ServerCreateRequested', { serverId: 's1' }),
  event(3, 'server-s1', 'ResourceRouted', { resourceType: 'server', topId: 's1', podId: 'p1', projectId: 'tenant-a' }),
  event(4, 'server-s2', 'ServerCreateFailed', { serverId: 's2', podId: 'p2' }, { ...member, projectId: 'tenant-b' }),
  event(5, 'pod-p1', 'PodMaintenanceStarted', { podId: 'p1', reason: 'disk' }, admin),
];

describe('audit queries (PGlite)', () => {
  let sql: SqlClient;

  beforeAll(async () => {
    sql = await PGliteClient.open();
    await migrateReadModel(sql, [auditLogProjection]);
    await sql.transaction((tx) => auditLogProjection.apply(tx, LOG));
  });
  afterAll(() => sql.close());

  const ids = async (filter: object) => (await listAudit(sql, { limit: 100, ...filter })).map((e) => Number(e.eventId.slice(-2)));

  it('shows an event with every field, camelCase, in log order', async () => {
    const page = await listAudit(sql, { limit: 2 });
    expect(page.map((e) => e.position)).toEqual(['3/0', '3/1']);
    expect(page[1]).toEqual({
      position: '3/1',
      eventId: LOG[1].id,
      type: 'TenantBoundToPod',
      stream: 'tenantBinding-k1',
      resourceType: 'tenantBinding',
      resourceId: 'k1',
      podId: 'p1',
      outcome: 'succeeded',
      occurredAt: minute(1),
      recordedAt: minute(1),
      actor: admin,
      requestId: 'req-1',
      globalRequestId: null,
      data: LOG[1].data,
    });
  });

  it.each([
    [{ projectId: 'tenant-a' }, [1, 2, 3]],
    [{ projectId: 'admin' }, [0, 5]],
    [{ podId: 'p1' }, [0, 1, 3, 5]],
    [{ resourceId: 's1' }, [2, 3]],
    [{ resourceId: 'server/s1' }, [2, 3]],
    [{ resourceId: 'pod/p1' }, [0, 5]],
    [{ resourceId: 'tenantBinding/k1', podId: 'p1' }, [1]],
    [{ resourceId: 'pod/s1' }, []],
    [{ resourceId: 'server/' }, []],
    [{ type: 'ServerCreateFailed' }, [4]],
    [{ since: minute(2), until: minute(4) }, [2, 3]],
    [{ since: new Date(minute(4)) }, [4, 5]],
    [{ projectId: 'tenant-a', podId: 'p1', until: minute(3) }, [1]],
    [{ through: '5/3' }, [0, 1, 2, 3]],
    [{ resourceId: 'nothing' }, []],
  ])('filters %j, and counts the same events', async (filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
    expect(await countAudit(sql, filter)).toBe(expected.length);
  });

  it('walks the log by limit and marker, each event once, also within a filter', async () => {
    const walk = async (filter: object) => {
      const seen: number[] = [];
      let marker: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await listAudit(sql, { ...filter, limit: 2, marker });
        seen.push(...page.map((e) => Number(e.eventId.slice(-2))));
        if (page.length < 2) break;
        marker = page[1].position;
      }
      return seen;
    };
    expect(await walk({})).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await walk({ podId: 'p1' })).toEqual([0, 1, 3, 5]);
  });

  it('answers an unknown or malformed marker with a 400 naming it', async () => {
    await expect(listAudit(sql, { limit: 2, marker: '5/99' })).rejects.toThrow(new MarkerNotFoundError('5/99'));
    for (const marker of ['abc', '5', '-1/2', `${'9'.repeat(21)}/1`]) {
      await expect(listAudit(sql, { limit: 2, marker })).rejects.toMatchObject({
        kind: 'badRequest',
        message: `marker ${marker} not found`,
      });
    }
  });

  it('reads a typed resource up to its first slash, so an id may itself hold slashes', async () => {
    await sql.transaction((tx) => auditLogProjection.apply(tx, [event(7, 'server-a/b', 'ServerCreateRequested', {})]));
    try {
      expect(await ids({ resourceId: 'server/a/b' })).toEqual([7]);
      expect(await ids({ resourceId: 'a/b' })).toEqual([]);
    } finally {
      await sql.query(`DELETE FROM rm_audit WHERE prepare_position = 7`);
    }
  });

  it('answers a time that is not one with a 400', async () => {
    await expect(listAudit(sql, { limit: 2, since: 'yesterday' })).rejects.toThrow(InvalidAuditFilterError);
    await expect(countAudit(sql, { until: new Date('nope') })).rejects.toThrow('until is not a valid time');
  });

  // PostgreSQL would refuse these itself (SQLSTATE 22008 or 22007), which callers would answer with a 500.
  it.each([
    ['since', '0000-01-01T00:00:00.000Z'],
    ['until', '0001-01-01T00:30:00+01:00'],
    ['since', '-000001-01-01T00:00:00Z'],
    ['until', '+010000-01-01T00:00:00Z'],
    ['since', new Date(Date.UTC(10000, 0, 1))],
  ])('refuses %s %p, outside the years 0001-9999, with a 400', async (name, value) => {
    const refusal = {
      constructor: InvalidAuditFilterError,
      kind: 'badRequest',
      message: `${name} must be an instant in the years 0001-9999 (UTC): ${new Date(value).toISOString()}`,
    };
    await expect(listAudit(sql, { limit: 2, [name]: value })).rejects.toMatchObject(refusal);
    await expect(countAudit(sql, { [name]: value })).rejects.toMatchObject(refusal);
  });

  it('answers a since and until at either end of the years 0001-9999', async () => {
    expect(await ids({ since: '0001-01-01T00:00:00.000Z', until: '9999-12-31T23:59:59.999Z' })).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('clamps the limit to 1..1000', async () => {
    expect(await listAudit(sql, { limit: 0 })).toHaveLength(1);
    expect(await listAudit(sql, { limit: Number.NaN })).toHaveLength(6);
  });

  it('pins an export to the events audited when it started', async () => {
    expect(await latestAuditPosition(sql)).toBe('5/5');
    const exported = await new AuditQueries(sql).export({ podId: 'p1' }, { batchSize: 1 });
    await sql.transaction((tx) =>
      auditLogProjection.apply(tx, [event(6, 'pod-p1', 'PodMaintenanceEnded', { podId: 'p1' }, admin)]),
    );
    const lines: string[] = [];
    for await (const page of exported.pages) lines.push(...page.map((e) => e.type));
    expect({ count: exported.count, lines }).toEqual({
      count: 4,
      lines: ['PodRegistered', 'TenantBoundToPod', 'ResourceRouted', 'PodMaintenanceStarted'],
    });
    await sql.query(`DELETE FROM rm_audit WHERE prepare_position = 6`);
  });

  it('has no latest position while empty', async () => {
    const empty = await PGliteClient.open();
    await migrateReadModel(empty, [auditLogProjection]);
    expect(await latestAuditPosition(empty)).toBe('0/0');
    await empty.close();
  });
});
