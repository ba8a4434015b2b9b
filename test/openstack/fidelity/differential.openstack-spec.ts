import { startSimulator, type SimulatorHandle } from '../../../apps/pod-simulator/src/simulator';
import { type CloudCredentials, connect } from './cloud-target';
import { computeScenario, type Observation } from './compute-scenario';
import { SHAPE_RULES } from './known-differences';
import { shapeDifferences, shapeOf } from './shape';
import { loadTempestSchemas, tempestProblems } from './tempest-schemas';
import { volumeScenario } from './volume-scenario';

/** The real pod: Pod1 of test/openstack-lab (started by `npm run test:openstack`). */
const realPod: CloudCredentials = {
  label: 'real Pod1',
  authUrl: process.env.PODGATE_LAB_AUTH_URL ?? 'http://127.0.0.1:5000/v3',
  username: 'admin',
  password: process.env.PODGATE_LAB_ADMIN_PASS ?? 'lab-admin-secret', // test/openstack-lab's lab-only default
  projectName: 'admin',
  region: 'Pod1',
};

/**
 * The differential fidelity test: one scenario of requests against a simulated pod and a real
 * one; statuses must be equal, bodies of the same shape (keys and types), and both must satisfy
 * Tempest's response schemas. It keeps the simulator honest.
 */
describe('the pod simulator answers like a real OpenStack pod', () => {
  let simulator: SimulatorHandle;
  const runs: Record<'real' | 'simulated', Observation[]> = { real: [], simulated: [] };

  beforeAll(async () => {
    simulator = await startSimulator({ pods: 1, basePort: 0, delays: { buildMs: 200, actionMs: 100, volumeMs: 100 } });
    const simulated: CloudCredentials = {
      ...realPod,
      label: 'simulated Pod1',
      authUrl: simulator.authUrl,
      password: 'admin-secret',
    };
    for (const [key, credentials] of [
      ['real', realPod],
      ['simulated', simulated],
    ] as const) {
      const target = await connect(credentials);
      runs[key] = [...(await computeScenario(target)), ...(target.endpoints.volume ? await volumeScenario(target) : [])];
    }
  }, 600_000);
  afterAll(() => simulator?.stop());

  it('asks both the same questions', () => {
    expect(runs.simulated.map((o) => o.step)).toEqual(runs.real.map((o) => o.step));
  });

  it('answers every step with the real status', () => {
    const statuses = (run: Observation[]) => run.map((o) => `${o.step}: ${o.status}`);
    expect(statuses(runs.simulated)).toEqual(statuses(runs.real));
  });

  it('answers every step with the real shape', () => {
    const differences = runs.real.flatMap((real, i) =>
      shapeDifferences(shapeOf(real.body), shapeOf(runs.simulated[i]?.body), SHAPE_RULES).map((d) => `${real.step}: ${d}`),
    );
    expect(differences).toEqual([]);
  });

  it.each(['real', 'simulated'] as const)('satisfies Tempest response schemas (%s pod)', (key) => {
    const names = [...new Set(runs[key].flatMap((o) => (o.tempest ? [o.tempest] : [])))];
    const schemas = loadTempestSchemas(names);
    const problems = runs[key].flatMap((o) =>
      o.tempest ? tempestProblems(schemas[o.tempest], o.status, o.body).map((p) => `${o.step}: ${p}`) : [],
    );
    expect(problems).toEqual([]);
  });
});
