import { listedPods } from './listed-pods';

describe('listedPods', () => {
  it('gives pods registered in one commit distinct indexes, ordered by pod id', () => {
    const pods = listedPods([
      { podId: 'p-b', name: 'B', registrationSeq: 7n },
      { podId: 'p-a', name: 'A', registrationSeq: 7n },
      { podId: 'p-0', name: 'Z', registrationSeq: 3n },
    ]);
    expect(pods).toEqual([
      { podId: 'p-0', name: 'Z', index: 0 },
      { podId: 'p-a', name: 'A', index: 1 },
      { podId: 'p-b', name: 'B', index: 2 },
    ]);
  });

  it('orders sequences beyond 2^53 exactly', () => {
    const big = 2n ** 60n;
    expect(
      listedPods([
        { podId: 'x', name: 'X', registrationSeq: big + 1n },
        { podId: 'y', name: 'Y', registrationSeq: big },
      ]).map((p) => p.podId),
    ).toEqual(['y', 'x']);
  });
});
