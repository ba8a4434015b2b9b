import { InvalidVolumeListQueryError, isAllTenants, isWithCount, parseVolumeListQuery } from './volume-list.params';

// Cinder's rules: api/common.py get_pagination_params / get_sort_params, db process_sort_params
// (default keys created_at and id, in the first direction given), webob's MultiDict.pop (first value).
describe('parseVolumeListQuery', () => {
  it('defaults to created_at desc then id desc, and osapi_max_limit', () => {
    expect(parseVolumeListQuery('')).toMatchObject({
      limit: 1000,
      limitGiven: false,
      offset: 0,
      sortKeys: [
        { key: 'created_at', dir: 'desc' },
        { key: 'id', dir: 'desc' },
      ],
    });
  });

  it('reads sort=key:dir,... with desc for keys without a direction, name as display_name', () => {
    expect(parseVolumeListQuery('sort=name:asc,size').sortKeys).toEqual([
      { key: 'display_name', dir: 'asc' },
      { key: 'size', dir: 'desc' },
      { key: 'created_at', dir: 'asc' },
      { key: 'id', dir: 'asc' },
    ]);
    expect(parseVolumeListQuery('sort=id:asc').sortKeys).toEqual([
      { key: 'id', dir: 'asc' },
      { key: 'created_at', dir: 'asc' },
    ]);
  });

  it('reads the deprecated sort_key/sort_dir (first values)', () => {
    expect(parseVolumeListQuery('sort_key=size&sort_dir=asc&sort_key=status').sortKeys).toEqual([
      { key: 'size', dir: 'asc' },
      { key: 'created_at', dir: 'asc' },
      { key: 'id', dir: 'asc' },
    ]);
  });

  it('refuses what Cinder refuses, in its words', () => {
    expect(() => parseVolumeListQuery('sort=size&sort_key=id')).toThrow(
      "The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.",
    );
    expect(() => parseVolumeListQuery('sort=size:up')).toThrow(
      "Invalid input received: Unknown sort direction, must be 'desc' or 'asc'.",
    );
    expect(() => parseVolumeListQuery('limit=x')).toThrow('limit param must be an integer');
    expect(() => parseVolumeListQuery('limit=-1')).toThrow('limit param must be positive');
    expect(() => parseVolumeListQuery('offset=-2')).toThrow(InvalidVolumeListQueryError);
    expect(() => parseVolumeListQuery('offset=a')).toThrow('offset must be an integer.');
  });

  it('caps the limit at 1000, takes the first limit and marker, keeps every pair for the pods', () => {
    expect(parseVolumeListQuery('limit=5000').limit).toBe(1000);
    const params = parseVolumeListQuery('limit=3&limit=7&marker=a&marker=b&status=available&offset=2');
    expect(params).toMatchObject({ limit: 3, limitGiven: true, marker: 'a', offset: 2 });
    expect(params.pairs).toContainEqual(['status', 'available']);
  });
});

describe('isAllTenants', () => {
  it('is get_bool_param: the last value, strict', () => {
    expect(isAllTenants([])).toBe(false);
    expect(isAllTenants([['all_tenants', 'True']])).toBe(true);
    expect(
      isAllTenants([
        ['all_tenants', '1'],
        ['all_tenants', 'no'],
      ]),
    ).toBe(false);
    expect(() => isAllTenants([['all_tenants', '']])).toThrow("Value '' for 'all_tenants' is not a boolean.");
  });
});

describe('isWithCount', () => {
  it('is get_bool_param from 3.45; below, with_count is only a filter for the pods', () => {
    expect(isWithCount([['with_count', 'true']], '3.45')).toBe(true);
    expect(isWithCount([['with_count', 'true']], '3.44')).toBe(false);
    expect(isWithCount([['with_count', 'off']], '3.45')).toBe(false);
    expect(isWithCount([], '3.60')).toBe(false);
    expect(() => isWithCount([['with_count', 'maybe']], '3.45')).toThrow("Value 'maybe' for 'with_count' is not a boolean.");
  });
});
