import type { Clock, RequestContext } from '@podgate/kernel';

/** A tenant's request (SelectPod is caused by the tenant's create call). */
export const tenantContext = (
  projectId: string,
  userId = `${projectId}-user`,
  requestId = `req-${crypto.randomUUID()}`,
): RequestContext => ({
  requestId,
  caller: { userId, projectId, roles: ['member'], userName: userId, projectName: projectId, domainId: 'default' },
});

export const adminContext = (requestId = `req-${crypto.randomUUID()}`): RequestContext => ({
  requestId,
  caller: {
    userId: 'admin-user',
    projectId: 'admin',
    roles: ['admin'],
    userName: 'admin',
    projectName: 'admin',
    domainId: 'default',
  },
});

/** Each now() is `stepMs` after the previous one; `instants` records what it handed out. */
export function steppingClock(startIso: string, stepMs: number): Clock & { readonly instants: string[] } {
  const instants: string[] = [];
  let next = new Date(startIso).getTime();
  return {
    instants,
    now: () => {
      const now = new Date(next);
      next += stepMs;
      instants.push(now.toISOString());
      return now;
    },
  };
}
