import type { BindingsTestBed } from './bindings-test-bed';
import { ignoringExpectedRevision, raceSelectPod } from './select-pod-race';

const CALLS = 50;

/**
 * The acceptance test: 50 concurrent first requests of one tenant in one AZ record one
 * binding. Run on PGlite in `npm test` and on a PostgreSQL server in the system tier; `label` names
 * the tenant and AZ of the race.
 */
export function selectPodRaceSuite(
  backend: string,
  label: string,
  open: () => Promise<BindingsTestBed>,
  close: (bed: BindingsTestBed) => Promise<void> = (bed) => bed.close(),
): void {
  describe(`SelectPod under ${CALLS} concurrent first requests (${backend})`, () => {
    let bed: BindingsTestBed;

    beforeAll(async () => (bed = await open()));
    afterAll(() => close(bed));

    it('records exactly one binding, and every answer names the same pod and binding', async () => {
      const { answers, recorded, elapsedMs } = await raceSelectPod(bed, label, CALLS);
      // eslint-disable-next-line no-console -- spec code (run by the specs that call this suite): the race's timing
      console.log(`${CALLS} concurrent SelectPod calls on ${backend}: ${elapsedMs.toFixed(0)} ms`);
      expect(recorded).toEqual(['TenantBoundToPod']);
      expect(new Set(answers.map((a) => a.pod.podId)).size).toBe(1);
      expect(new Set(answers.map((a) => a.binding.bindingId)).size).toBe(1);
      expect(answers.filter((a) => a.created)).toHaveLength(1);
      await bed.caughtUp();
      const { rows } = await bed.sql.query(`SELECT 1 FROM rm_bindings WHERE project_id = $1`, [`tenant-${label}`]);
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
}
