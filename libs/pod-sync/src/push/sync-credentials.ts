import type { KeystoneClient } from '@podgate/openstack';

/** podgate's own service session: pods are changed with podgate's admin rights, never a user's. */
export interface PodSyncCredentials {
  /** SECURITY: the token is sent to pods only; never logged, never recorded. */
  session(): Promise<{ readonly token: string; readonly projectId: string }>;
}

/**
 * The service token of the app's one KeystoneClient, and its project (to fill `%(project_id)s`
 * in pod endpoints): Keystone's answer on the token itself, which the client caches.
 */
export function keystoneSyncCredentials(keystone: Pick<KeystoneClient, 'serviceToken' | 'validateToken'>): PodSyncCredentials {
  return {
    async session() {
      const token = await keystone.serviceToken();
      const { projectId } = await keystone.validateToken(token);
      return { token, projectId };
    },
  };
}
