import type { PodView } from '@podgate/pods';
import { apiLinkBase } from '../../api/links';
import { VOLUME_API } from '../../api/service-api';
import { ATTACHMENTS } from '../attachments/attachments.collection';
import { BACKUPS, backupsAllTenantsAsked } from '../backups/backups.collection';
import { SNAPSHOTS, snapshotSummary, snapshotsAllTenantsAsked } from '../snapshots/snapshots.collection';
import { cinderPodCollection, fieldsOf, type ListedCinderItem, sortValuesOf } from './cinder-collection';
import { cinderListAnswer } from './cinder-list.view';

const pod = { podId: 'p1', name: 'Pod1', azName: 'az1', podAzName: 'nova-1' } as PodView;
const base = apiLinkBase(VOLUME_API, 'http://gw');
const listed = (item: Record<string, unknown>): ListedCinderItem => ({ item, pod });

describe('sortValuesOf', () => {
  it('compares what the bodies show, and nothing after a column no body shows', () => {
    const item = { id: 'b', name: 'x', created_at: '2024', instance: 's' };
    expect(sortValuesOf(item, ['display_name', 'created_at', 'id'], fieldsOf())).toEqual(['x', '2024', 'b']);
    // Hidden first key: the pod's page is not ordered by the later keys, so they must tie too.
    expect(sortValuesOf(item, ['created_at', 'id'], ATTACHMENTS.fieldOfSortKey)).toEqual([null, null]);
    expect(sortValuesOf(item, ['instance_uuid', 'created_at'], ATTACHMENTS.fieldOfSortKey)).toEqual(['s', null]);
    expect(sortValuesOf(item, ['host', 'created_at', 'id'], SNAPSHOTS.fieldOfSortKey)).toEqual([null, null, null]);
    expect(sortValuesOf(item, ['constructor', 'id'], fieldsOf())).toEqual([null, null]);
  });
});

describe('cinderPodCollection', () => {
  it('asks each pod without the merge’s paging, and only the pod of an AZ filter, by its own AZ name', () => {
    const pairs: [string, string][] = [
      ['availability_zone', 'az1'],
      ['offset', '2'],
      ['limit', '5'],
      ['status', 'available'],
    ];
    const collection = cinderPodCollection(BACKUPS, pairs, base, 'proj');
    expect(collection.listPath).toBe('/backups/detail');
    expect(collection.podQuery(pod, { limit: 6, marker: 'm' })).toBe(
      'availability_zone=nova-1&status=available&limit=6&marker=m',
    );
    expect(collection.podQuery({ ...pod, azName: 'az2' }, { limit: 6 })).toBeNull();
  });

  it('shows the pod’s items with podgate’s AZ', () => {
    const collection = cinderPodCollection(BACKUPS, [], base, 'proj');
    const response = { status: 200, headers: {}, body: {}, podBaseUrl: 'http://pod/v3' };
    expect(collection.item({ id: 'b1', availability_zone: 'nova-1' }, pod, response).item).toEqual({
      id: 'b1',
      availability_zone: 'az1',
    });
  });
});

describe('cinderListAnswer', () => {
  const page = {
    items: [
      listed({ id: 'a', name: 'n', status: 's', metadata: {}, 'os-extended-snapshot-attributes:progress': '100%' }),
      listed({ id: 'b' }),
    ],
    limit: 2,
  };

  it('links the next page when the page is full, the marker last and replaced (Cinder’s MultiDict)', () => {
    const pairs: [string, string][] = [
      ['marker', 'old'],
      ['limit', '2'],
      ['sort', 'name:asc'],
    ];
    const answer = cinderListAnswer(SNAPSHOTS, 'detail', page, { base, pairs }, snapshotSummary);
    expect(answer.snapshots_links).toEqual([
      { rel: 'next', href: 'http://gw/volume/v3/snapshots/detail?limit=2&sort=name%3Aasc&marker=b' },
    ]);
    expect((answer.snapshots as unknown[])[0]).toHaveProperty(['os-extended-snapshot-attributes:progress']);
  });

  it('summary lists show the summary fields, and short pages or link-less collections no next link', () => {
    const answer = cinderListAnswer(SNAPSHOTS, 'summary', { ...page, limit: 3 }, { base, pairs: [] }, snapshotSummary);
    expect(answer).toEqual({ snapshots: [{ id: 'a', name: 'n', status: 's', metadata: {} }, { id: 'b' }] });
    expect(cinderListAnswer(ATTACHMENTS, 'detail', page, { base, pairs: [] }, (a) => a)).not.toHaveProperty('attachments_links');
    expect(cinderListAnswer(SNAPSHOTS, 'detail', { items: [], limit: 0 }, { base, pairs: [] }, (a) => a)).toEqual({
      snapshots: [],
    });
  });
});

describe('cinderListAnswer with a count (with_count, 3.45)', () => {
  const one = { items: [listed({ id: 'a' })], limit: 2 };

  it('answers the count, and links on while the limit is at most the count (Cinder’s item_count rule)', () => {
    const answer = cinderListAnswer(SNAPSHOTS, 'detail', { ...one, count: 3 }, { base, pairs: [] }, (a) => a);
    expect(answer.count).toBe(3);
    expect(answer.snapshots_links).toEqual([{ rel: 'next', href: 'http://gw/volume/v3/snapshots/detail?marker=a' }]);
    expect(cinderListAnswer(SNAPSHOTS, 'detail', { ...one, count: 1 }, { base, pairs: [] }, (a) => a)).toEqual({
      snapshots: [{ id: 'a' }],
      count: 1,
    });
    // A count of 0 counts the page (`item_count or len(items)`); an empty page never links.
    const empty = cinderListAnswer(SNAPSHOTS, 'detail', { items: [], limit: 2, count: 0 }, { base, pairs: [] }, (a) => a);
    expect(empty).toEqual({ snapshots: [], count: 0 });
  });
});

describe('all_tenants, as each Cinder collection reads it', () => {
  it('snapshots: lenient, first value; backups: strict, else Cinder’s 400', () => {
    expect(
      snapshotsAllTenantsAsked([
        ['all_tenants', 'Yes'],
        ['all_tenants', '0'],
      ]),
    ).toBe(true);
    expect(snapshotsAllTenantsAsked([['all_tenants', 'maybe']])).toBe(false);
    expect(backupsAllTenantsAsked([['all_tenants', '1']])).toBe(true);
    expect(backupsAllTenantsAsked([['all_tenants', 'off']])).toBe(false);
    expect(() => backupsAllTenantsAsked([['all_tenants', 'maybe']])).toThrow("all_tenants must be a boolean, got 'maybe'.");
  });
});
