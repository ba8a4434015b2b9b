// Power and lock actions of the simulated Nova: os-stop, os-start, pause, unpause, suspend,
// resume, reboot, lock, unlock, trigger_crash_dump.
import { isObject } from '../http/body';
import { atLeast } from '../http/microversion';
import { badRequest, forbidden } from '../http/openstack-error';
import { recordInstanceAction } from './instance-action-log';
import { ActionContext, ActionHandler, ActionResult, accepted, noSuchAction } from './server-action.types';
import { ServerAction, checkServerAction } from './server-state-machine';
import { startServerTask } from './server-tasks';

const simple =
  (action: ServerAction, actionName: string): ActionHandler =>
  (ctx) => {
    checkServerAction(ctx.server, action, ctx.caller.isAdmin);
    startServerTask(ctx.pod, ctx.server, action, ctx.caller, ctx.request.id, { actionName });
    return accepted;
  };

function reboot(ctx: ActionContext): ActionResult {
  const type = isObject(ctx.args) && typeof ctx.args.type === 'string' ? ctx.args.type.toUpperCase() : undefined;
  if (type !== 'SOFT' && type !== 'HARD') {
    throw badRequest(
      `Invalid input for field/attribute type. Value: ${JSON.stringify(isObject(ctx.args) ? ctx.args.type : ctx.args)}. is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']`,
    );
  }
  const action = type === 'SOFT' ? 'rebootSoft' : 'rebootHard';
  checkServerAction(ctx.server, action, ctx.caller.isAdmin);
  startServerTask(ctx.pod, ctx.server, action, ctx.caller, ctx.request.id, { actionName: 'reboot' });
  return accepted;
}

function lock(ctx: ActionContext): ActionResult {
  const reason = isObject(ctx.args) && typeof ctx.args.locked_reason === 'string' ? ctx.args.locked_reason : null;
  if (reason !== null && !atLeast(ctx.version, '2.73'))
    throw badRequest("Additional properties are not allowed ('locked_reason' was unexpected)");
  const server = ctx.server;
  server.locked = true;
  server.lockedReason = reason;
  // Nova remembers whether the owner or an admin of another project locked it.
  server.lockedByAdmin = ctx.caller.isAdmin && ctx.caller.projectId !== server.projectId;
  server.updatedAt = ctx.pod.now();
  recordInstanceAction(ctx.pod, server, 'lock', ctx.caller, ctx.request.id, 0);
  return accepted;
}

function unlock(ctx: ActionContext): ActionResult {
  const server = ctx.server;
  if (server.lockedByAdmin && !ctx.caller.isAdmin) {
    throw forbidden("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");
  }
  server.locked = false;
  server.lockedReason = null;
  server.lockedByAdmin = false;
  server.updatedAt = ctx.pod.now();
  recordInstanceAction(ctx.pod, server, 'unlock', ctx.caller, ctx.request.id, 0);
  return accepted;
}

function triggerCrashDump(ctx: ActionContext): ActionResult {
  if (!atLeast(ctx.version, '2.17')) throw noSuchAction('trigger_crash_dump');
  checkServerAction(ctx.server, 'triggerCrashDump', ctx.caller.isAdmin);
  recordInstanceAction(ctx.pod, ctx.server, 'trigger_crash_dump', ctx.caller, ctx.request.id, 0);
  return accepted;
}

export const POWER_ACTIONS: Record<string, ActionHandler> = {
  'os-stop': simple('stop', 'stop'),
  'os-start': simple('start', 'start'),
  pause: simple('pause', 'pause'),
  unpause: simple('unpause', 'unpause'),
  suspend: simple('suspend', 'suspend'),
  resume: simple('resume', 'resume'),
  reboot,
  lock,
  unlock,
  trigger_crash_dump: triggerCrashDump,
};
