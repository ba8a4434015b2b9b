import { decidePodUsage, initialPodUsageState } from './pod-usage.decider';
import { POD_USAGE_EVENT_DEFINITIONS } from './pod-usage.event-definitions';
import { POD_USAGE_EVENT_TYPES, type PodUsage } from './pod-usage.events';

const podId = '6f1c1c9e-0000-5000-8000-000000000001';
const reportedAt = '2026-03-01T10:00:00.000Z';
const usage: PodUsage = {
  vcpus: 100,
  vcpusUsed: 150,
  memoryMb: 1000,
  memoryMbUsed: 200,
  diskGb: 0,
  diskGbUsed: 0,
  runningVms: 5,
};
const [{ parse }] = POD_USAGE_EVENT_DEFINITIONS;

describe('pod usage event definitions', () => {
  it('define a parser for every event type, once', () => {
    expect(POD_USAGE_EVENT_DEFINITIONS.map((definition) => definition.type)).toEqual(POD_USAGE_EVENT_TYPES);
  });

  it('accept, unchanged, a reachable report (overcommitted) and an unreachable one with its error', () => {
    const up = decidePodUsage({ type: 'ReportPodUsage', podId, reportedAt, reachable: true, usage }, initialPodUsageState);
    const down = decidePodUsage(
      { type: 'ReportPodUsage', podId, reportedAt, reachable: false, error: 'ECONNREFUSED' },
      initialPodUsageState,
    );
    for (const event of [...up, ...down]) expect(parse(event.data)).toEqual(event.data);
    expect(up[0].data).not.toHaveProperty('error');
  });

  it('refuse a key nobody allowed and a negative figure', () => {
    const data = { podId, reachable: false, usage: null, usedFraction: null, reportedAt, error: 'timed out' };
    expect(() => parse({ ...data, authorization: 'Bearer x' })).toThrow(/authorization/);
    expect(() => parse({ ...data, reachable: true, usage: { ...usage, vcpus: -1 }, usedFraction: 1 })).toThrow();
  });
});
