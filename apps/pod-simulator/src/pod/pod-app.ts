// The Fastify app of one simulated pod: Nova, Cinder, a Neutron stub and a tiny Glance on one
// port, plus the /__sim fault-injection routes. A test double; never part of the gateway.
import type { FastifyInstance } from 'fastify';
import { cinderPlugin } from '../cinder/cinder.plugin';
import { installFaultHook } from '../faults/fault-hook';
import { FaultTarget } from '../faults/fault-target';
import { registerFaultRoutes } from '../faults/faults.routes';
import { glancePlugin } from '../glance/glance.plugin';
import { SimLog, createBaseApp, installErrorHandling } from '../http/app';
import { KeystoneState } from '../keystone/keystone-state';
import { neutronPlugin } from '../neutron/neutron.plugin';
import { novaPlugin } from '../nova/nova.plugin';
import { PodState } from './pod-state';

export async function createPodApp(
  pod: PodState,
  keystone: KeystoneState,
  target: FaultTarget,
  log?: SimLog,
): Promise<FastifyInstance> {
  const app = createBaseApp({ label: pod.config.name, log, headRoutes: false });
  installErrorHandling(app, 'nova', log);
  installFaultHook(app, pod.faults);
  // Delayed transitions are applied before anything reads the state.
  app.addHook('onRequest', async () => pod.settle());
  await app.register(
    async (sim) => {
      installErrorHandling(sim, 'keystone', log);
      registerFaultRoutes(sim, '', () => target);
    },
    { prefix: '/__sim' },
  );
  await app.register(novaPlugin(pod, keystone, log), { prefix: '/compute' });
  await app.register(cinderPlugin(pod, keystone, log), { prefix: '/volume' });
  await app.register(neutronPlugin(pod, keystone, log), { prefix: '/network' });
  await app.register(glancePlugin(pod, keystone, log), { prefix: '/image' });
  app.get('/', async () => ({
    simulator: 'podgate pod simulator (a test double, not OpenStack)',
    pod: pod.config.name,
    region: pod.config.region,
    services: { compute: '/compute/v2.1', volumev3: '/volume/v3/{project_id}', network: '/network', image: '/image' },
  }));
  return app;
}
