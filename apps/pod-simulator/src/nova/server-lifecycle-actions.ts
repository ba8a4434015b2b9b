// Resize, shelve, rebuild, snapshot and rescue actions of the simulated Nova.
import { Json, envelope, isObject, optionalNullableString, optionalString, stringMap } from '../http/body';
import { hostUrl } from '../http/links';
import { atLeast } from '../http/microversion';
import { badRequest } from '../http/openstack-error';
import { newAdminPass } from '../ids';
import { snapshotFlavor } from './flavor-store';
import { PowerState } from './server.model';
import { ActionContext, ActionHandler, ActionResult, accepted } from './server-action.types';
import { checkComputeQuota } from './server-create-checks';
import { ACTION_RULES, checkServerAction } from './server-state-machine';
import { startServerTask, taskKey } from './server-tasks';
import { renderServerAfterChange } from './server-views';

const lastSegment = (ref: string): string => ref.replace(/\/+$/, '').split('/').pop() ?? ref;
const argsOf = (ctx: ActionContext, name: string): Json => envelope({ [name]: ctx.args }, name);

function resize(ctx: ActionContext): ActionResult {
  const args = argsOf(ctx, 'resize');
  const { server, pod, caller } = ctx;
  const flavorRef = args.flavorRef;
  if (flavorRef === undefined)
    throw badRequest("Invalid input for field/attribute resize. Value: {}. 'flavorRef' is a required property");
  const target = pod.nova.flavors.find(lastSegment(String(flavorRef)));
  if (!target || !(caller.isAdmin || target.isPublic || target.access.has(caller.projectId)))
    throw badRequest(`Unable to find flavor ${String(flavorRef)}`);
  if (target.id === server.flavor.id) throw badRequest('When resizing, instances must change flavor!');
  checkServerAction(server, 'resize', caller.isAdmin);
  const flavor = snapshotFlavor(target);
  checkComputeQuota(pod, server.projectId, {
    instances: 0,
    cores: flavor.vcpus - server.flavor.vcpus,
    ram: flavor.ram - server.flavor.ram,
  });
  const before = { flavor: server.flavor, host: server.host, vmState: server.vmState, powerState: server.powerState };
  const host = pod.scheduler.pickHost(flavor, server.imageId === null);
  startServerTask(pod, server, 'resize', caller, ctx.request.id, {
    complete: (s) => {
      if (!host) {
        // NoValidHost is asynchronous in Nova: the server just stays as it was.
        s.vmState = before.vmState;
        s.powerState = before.powerState;
        return;
      }
      s.resizeFrom = before;
      s.flavor = flavor;
      s.host = host.name;
    },
  });
  return accepted;
}

function confirmResize(ctx: ActionContext): ActionResult {
  const { server, pod } = ctx;
  const rule = checkServerAction(server, 'confirmResize', ctx.caller.isAdmin);
  const end = rule.final?.(server);
  if (end) Object.assign(server, end);
  server.resizeFrom = undefined;
  server.taskState = null;
  server.updatedAt = pod.now();
  pod.transitions.cancel(taskKey(server.id));
  return { status: 204 };
}

function revertResize(ctx: ActionContext): ActionResult {
  checkServerAction(ctx.server, 'revertResize', ctx.caller.isAdmin);
  startServerTask(ctx.pod, ctx.server, 'revertResize', ctx.caller, ctx.request.id, {
    complete: (s) => {
      if (s.resizeFrom) {
        s.flavor = s.resizeFrom.flavor;
        s.host = s.resizeFrom.host;
      }
      s.resizeFrom = undefined;
    },
  });
  return accepted;
}

function shelve(ctx: ActionContext): ActionResult {
  const { pod } = ctx;
  checkServerAction(ctx.server, 'shelve', ctx.caller.isAdmin);
  startServerTask(pod, ctx.server, 'shelve', ctx.caller, ctx.request.id, {
    complete: (s, at) => {
      if (!pod.config.shelveOffloadImmediately) return;
      // shelved_offload_time = 0: Nova offloads in the same operation.
      s.taskState = ACTION_RULES.shelveOffload.taskState;
      pod.later(taskKey(s.id), pod.config.delays.actionMs, (done) => offloaded(s, done), at);
    },
  });
  return accepted;
}

function offloaded(s: ActionContext['server'], at: number): void {
  s.vmState = 'shelved_offloaded';
  s.powerState = PowerState.SHUTDOWN;
  s.taskState = null;
  s.host = null;
  s.updatedAt = at;
}

function shelveOffload(ctx: ActionContext): ActionResult {
  checkServerAction(ctx.server, 'shelveOffload', ctx.caller.isAdmin);
  startServerTask(ctx.pod, ctx.server, 'shelveOffload', ctx.caller, ctx.request.id, {
    actionName: 'shelveOffload',
    complete: (s) => (s.host = null),
  });
  return accepted;
}

function unshelve(ctx: ActionContext): ActionResult {
  const { server, pod } = ctx;
  const args = isObject(ctx.args) ? ctx.args : {};
  if (args.availability_zone !== undefined && args.availability_zone !== null && args.availability_zone !== pod.config.az) {
    throw badRequest('The requested availability zone is not available');
  }
  checkServerAction(server, 'unshelve', ctx.caller.isAdmin);
  // Nova keeps the pin in the request spec: an AZ given at unshelve (2.77+) pins the server to it,
  // null (2.91+) unpins it; no key leaves it (compute/api.py unshelve, expected_az_after_unshelve).
  if (Object.hasOwn(args, 'availability_zone')) server.pinnedAz = (args.availability_zone as string | null) ?? null;
  const host = server.host
    ? undefined
    : pod.scheduler.pickHost(server.flavor, server.imageId === null, {
        only: typeof args.host === 'string' ? args.host : undefined,
      });
  startServerTask(pod, server, 'unshelve', ctx.caller, ctx.request.id, {
    complete: (s) => {
      if (s.host) return;
      if (host) s.host = host.name;
      else offloaded(s, s.updatedAt);
    },
  });
  return accepted;
}

function rebuild(ctx: ActionContext): ActionResult {
  const args = argsOf(ctx, 'rebuild');
  const { server, pod, caller } = ctx;
  const imageRef = optionalString(args, 'imageRef', 2048);
  if (!imageRef) throw badRequest("Invalid input for field/attribute rebuild. Value: {}. 'imageRef' is a required property");
  const image = pod.images.find(lastSegment(imageRef), caller.projectId, caller.isAdmin);
  if (!image) throw badRequest(`Image ${imageRef} could not be found.`);
  checkServerAction(server, 'rebuild', caller.isAdmin);
  const name = optionalString(args, 'name');
  if (name !== undefined) server.name = name;
  if (args.metadata !== undefined) server.metadata = stringMap(args.metadata, 'metadata');
  if (args.description !== undefined && atLeast(ctx.version, '2.19'))
    server.description = optionalNullableString(args, 'description') ?? null;
  server.imageId = image.id;
  const adminPass = optionalString(args, 'adminPass') ?? newAdminPass();
  startServerTask(pod, server, 'rebuild', caller, ctx.request.id);
  const view = renderServerAfterChange(server, { request: ctx.request, version: ctx.version, isAdmin: caller.isAdmin, pod });
  return { status: 202, body: { server: { ...view, adminPass } } };
}

function createImage(ctx: ActionContext): ActionResult {
  const args = argsOf(ctx, 'createImage');
  const { server, pod, caller } = ctx;
  const name = optionalString(args, 'name');
  if (!name) throw badRequest("Invalid input for field/attribute createImage. Value: {}. 'name' is a required property");
  const metadata = args.metadata === undefined ? {} : stringMap(args.metadata, 'metadata');
  checkServerAction(server, 'createImage', caller.isAdmin);
  const image = pod.images.addSnapshot(name, server.projectId, pod.now(), {
    ...metadata,
    instance_uuid: server.id,
    base_image_ref: server.imageId ?? '',
  });
  startServerTask(pod, server, 'createImage', caller, ctx.request.id, {
    complete: (_s, at) => {
      image.status = 'active';
      image.size = 1073741824;
      image.updatedAt = at;
    },
  });
  if (atLeast(ctx.version, '2.45')) return { status: 202, body: { image_id: image.id } };
  return { status: 202, headers: { location: `${hostUrl(ctx.request)}/image/v2/images/${image.id}` } };
}

function rescue(ctx: ActionContext): ActionResult {
  const args = isObject(ctx.args) ? ctx.args : {};
  if (
    typeof args.rescue_image_ref === 'string' &&
    !ctx.pod.images.find(args.rescue_image_ref, ctx.caller.projectId, ctx.caller.isAdmin)
  ) {
    throw badRequest(`Image ${args.rescue_image_ref} could not be found.`);
  }
  checkServerAction(ctx.server, 'rescue', ctx.caller.isAdmin);
  startServerTask(ctx.pod, ctx.server, 'rescue', ctx.caller, ctx.request.id);
  return { status: 200, body: { adminPass: optionalString(args, 'adminPass') ?? newAdminPass() } };
}

function unrescue(ctx: ActionContext): ActionResult {
  checkServerAction(ctx.server, 'unrescue', ctx.caller.isAdmin);
  startServerTask(ctx.pod, ctx.server, 'unrescue', ctx.caller, ctx.request.id);
  return accepted;
}

export const LIFECYCLE_ACTIONS: Record<string, ActionHandler> = {
  resize,
  confirmResize,
  revertResize,
  shelve,
  shelveOffload,
  unshelve,
  rebuild,
  createImage,
  rescue,
  unrescue,
};
