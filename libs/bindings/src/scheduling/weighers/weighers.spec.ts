import { schedulablePod as pod, usage } from '../testing/schedulable-pod.fixture';
import { fewerBindingsWeights } from './fewer-bindings.weigher';
import { freeCapacityWeights } from './free-capacity.weigher';

describe('pod weighers', () => {
  it('free capacity is one minus the used share, and a pod without a report counts as empty', () => {
    expect(freeCapacityWeights([pod('a', { usage: usage(0.25) }), pod('b', { usage: usage(null) }), pod('c')])).toEqual([
      0.75, 1, 1,
    ]);
  });

  it('fewer bindings is normalised to 0..1 across the candidates, fewest first', () => {
    expect(fewerBindingsWeights([0, 5, 10])).toEqual([1, 0.5, 0]);
    expect(fewerBindingsWeights([100, 102])).toEqual([1, 0]);
    expect(fewerBindingsWeights([3, 3])).toEqual([0, 0]);
    expect(fewerBindingsWeights([7])).toEqual([0]);
  });
});
