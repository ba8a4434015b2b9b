import { hasNextLink, podQuery } from './server-list.source';
import { serverSortValues } from './server-sort-values';

const pod = { azName: 'az2', podAzName: 'nova' };

describe('podQuery', () => {
  it('keeps the client’s filters and sort keys, with the page’s own limit and marker', () => {
    const pairs: [string, string][] = [
      ['name', 'web'],
      ['limit', '5'],
      ['sort_key', 'display_name'],
      ['marker', 'theirs'],
      ['sort_key', 'uuid'],
    ];
    expect(podQuery(pairs, pod, { limit: 8, marker: 'ours' })).toBe(
      'name=web&sort_key=display_name&sort_key=uuid&limit=8&marker=ours',
    );
  });

  it('asks a pod for its own AZ when the filter matches its user-visible one, and skips it otherwise', () => {
    expect(podQuery([['availability_zone', 'az2']], pod, { limit: 3 })).toBe('availability_zone=nova&limit=3');
    expect(podQuery([['availability_zone', '^az']], pod, { limit: 3 })).toBe('availability_zone=nova&limit=3');
    expect(podQuery([['availability_zone', 'az1']], pod, { limit: 3 })).toBeNull();
  });
});

describe('hasNextLink', () => {
  it('is true only for a servers_links entry with rel next', () => {
    expect(hasNextLink([{ rel: 'next', href: 'http://pod/compute/v2.1/servers/detail?limit=2&marker=b' }])).toBe(true);
    expect(
      hasNextLink([
        { rel: 'previous', href: 'x' },
        { rel: 'next', href: 'y' },
      ]),
    ).toBe(true);
    expect(hasNextLink(undefined)).toBe(false);
    expect(hasNextLink([])).toBe(false);
    expect(hasNextLink([{ rel: 'self', href: 'x' }, null])).toBe(false);
    expect(hasNextLink({ rel: 'next' })).toBe(false);
  });
});

describe('serverSortValues', () => {
  it('reads each sort key’s column where the server body shows it', () => {
    const server = { created: '2025-01-01T00:00:00Z', name: 'a', image: { id: 'img' }, 'OS-EXT-STS:power_state': 1 };
    expect(serverSortValues(server, ['created_at', 'display_name', 'image_ref', 'power_state', 'instance_type_id'])).toEqual([
      '2025-01-01T00:00:00Z',
      'a',
      'img',
      1,
      null,
    ]);
    expect(serverSortValues({ image: '' }, ['image_ref'])).toEqual([null]);
  });
});
