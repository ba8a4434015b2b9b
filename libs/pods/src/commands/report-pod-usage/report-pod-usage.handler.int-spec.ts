import { fixedClock } from '@podgate/kernel';
import { systemContext } from '@podgate/kernel';
import type { PodUsage } from '../../domain/pod-usage.events';
import { PodNotFoundError } from '../../domain/pod.errors';
import { podIdFor } from '../../domain/pod.stream';
import { findPod } from '../../queries/pods/find-pod.query';
import { adminContext, openPodsTestBed, type PodsTestBed } from '../../testing/pods-test-bed';
import { RegisterPodCommand } from '../register-pod/register-pod.command';
import { RegisterPodHandler } from '../register-pod/register-pod.handler';
import { DeregisterPodCommand } from '../deregister-pod/deregister-pod.command';
import { DeregisterPodHandler } from '../deregister-pod/deregister-pod.handler';
import { ReportPodUsageCommand } from './report-pod-usage.command';
import { ReportPodUsageHandler } from './report-pod-usage.handler';

const usage: PodUsage = {
  vcpus: 32,
  vcpusUsed: 8,
  memoryMb: 65536,
  memoryMbUsed: 32768,
  diskGb: 1000,
  diskGbUsed: 100,
  runningVms: 4,
};

describe('ReportPodUsage (PGlite)', () => {
  let bed: PodsTestBed;
  let report: ReportPodUsageHandler;
  const podId = podIdFor('Pod1');
  const usageEvents = async () => (await bed.store.readStream(`podUsage-${podId}`)).map((e) => e.data);

  beforeAll(async () => {
    bed = await openPodsTestBed();
    await new RegisterPodHandler(bed.writer()).execute(new RegisterPodCommand({ name: 'Pod1', azName: 'az1' }, adminContext()));
    report = new ReportPodUsageHandler(bed.writer({ clock: fixedClock('2026-03-01T12:00:00.000Z') }));
  });
  afterAll(() => bed.close());

  it('records the first report and shows it on the pod', async () => {
    const view = await report.execute(new ReportPodUsageCommand({ podId, reachable: true, usage }, systemContext()));
    expect(view.usage).toEqual({
      ...usage,
      usedFraction: 0.5,
      reachable: true,
      reportedAt: new Date('2026-03-01T12:00:00.000Z'),
      error: null,
    });
    expect(await findPod(bed.sql, podId)).toEqual(view);
    expect(await usageEvents()).toHaveLength(1);
  });

  it('records nothing when the usage did not meaningfully change', async () => {
    const view = await report.execute(
      new ReportPodUsageCommand({ podId, reachable: true, usage: { ...usage, runningVms: 5 } }, systemContext()),
    );
    expect(await usageEvents()).toHaveLength(1);
    expect(view.usage).toMatchObject({ runningVms: 4, usedFraction: 0.5 });
  });

  it('records the pod going unreachable once, keeping the last known figures', async () => {
    await report.execute(
      new ReportPodUsageCommand({ podId, reachable: false, error: 'connect ECONNREFUSED 127.0.0.1:9' }, systemContext()),
    );
    const view = await report.execute(new ReportPodUsageCommand({ podId, reachable: false, error: 'timeout' }, systemContext()));
    expect(await usageEvents()).toEqual([
      expect.objectContaining({ reachable: true }),
      {
        podId,
        reachable: false,
        usage: null,
        usedFraction: null,
        reportedAt: '2026-03-01T12:00:00.000Z',
        error: 'connect ECONNREFUSED 127.0.0.1:9',
      },
    ]);
    expect(view.usage).toMatchObject({
      ...usage,
      usedFraction: 0.5,
      reachable: false,
      error: 'connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('refuses reports for pods that are not registered', async () => {
    const ghost = report.execute(
      new ReportPodUsageCommand({ podId: podIdFor('ghost'), reachable: true, usage }, systemContext()),
    );
    await expect(ghost).rejects.toBeInstanceOf(PodNotFoundError);
    const gone = await new RegisterPodHandler(bed.writer()).execute(
      new RegisterPodCommand({ name: 'Gone', azName: 'az1' }, adminContext()),
    );
    const counter = { activeBindings: async () => 0, routedResources: async () => 0 };
    await new DeregisterPodHandler(bed.writer(), counter).execute(
      new DeregisterPodCommand({ podId: gone.podId }, adminContext()),
    );
    await expect(
      report.execute(new ReportPodUsageCommand({ podId: gone.podId, reachable: true, usage }, systemContext())),
    ).rejects.toBeInstanceOf(PodNotFoundError);
  });
});
