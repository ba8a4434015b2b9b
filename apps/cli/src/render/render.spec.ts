import type { Pod } from '../admin-client/resources';
import { podUsageText, POD_COLUMNS } from './columns';
import { cellText, renderList, renderOne } from './render';

const pod = {
  ...{
    pod_id: 'p-1',
    name: 'Pod1',
    az_name: 'az1',
    pod_az_name: null,
    dc_name: null,
    affinity_tag: null,
    capacity_threshold: 0.9,
  },
  ...{ endpoints: { compute: 'http://c' }, in_maintenance: true, maintenance_reason: 'upgrade', status: 'active' as const },
  ...{ registered_at: 't0', updated_at: 't1', usage: null },
};

describe('renderList', () => {
  it('draws the openstack CLI table: ASCII borders, one rule under the header', () => {
    expect(renderList([pod, { ...pod, pod_id: 'p-2', name: 'Pod2', in_maintenance: false }], POD_COLUMNS, 'table')).toBe(
      [
        '+-----+------+-----+--------------+--------+-------------+------+-----------+',
        '| ID  | Name | AZ  | Affinity Tag | Status | Maintenance | Used | Threshold |',
        '+-----+------+-----+--------------+--------+-------------+------+-----------+',
        '| p-1 | Pod1 | az1 |              | active | True        |      | 0.9       |',
        '| p-2 | Pod2 | az1 |              | active | False       |      | 0.9       |',
        '+-----+------+-----+--------------+--------+-------------+------+-----------+',
        '',
      ].join('\n'),
    );
  });

  it('prints whole objects for -f json and the columns space-separated for -f value', () => {
    expect(JSON.parse(renderList([pod], POD_COLUMNS, 'json'))).toEqual([pod]);
    expect(renderList([pod], POD_COLUMNS, 'value')).toBe('p-1 Pod1 az1  active True  0.9\n');
    expect(renderList([], POD_COLUMNS, 'value')).toBe('');
  });
});

describe('renderOne', () => {
  it('shows every field in API order, nested objects as key=value lines', () => {
    const lines = renderOne({ pod_id: 'p-1', endpoints: { compute: 'http://c', image: 'http://i' }, usage: null }, 'table').split(
      '\n',
    );
    expect(lines).toEqual([
      '+-----------+--------------------+',
      '| Field     | Value              |',
      '+-----------+--------------------+',
      '| pod_id    | p-1                |',
      "| endpoints | compute='http://c' |",
      "|           | image='http://i'   |",
      '| usage     |                    |',
      '+-----------+--------------------+',
      '',
    ]);
    expect(renderOne({ a: 1, b: { c: true } }, 'value')).toBe('1\n{"c":true}\n');
  });
});

describe('cell text', () => {
  it('writes booleans as True/False, lists comma-separated, nothing for null', () => {
    expect([true, false, null, undefined, ['admin', 'member'], 3].map(cellText)).toEqual([
      'True',
      'False',
      '',
      '',
      'admin, member',
      '3',
    ]);
  });

  it('shows pod usage as a percentage, or unreachable', () => {
    const usage = {
      vcpus: 16,
      vcpus_used: 6,
      memory_mb: 1,
      memory_mb_used: 1,
      disk_gb: 1,
      disk_gb_used: 1,
      running_vms: 1,
      reported_at: 't',
    };
    expect(podUsageText({ ...pod, usage: { ...usage, used_fraction: 0.374, reachable: true } } as Pod)).toBe('37%');
    expect(podUsageText({ ...pod, usage: { ...usage, used_fraction: 0.374, reachable: false } } as Pod)).toBe('unreachable');
    expect(podUsageText(pod as Pod)).toBe('');
  });
});
