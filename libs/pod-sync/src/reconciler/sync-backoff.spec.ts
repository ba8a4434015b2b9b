import { SyncBackoff } from './sync-backoff';

describe('SyncBackoff', () => {
  const failure = { generation: 2, status: 503, message: 'pod down' };

  it('doubles the wait per failure up to the cap, and forgets on success', () => {
    const backoff = new SyncBackoff({ baseMs: 100, maxMs: 350 });
    expect(backoff.isDue('k', 0)).toBe(true);
    backoff.failed('k', failure, 0);
    expect([backoff.isDue('k', 99), backoff.isDue('k', 100)]).toEqual([false, true]);
    backoff.failed('k', failure, 100);
    expect([backoff.isDue('k', 299), backoff.isDue('k', 300)]).toEqual([false, true]);
    backoff.failed('k', failure, 300);
    expect(backoff.nextDueAt()).toBe(650);
    backoff.failed('k', failure, 650);
    expect(backoff.nextDueAt()).toBe(1000);
    backoff.succeeded('k');
    expect(backoff.isDue('k', 0)).toBe(true);
    expect(backoff.nextDueAt()).toBeUndefined();
  });

  it('forgets the entries of tasks no longer planned, so no past due retry lingers', () => {
    const backoff = new SyncBackoff({ baseMs: 100, maxMs: 1000 });
    backoff.failed('gone', failure, 0);
    backoff.failed('kept', failure, 50);
    backoff.retainOnly(new Set(['kept', 'never-failed']));
    expect(backoff.size).toBe(1);
    expect(backoff.nextDueAt()).toBe(150);
    expect(backoff.isDue('kept', 149)).toBe(false);
  });

  it('keeps resources and pods apart', () => {
    const backoff = new SyncBackoff({ baseMs: 100, maxMs: 1000 });
    backoff.failed('a', failure, 0);
    expect(backoff.isDue('b', 0)).toBe(true);
  });

  it('calls a failure news only when it differs from the last one recorded', () => {
    const backoff = new SyncBackoff({ baseMs: 1, maxMs: 1 });
    expect(backoff.failed('k', failure, 0)).toBe(true);
    expect(backoff.failed('k', failure, 1)).toBe(false);
    expect(backoff.failed('k', { ...failure, status: 409, message: 'name taken' }, 2)).toBe(true);
    expect(backoff.failed('k', { ...failure, status: 409, message: 'name taken', generation: 3 }, 3)).toBe(true);
    backoff.succeeded('k');
    expect(backoff.failed('k', failure, 4)).toBe(true);
  });
});
