import type { FlavorViewer } from '@podgate/flavors';
import type { RequestContext } from '@podgate/kernel';

/** Nova's `context.is_admin` (policy context_is_admin = role:admin) decides which flavors a caller sees. */
export const flavorViewerOf = (context: RequestContext): FlavorViewer => ({
  projectId: context.caller.projectId,
  isAdmin: context.caller.roles.includes('admin'),
});
