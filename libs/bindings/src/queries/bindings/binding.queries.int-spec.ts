import type { RecordedEvent } from '@podgate/event-store';
import { MarkerNotFoundError } from '@podgate/kernel';
import { migrateReadModel } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { InvalidBindingFilterError } from '../../domain/binding.errors';
import type { BindingEvent } from '../../domain/binding.events';
import { bindingKeyId, bindingStream } from '../../domain/binding.stream';
import { bindingsProjection } from '../../projections/bindings/bindings.projection';
import { findBindingKey } from './binding-key.query';
import { countActiveBindings, countActiveBindingsByPod, findBinding, listBindings } from './binding.queries';
import type { BindingView } from './binding.view';

const POD_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const POD_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Ten tenants, one binding each, over two pods and two AZs; several share a bound_at, so the id
 * breaks ties. Tenants 0..2 were then ended.
 */
function seed(): RecordedEvent[] {
  const events: { stream: string; event: BindingEvent }[] = [];
  for (let n = 0; n < 10; n++) {
    const key = { projectId: `tenant-${n}`, azName: n < 7 ? 'az1' : 'az2', affinityTag: null };
    const data = { ...key, bindingId: id(n), podId: n % 2 === 0 ? POD_A : POD_B };
    const stream = bindingStream(bindingKeyId(key));
    const boundAt = `2026-03-01T10:0${Math.floor(n / 3)}:00.000Z`;
    events.push({ stream, event: { type: 'TenantBoundToPod', data: { ...data, reason: 'first-request', boundAt } } });
    if (n < 3)
      events.push({
        stream,
        event: { type: 'TenantBindingEnded', data: { ...data, reason: 'x', endedAt: '2026-03-02T00:00:00.000Z' } },
      });
  }
  return events.map(({ stream, event }, i) => ({
    id: crypto.randomUUID(),
    type: event.type,
    data: { ...event.data },
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      requestId: 'r',
      actor: { userId: 'u', projectId: 'p', roles: [] },
      occurredAt: 'x',
    },
    stream,
    revision: event.type === 'TenantBoundToPod' ? 0n : 1n,
    position: { commit: BigInt(i + 1), prepare: BigInt(i + 1) },
    recordedAt: new Date(),
  }));
}

const tenants = (page: BindingView[]) => page.map((b) => b.projectId).sort();

describe('binding queries (PGlite)', () => {
  let sql: SqlClient;

  beforeAll(async () => {
    sql = await PGliteClient.open();
    await migrateReadModel(sql, [bindingsProjection]);
    await sql.transaction((tx) => bindingsProjection.apply(tx, seed()));
  });
  afterAll(() => sql.close());

  it('finds a binding by id, and nothing for an unknown or malformed id', async () => {
    expect(await findBinding(sql, id(4))).toEqual({
      bindingId: id(4),
      projectId: 'tenant-4',
      azName: 'az1',
      affinityTag: null,
      podId: POD_A,
      reason: 'first-request',
      active: true,
      boundAt: '2026-03-01T10:01:00.000Z',
      boundBy: 'u',
      boundRequestId: 'r',
      endedAt: null,
      endReason: null,
      endedBy: null,
    });
    expect(await findBinding(sql, id(99))).toBeUndefined();
    expect(await findBinding(sql, 'not-a-uuid')).toBeUndefined();
  });

  it('walks every binding exactly once by limit and marker, in (bound_at, binding_id) order', async () => {
    const seen: BindingView[] = [];
    let marker: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listBindings(sql, { limit: 3, marker });
      seen.push(...page);
      if (page.length < 3) break;
      marker = page[page.length - 1].bindingId;
    }
    expect(seen.map((b) => b.bindingId)).toEqual(Array.from({ length: 10 }, (_, n) => id(n)));
  });

  it.each([
    [{ projectId: 'tenant-4' }, ['tenant-4']],
    [{ podId: POD_B, azName: 'az1' }, ['tenant-1', 'tenant-3', 'tenant-5']],
    [{ azName: 'az2' }, ['tenant-7', 'tenant-8', 'tenant-9']],
    [{ active: false }, ['tenant-0', 'tenant-1', 'tenant-2']],
    [{ active: true, podId: POD_A }, ['tenant-4', 'tenant-6', 'tenant-8']],
    [{ podId: 'not-a-uuid' }, []],
  ])('filters %j', async (filter, expected) => {
    expect(tenants(await listBindings(sql, { ...filter, limit: 100 }))).toEqual(expected);
  });

  it('answers an unknown marker or an unreadable as_of with a 400', async () => {
    await expect(listBindings(sql, { marker: id(99) })).rejects.toThrow(new MarkerNotFoundError(id(99)));
    await expect(listBindings(sql, { marker: 'x' })).rejects.toMatchObject({ kind: 'badRequest', message: 'marker x not found' });
    await expect(listBindings(sql, { asOf: 'yesterday-ish' })).rejects.toBeInstanceOf(InvalidBindingFilterError);
  });

  // PostgreSQL would refuse these itself (SQLSTATE 22008 or 22007), which callers would answer with a 500.
  it.each([
    ['year 0', '0000-01-01T00:00:00.000Z'],
    ['year 0 in UTC', '0001-01-01T00:30:00+01:00'],
    ['a year before 0', '-000001-01-01T00:00:00Z'],
    ['year 10000', '+010000-01-01T00:00:00Z'],
    ['year 10000 as a Date', new Date(Date.UTC(10000, 0, 1))],
  ])('refuses an as_of in %s, outside the years 0001-9999, with a 400', async (_name, asOf) => {
    await expect(listBindings(sql, { asOf })).rejects.toMatchObject({
      constructor: InvalidBindingFilterError,
      kind: 'badRequest',
      message: `as_of must be an instant in the years 0001-9999 (UTC): ${new Date(asOf).toISOString()}`,
    });
  });

  it('answers an as_of at either end of the years 0001-9999', async () => {
    expect(await listBindings(sql, { asOf: '0001-01-01T00:00:00.000Z' })).toEqual([]);
    expect(tenants(await listBindings(sql, { asOf: '9999-12-31T23:59:59.999Z' }))).toHaveLength(7);
  });

  it('defaults the page to 100 and clamps the limit to 1..1000', async () => {
    expect(await listBindings(sql, {})).toHaveLength(10);
    expect(await listBindings(sql, { limit: 0 })).toHaveLength(1);
    expect(await listBindings(sql, { limit: 5000 })).toHaveLength(10);
  });

  it('counts active bindings per pod, ended ones left out', async () => {
    expect(await countActiveBindings(sql, POD_A)).toBe(3);
    expect(await countActiveBindings(sql, POD_B)).toBe(4);
    expect(await countActiveBindings(sql, 'not-a-uuid')).toBe(0);
    expect(await countActiveBindingsByPod(sql, [POD_A, POD_B, id(50)])).toEqual(
      new Map([
        [POD_A, 3],
        [POD_B, 4],
      ]),
    );
  });

  it('reads a key as the decider needs it: revision, active binding, and every binding it ever had', async () => {
    const ended = await findBindingKey(sql, bindingKeyId({ projectId: 'tenant-1', azName: 'az1', affinityTag: null }));
    expect(ended).toEqual({ revision: 1n, state: { active: undefined, everBound: [id(1)] }, active: undefined });
    const active = await findBindingKey(sql, bindingKeyId({ projectId: 'tenant-5', azName: 'az1', affinityTag: null }));
    expect(active.revision).toBe(0n);
    expect(active.state.active).toEqual({ bindingId: id(5), podId: POD_B, boundAt: '2026-03-01T10:01:00.000Z' });
    expect(active.active).toEqual(await findBinding(sql, id(5)));
    expect(await findBindingKey(sql, 'never-seen')).toMatchObject({ revision: 'no_stream', state: { everBound: [] } });
  });
});
