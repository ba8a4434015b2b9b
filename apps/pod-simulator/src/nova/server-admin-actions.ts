// Admin and miscellaneous actions of the simulated Nova: migrate, os-migrateLive, evacuate,
// forceDelete, os-resetState, changePassword, add/removeSecurityGroup, os-getConsoleOutput.
import { Json, isObject, optionalInt, requiredString } from '../http/body';
import { atLeast } from '../http/microversion';
import { badRequest, conflict, notFound } from '../http/openstack-error';
import { newAdminPass } from '../ids';
import { recordInstanceAction } from './instance-action-log';
import { ActionContext, ActionHandler, ActionResult, accepted, requireAdmin } from './server-action.types';
import { checkServerAction } from './server-state-machine';
import { startDelete, startServerTask, taskKey } from './server-tasks';

const argsOf = (ctx: ActionContext): Json => (isObject(ctx.args) ? ctx.args : {});
const noValidHost = (what: string) => badRequest(`No valid host was found. No valid host found for ${what}`);

function requestedHost(ctx: ActionContext, host: unknown): string | undefined {
  if (host === undefined || host === null) return undefined;
  if (typeof host !== 'string' || !ctx.pod.nova.hosts.some((h) => h.name === host))
    throw badRequest(`Compute host ${String(host)} could not be found.`);
  return host;
}

function migrate(ctx: ActionContext): ActionResult {
  requireAdmin(ctx, 'os_compute_api:os-migrate-server:migrate');
  const { server, pod } = ctx;
  const only = atLeast(ctx.version, '2.56') ? requestedHost(ctx, argsOf(ctx).host) : undefined;
  checkServerAction(server, 'migrate', true);
  const target = pod.scheduler.pickHost(server.flavor, server.imageId === null, { exclude: server.host, only });
  if (!target) throw noValidHost('cold migrate');
  const before = { flavor: server.flavor, host: server.host, vmState: server.vmState, powerState: server.powerState };
  startServerTask(pod, server, 'migrate', ctx.caller, ctx.request.id, {
    complete: (s) => {
      s.resizeFrom = before;
      s.host = target.name;
    },
  });
  return accepted;
}

function liveMigrate(ctx: ActionContext): ActionResult {
  requireAdmin(ctx, 'os_compute_api:os-migrate-server:migrate_live');
  const { server, pod } = ctx;
  const only = requestedHost(ctx, argsOf(ctx).host);
  checkServerAction(server, 'liveMigrate', true);
  const target = pod.scheduler.pickHost(server.flavor, server.imageId === null, { exclude: server.host, only });
  // Since 2.34 scheduling failures are asynchronous: the server simply stays where it was.
  if (!target && !atLeast(ctx.version, '2.34')) throw noValidHost('live migration');
  startServerTask(pod, server, 'liveMigrate', ctx.caller, ctx.request.id, {
    actionName: 'live-migration',
    complete: (s) => {
      if (target) s.host = target.name;
    },
  });
  return accepted;
}

function evacuate(ctx: ActionContext): ActionResult {
  requireAdmin(ctx, 'os_compute_api:os-evacuate');
  const { server, pod } = ctx;
  const only = requestedHost(ctx, argsOf(ctx).host);
  const source = server.host ? pod.nova.computeService(server.host) : undefined;
  if (source && !source.forcedDown) throw badRequest(`Compute service of ${server.host} is still in use.`);
  checkServerAction(server, 'evacuate', true);
  const target = pod.scheduler.pickHost(server.flavor, server.imageId === null, { exclude: server.host, only });
  if (!target) throw noValidHost('evacuate');
  startServerTask(pod, server, 'evacuate', ctx.caller, ctx.request.id, { complete: (s) => (s.host = target.name) });
  if (atLeast(ctx.version, '2.14')) return { status: 200 };
  return { status: 200, body: { adminPass: typeof argsOf(ctx).adminPass === 'string' ? argsOf(ctx).adminPass : newAdminPass() } };
}

function forceDelete(ctx: ActionContext): ActionResult {
  checkServerAction(ctx.server, 'delete', ctx.caller.isAdmin);
  startDelete(ctx.pod, ctx.server, ctx.caller, ctx.request.id, 'forceDelete');
  return accepted;
}

function resetState(ctx: ActionContext): ActionResult {
  requireAdmin(ctx, 'os_compute_api:os-admin-actions:reset_state');
  const state = argsOf(ctx).state;
  if (state !== 'active' && state !== 'error') {
    throw badRequest(
      `Invalid input for field/attribute state. Value: ${JSON.stringify(state)}. ${JSON.stringify(state)} is not one of ['active', 'error']`,
    );
  }
  const { server, pod } = ctx;
  pod.transitions.cancel(taskKey(server.id));
  server.vmState = state;
  server.taskState = null;
  server.updatedAt = pod.now();
  recordInstanceAction(pod, server, 'resetState', ctx.caller, ctx.request.id, 0);
  return accepted;
}

function changePassword(ctx: ActionContext): ActionResult {
  requiredString(argsOf(ctx), 'adminPass');
  checkServerAction(ctx.server, 'changePassword', ctx.caller.isAdmin);
  startServerTask(ctx.pod, ctx.server, 'changePassword', ctx.caller, ctx.request.id);
  return accepted;
}

function addSecurityGroup(ctx: ActionContext): ActionResult {
  const name = requiredString(argsOf(ctx), 'name');
  const { server, pod } = ctx;
  const group = pod.network.findSecurityGroup(server.projectId, name, pod.now());
  if (!group) throw notFound(`Security group ${name} not found for project ${server.projectId}.`);
  if (server.securityGroups.includes(group.name))
    throw badRequest(`Security group ${group.name} is already associated with the instance ${server.id}`);
  server.securityGroups.push(group.name);
  return accepted;
}

function removeSecurityGroup(ctx: ActionContext): ActionResult {
  const name = requiredString(argsOf(ctx), 'name');
  const { server } = ctx;
  if (!server.securityGroups.includes(name))
    throw badRequest(`Security group ${name} not associated with the instance ${server.id}`);
  server.securityGroups = server.securityGroups.filter((g) => g !== name);
  return accepted;
}

function consoleOutput(ctx: ActionContext): ActionResult {
  const { server, pod } = ctx;
  if (!server.host || server.vmState === 'building') throw conflict(`Instance ${server.id} is not ready`);
  const length = optionalInt(argsOf(ctx), 'length', -1);
  const lines = [
    `[    0.000000] Linux version 5.15.0 (pod simulator fake console of ${server.name})`,
    '[    0.000000] Command line: console=ttyS0',
    `[    1.000000] Booting on ${server.host} in ${pod.config.region}`,
    "login as 'cirros' user. default password: 'gocubsgo'. use 'sudo' for root.",
    `${server.hostname} login: `,
  ];
  const shown = length === undefined || length < 0 ? lines : lines.slice(Math.max(0, lines.length - length));
  return { status: 200, body: { output: shown.join('\n') } };
}

export const ADMIN_ACTIONS: Record<string, ActionHandler> = {
  migrate,
  'os-migrateLive': liveMigrate,
  evacuate,
  forceDelete,
  'os-resetState': resetState,
  changePassword,
  addSecurityGroup,
  removeSecurityGroup,
  'os-getConsoleOutput': consoleOutput,
};
