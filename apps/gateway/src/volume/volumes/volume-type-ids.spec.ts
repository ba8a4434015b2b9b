import type { PodView } from '@podgate/pods';
import type { SqlExecutor } from '@podgate/sql';
import { VolumeTypeIds, withGatewayTypeId } from './volume-type-ids';

/** rm_volume_type_pod_sync as the fake read model holds it: pod id -> (pod's type id -> podgate's). */
function fakeSql(rows: Map<string, Map<string, string>>) {
  const reads: string[] = [];
  const sql = {
    query: async (_text: string, params: unknown[]) => {
      const podId = params[0] as string;
      reads.push(podId);
      return {
        rows: [...(rows.get(podId) ?? new Map<string, string>())].map(([pod_type_id, type_id]) => ({ pod_type_id, type_id })),
      };
    },
  } as unknown as SqlExecutor;
  return { sql, reads };
}

const pod = (podId: string) => ({ podId }) as PodView;

describe('withGatewayTypeId', () => {
  it('maps the pod’s volume_type_id to podgate’s, and leaves an id podgate did not define there', () => {
    const ids = new Map([['pod-gold', 'gw-gold']]);
    expect(withGatewayTypeId({ id: 'v', volume_type_id: 'pod-gold' }, ids)).toEqual({ id: 'v', volume_type_id: 'gw-gold' });
    expect(withGatewayTypeId({ id: 'v', volume_type_id: 'other' }, ids)).toEqual({ id: 'v', volume_type_id: 'other' });
    expect(withGatewayTypeId({ id: 'v' }, ids)).toEqual({ id: 'v' });
  });
});

describe('VolumeTypeIds', () => {
  it('shows a volume answer with podgate’s type id, errors and bodies without one as they are', async () => {
    const { sql } = fakeSql(new Map([['p1', new Map([['pod-gold', 'gw-gold']])]]));
    const ids = new VolumeTypeIds(sql);
    const answer = { status: 200, body: { volume: { id: 'v', volume_type: 'gold', volume_type_id: 'pod-gold' } } };
    expect(await ids.inAnswer(answer, 'p1')).toEqual({
      status: 200,
      body: { volume: { id: 'v', volume_type: 'gold', volume_type_id: 'gw-gold' } },
    });
    const error = { status: 404, body: { itemNotFound: { code: 404, message: 'x' } } };
    expect(await ids.inAnswer(error, 'p1')).toBe(error);
  });

  it('maps each listed item by its own pod, reading each pod’s ids once while fresh', async () => {
    const { sql, reads } = fakeSql(
      new Map([
        ['p1', new Map([['t1', 'gw-gold']])],
        ['p2', new Map([['t2', 'gw-gold']])],
      ]),
    );
    const ids = new VolumeTypeIds(sql);
    let now = 0;
    ids.now = () => now;
    const items = [
      { item: { id: 'a', volume_type_id: 't1' }, pod: pod('p1') },
      { item: { id: 'b', volume_type_id: 't2' }, pod: pod('p2') },
      { item: { id: 'c', volume_type_id: 't1' }, pod: pod('p1') },
    ];
    expect((await ids.inItems(items)).map(({ item }) => item.volume_type_id)).toEqual(['gw-gold', 'gw-gold', 'gw-gold']);
    now = 5_000;
    await ids.inItems(items);
    expect(reads.sort()).toEqual(['p1', 'p2']);
    // An id the map lacks reloads it once it is a second old; an expired map reloads anyway.
    await ids.inItems([{ item: { id: 'd', volume_type_id: 'new' }, pod: pod('p1') }]);
    now = 20_000;
    await ids.inItems(items);
    expect(reads.sort()).toEqual(['p1', 'p1', 'p1', 'p2', 'p2']);
  });
});
