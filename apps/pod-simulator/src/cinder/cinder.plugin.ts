// The simulated Cinder v3 API under /volume of a pod's port (a test double of Cinder).
import type { FastifyInstance } from 'fastify';
import { SimLog, installErrorHandling } from '../http/app';
import { keystoneAuthHook } from '../http/keystone-auth';
import { installMicroversionHook } from '../http/microversion-hook';
import { badRequest } from '../http/openstack-error';
import { callerOf } from '../http/request-context';
import { KeystoneState } from '../keystone/keystone-state';
import { PodState } from '../pod/pod-state';
import { CinderContext } from './cinder-context';
import { registerAttachmentRoutes } from './attachments.routes';
import { registerBackupRoutes } from './backups.routes';
import { registerMetadataRoutes } from './metadata.routes';
import { registerCinderMiscRoutes } from './misc.routes';
import { registerSnapshotRoutes } from './snapshots.routes';
import { registerVolumeVersionRoutes } from './versions.routes';
import { registerVolumeActionRoutes } from './volume-actions.routes';
import { registerVolumeTypeRoutes } from './volume-types.routes';
import { registerVolumeRoutes } from './volumes.routes';

const ROUTES: Array<(app: FastifyInstance, ctx: CinderContext) => void> = [
  registerVolumeRoutes,
  registerVolumeActionRoutes,
  registerVolumeTypeRoutes,
  registerSnapshotRoutes,
  registerBackupRoutes,
  registerAttachmentRoutes,
  registerCinderMiscRoutes,
];

export function cinderPlugin(pod: PodState, keystone: KeystoneState, log?: SimLog) {
  return async (cinder: FastifyInstance): Promise<void> => {
    installErrorHandling(cinder, 'cinder', log);
    registerVolumeVersionRoutes(cinder, pod);
    await cinder.register(
      async (v3) => {
        v3.addHook(
          'onRequest',
          keystoneAuthHook(keystone.tokens, () => keystone.url),
        );
        installMicroversionHook(v3, 'volume', pod.config.volume);
        // Cinder rejects a URL whose project id is not the token's project.
        v3.addHook('preHandler', async (request) => {
          const project = (request.params as { project?: string }).project;
          const caller = callerOf(request);
          if (project !== undefined && project !== caller.projectId) {
            throw badRequest(
              `Malformed request URL: URL's project_id '${project}' doesn't match Context's project_id '${caller.projectId}'`,
            );
          }
        });
        const ctx: CinderContext = { pod };
        for (const register of ROUTES) register(v3, ctx);
        registerMetadataRoutes(v3, {
          path: '/volumes/:id',
          noun: 'Volume',
          find: (request) => {
            const caller = callerOf(request);
            return pod.cinder.volume((request.params as { id: string }).id, caller.projectId, caller.isAdmin);
          },
          now: () => pod.now(),
        });
      },
      { prefix: '/v3/:project' },
    );
  };
}
