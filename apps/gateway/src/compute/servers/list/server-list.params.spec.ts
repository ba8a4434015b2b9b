import { parseApiVersion } from '../../../api/microversion';
import { InvalidServerListQueryError, parseServerListQuery, ServerSortForbiddenError } from './server-list.params';

const v = parseApiVersion;
const parse = (query: string, version = '2.1', isAdmin = false) => parseServerListQuery(query, v(version), isAdmin);

// Nova's rules: servers.py _get_servers / _is_cell_down_supported, common.get_sort_params,
// remove_invalid_sort_keys, db/utils.py process_sort_params (called with default_dir='desc').
describe('parseServerListQuery', () => {
  it('defaults to created_at desc and Nova’s max_limit', () => {
    expect(parse('')).toMatchObject({ limit: 1000, sortKeys: [{ key: 'created_at', dir: 'desc' }], allTenants: false });
  });

  it('adds created_at after the client’s keys, in the first direction given', () => {
    expect(parse('sort_key=display_name&sort_dir=asc').sortKeys).toEqual([
      { key: 'display_name', dir: 'asc' },
      { key: 'created_at', dir: 'asc' },
    ]);
    expect(parse('sort_key=display_name&sort_key=vm_state&sort_dir=asc').sortKeys).toEqual([
      { key: 'display_name', dir: 'asc' },
      { key: 'vm_state', dir: 'asc' },
      { key: 'created_at', dir: 'asc' },
    ]);
  });

  it('drops ignored sort keys with their direction (locked only below 2.73)', () => {
    expect(parse('sort_key=id&sort_key=display_name&sort_dir=asc&sort_dir=desc').sortKeys).toEqual([
      { key: 'display_name', dir: 'desc' },
      { key: 'created_at', dir: 'desc' },
    ]);
    expect(parse('sort_key=locked', '2.72').sortKeys).toEqual([{ key: 'created_at', dir: 'desc' }]);
    expect(parse('sort_key=locked', '2.73').sortKeys[0]).toEqual({ key: 'locked', dir: 'desc' });
  });

  it('refuses what Nova refuses, in its words', () => {
    expect(() => parse('sort_dir=up')).toThrow("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'");
    expect(() => parse('sort_key=id&sort_dir=asc&sort_dir=desc')).toThrow(
      'Invalid input received: Sort direction size exceeds sort key size',
    );
    expect(() => parse('limit=x')).toThrow("Invalid input for query parameters limit. Value: x. 'x' does not match '^[0-9]*$'");
    expect(() => parse('limit=-1')).toThrow(InvalidServerListQueryError);
    expect(() => parse('all_tenants=maybe')).toThrow(
      "Invalid input received: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'",
    );
    expect(() => parse('sort_key=host')).toThrow(new ServerSortForbiddenError('host'));
    expect(parse('sort_key=host', '2.1', true).sortKeys[0]).toEqual({ key: 'host', dir: 'desc' });
  });

  it('caps the limit at 1000 and takes the last of repeated values', () => {
    expect(parse('limit=5000').limit).toBe(1000);
    expect(parse('limit=3&limit=7&marker=a&marker=b')).toMatchObject({ limit: 7, marker: 'b' });
  });

  it('reads all_tenants as Nova: present and empty is yes, 0/false/no are no', () => {
    expect(parse('all_tenants').allTenants).toBe(true);
    expect(parse('all_tenants=True').allTenants).toBe(true);
    expect(parse('all_tenants=0').allTenants).toBe(false);
    expect(parse('all_tenants=off').allTenants).toBe(false);
  });

  it('shows down pods’ servers as UNKNOWN only from 2.69 and with no paging, sorting or filter but all_tenants', () => {
    expect(parse('', '2.69').unknownForDownPods).toBe(true);
    expect(parse('all_tenants=1', '2.96').unknownForDownPods).toBe(true);
    expect(parse('', '2.68').unknownForDownPods).toBe(false);
    expect(parse('limit=5', '2.69').unknownForDownPods).toBe(false);
    expect(parse('name=web', '2.69').unknownForDownPods).toBe(false);
  });
});
