import { type BindingsTestBed, openBindingsTestBed } from '../../testing/bindings-test-bed';
import { ignoringExpectedRevision, raceSelectPod } from '../../testing/select-pod-race';

const CALLS = 50;

describe('SelectPod under 50 concurrent first requests (PGlite)', () => {
  let bed: BindingsTestBed;

  beforeAll(async () => (bed = await openBindingsTestBed()));
  afterAll(() => bed.close());

  it('records exactly one binding, and every answer names the same pod and binding', async () => {
    const { answers, recorded, elapsedMs } = await raceSelectPod(bed, 'pglite', CALLS);
    console.log(`50 concurrent SelectPod calls on PGlite: ${elapsedMs.toFixed(0)} ms`);
    expect(recorded).toEqual(['TenantBoundToPod']);
    expect(new Set(answers.map((a) => a.pod.podId)).size).toBe(1);
    expect(new Set(answers.map((a) => a.binding.bindingId)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    await bed.caughtUp();
    const { rows } = await bed.sql.query(`SELECT 1 FROM rm_bindings WHERE project_id = 'tenant-pglite'`);
    expect(rows).toHaveLength(1);
  });

  it('would bind many times over without the expected revision: the race above can fail', async () => {
    const resume = await bed.pauseBindingsProjection();
    try {
      const { recorded } = await raceSelectPod(bed, 'unguarded', CALLS, ignoringExpectedRevision(bed.store));
      expect(recorded.filter((type) => type === 'TenantBoundToPod').length).toBeGreaterThan(1);
    } finally {
      resume();
    }
  });
});
