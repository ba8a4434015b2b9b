import { Transitions } from './transitions';

describe('Transitions (lazy, clock-driven state changes)', () => {
  it('applies nothing before the due time and everything due, earliest first', () => {
    const t = new Transitions();
    const applied: string[] = [];
    t.schedule('b', 200, () => applied.push('b'));
    t.schedule('a', 100, () => applied.push('a'));
    t.settle(99);
    expect(applied).toEqual([]);
    t.settle(250);
    expect(applied).toEqual(['a', 'b']);
    expect(t.has('a')).toBe(false);
  });

  it('keeps one pending change per key: rescheduling replaces', () => {
    const t = new Transitions();
    const applied: string[] = [];
    t.schedule('server:1', 100, () => applied.push('stop'));
    t.schedule('server:1', 300, () => applied.push('delete'));
    t.settle(1000);
    expect(applied).toEqual(['delete']);
  });

  it('lets a change chain the next one from its own due time', () => {
    const t = new Transitions();
    const applied: Array<[string, number]> = [];
    t.schedule('s', 100, (at) => {
      applied.push(['shelved', at]);
      t.schedule('s', at + 100, (next) => applied.push(['offloaded', next]));
    });
    t.settle(150);
    expect(applied).toEqual([['shelved', 100]]);
    t.settle(200);
    expect(applied).toEqual([
      ['shelved', 100],
      ['offloaded', 200],
    ]);
  });

  it('forgets cancelled changes', () => {
    const t = new Transitions();
    let ran = false;
    t.schedule('x', 1, () => (ran = true));
    t.cancel('x');
    t.settle(10);
    expect(ran).toBe(false);
  });
});
