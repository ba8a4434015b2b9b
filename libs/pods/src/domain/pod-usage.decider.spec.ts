import { specify } from '@podgate/kernel';
import { InvalidPodUsageError } from './pod.errors';
import { podUsageDecider, type ReportPodUsage, usedFractionOf } from './pod-usage.decider';
import type { PodUsage, PodUsageEvent } from './pod-usage.events';

const podId = '6f1c1c9e-0000-5000-8000-000000000001';
const reportedAt = '2026-03-01T10:00:00.000Z';
const half: PodUsage = { vcpus: 100, vcpusUsed: 50, memoryMb: 1000, memoryMbUsed: 200, diskGb: 10, diskGbUsed: 1, runningVms: 5 };
const up = (usage: PodUsage): ReportPodUsage => ({ type: 'ReportPodUsage', podId, reportedAt, reachable: true, usage });
const down = (error: string): ReportPodUsage => ({ type: 'ReportPodUsage', podId, reportedAt, reachable: false, error });
const reported = (usage: PodUsage): PodUsageEvent => ({
  type: 'PodUsageReported',
  data: { podId, reachable: true, usage, usedFraction: usedFractionOf(usage), reportedAt },
});
const lost: PodUsageEvent = {
  type: 'PodUsageReported',
  data: { podId, reachable: false, usage: null, usedFraction: null, reportedAt, error: 'connect ECONNREFUSED' },
};
const usage = specify(podUsageDecider);

describe('pod usage decider', () => {
  it('records the first report, with the fullest resource as used fraction', () => {
    expect(usage.given([]).when(up(half))).toEqual({
      events: [{ type: 'PodUsageReported', data: { podId, reachable: true, usage: half, usedFraction: 0.5, reportedAt } }],
    });
  });

  it('records nothing when nothing moved, or when the fraction moved less than one point', () => {
    expect(usage.given([reported(half)]).when(up(half))).toEqual({ events: [] });
    expect(usage.given([reported(half)]).when(up({ ...half, vcpusUsed: 50.9, runningVms: 9 }))).toEqual({ events: [] });
  });

  it('records a move of one point or more, measured from the last recorded report', () => {
    expect(usage.given([reported(half)]).when(up({ ...half, vcpusUsed: 51 })).events).toHaveLength(1);
    expect(usage.given([reported(half)]).when(up({ ...half, vcpusUsed: 49 })).events).toHaveLength(1);
    // 0.15 - 0.14 is a hair under 0.01 in floating point, and still one point
    const at14 = { ...half, vcpusUsed: 14, memoryMbUsed: 0, diskGbUsed: 0 };
    expect(usage.given([reported(at14)]).when(up({ ...at14, vcpusUsed: 15 })).events).toHaveLength(1);
    // drift of half a point per poll is recorded once it adds up to a point
    const drifted = usage.given([reported(half)]).when(up({ ...half, vcpusUsed: 50.5 }));
    expect(drifted).toEqual({ events: [] });
    expect(usage.given([reported(half)]).when(up({ ...half, vcpusUsed: 51 })).events).toHaveLength(1);
  });

  it('records a change of totals even when the fraction stays', () => {
    const doubled = { ...half, vcpus: 200, vcpusUsed: 100 };
    expect(usage.given([reported(half)]).when(up(doubled)).events).toEqual([reported(doubled)]);
  });

  it('records reachability flips once each way, not every failed poll', () => {
    expect(usage.given([reported(half)]).when(down('connect ECONNREFUSED'))).toEqual({ events: [lost] });
    expect(usage.given([reported(half), lost]).when(down('timeout of 5000ms exceeded'))).toEqual({ events: [] });
    expect(usage.given([reported(half), lost]).when(up(half))).toEqual({ events: [reported(half)] });
    expect(usage.given([]).when(down('')).events?.[0].data.error).toBe('unreachable');
  });

  it('treats a zero total as full, so an empty pod never looks free', () => {
    expect(usedFractionOf({ ...half, diskGb: 0, diskGbUsed: 0 })).toBe(1);
    expect(
      usedFractionOf({ vcpus: 0, vcpusUsed: 0, memoryMb: 0, memoryMbUsed: 0, diskGb: 0, diskGbUsed: 0, runningVms: 0 }),
    ).toBe(1);
    expect(usedFractionOf({ ...half, vcpusUsed: 150 })).toBe(1.5); // overcommitted vCPUs
    expect(usedFractionOf({ ...half, vcpus: 3, vcpusUsed: 1 })).toBe(0.3333);
  });

  it('refuses negative or missing figures', () => {
    expect(usage.given([]).when(up({ ...half, memoryMbUsed: -1 })).error).toBeInstanceOf(InvalidPodUsageError);
    expect(usage.given([]).when(up({ ...half, diskGb: Number.NaN })).error).toBeInstanceOf(InvalidPodUsageError);
  });

  it('caps a long error message', () => {
    expect(usage.given([]).when(down('x'.repeat(2000))).events?.[0].data.error).toHaveLength(500);
  });
});
