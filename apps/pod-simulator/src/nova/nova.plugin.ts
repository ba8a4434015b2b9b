// The simulated Nova v2.1 API under /compute of a pod's port (a test double of Nova).
import type { FastifyInstance } from 'fastify';
import { SimLog, installErrorHandling } from '../http/app';
import { keystoneAuthHook } from '../http/keystone-auth';
import { installMicroversionHook } from '../http/microversion-hook';
import { KeystoneState } from '../keystone/keystone-state';
import { PodState } from '../pod/pod-state';
import { registerAvailabilityZoneRoutes } from './availability-zones.routes';
import { registerExternalEventRoutes } from './external-events.routes';
import { registerFlavorExtraRoutes } from './flavor-extras.routes';
import { registerFlavorRoutes } from './flavors.routes';
import { registerHypervisorRoutes } from './hypervisors.routes';
import { registerInstanceActionRoutes } from './instance-actions.routes';
import { registerKeypairRoutes } from './keypairs.routes';
import { registerLimitRoutes } from './limits.routes';
import { NovaContext } from './nova-context';
import { registerServerActionRoutes } from './server-actions.routes';
import { registerServerMetadataRoutes } from './server-metadata.routes';
import { registerServerTagRoutes } from './server-tags.routes';
import { registerServerRoutes } from './servers.routes';
import { registerServiceRoutes } from './services.routes';
import { registerComputeVersionRoutes } from './versions.routes';
import { registerVolumeAttachmentRoutes } from './volume-attachments.routes';

const ROUTES: Array<(app: FastifyInstance, ctx: NovaContext) => void> = [
  registerServerRoutes,
  registerServerActionRoutes,
  registerServerMetadataRoutes,
  registerServerTagRoutes,
  registerVolumeAttachmentRoutes,
  registerInstanceActionRoutes,
  registerFlavorRoutes,
  registerFlavorExtraRoutes,
  registerAvailabilityZoneRoutes,
  registerServiceRoutes,
  registerHypervisorRoutes,
  registerLimitRoutes,
  registerKeypairRoutes,
  registerExternalEventRoutes,
];

export function novaPlugin(pod: PodState, keystone: KeystoneState, log?: SimLog) {
  return async (nova: FastifyInstance): Promise<void> => {
    installErrorHandling(nova, 'nova', log);
    nova.addHook('onRequest', async (request, reply) => {
      reply.header('x-compute-request-id', request.id);
    });
    registerComputeVersionRoutes(nova, pod);
    await nova.register(
      async (v21) => {
        // Order matters as in Nova's paste pipeline: authentication (401) before versions (406).
        v21.addHook(
          'onRequest',
          keystoneAuthHook(keystone.tokens, () => keystone.url),
        );
        installMicroversionHook(v21, 'compute', pod.config.compute);
        const ctx: NovaContext = { pod };
        for (const register of ROUTES) register(v21, ctx);
      },
      { prefix: '/v2.1' },
    );
  };
}
