import { Controller } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyRequest } from 'fastify';
import { Policy } from '../../http/policy';
import { computeVersionOf } from '../../api/microversion';
import { callerForward, rawQueryOf, segment } from '../../api/forwarding/caller-forward';
import { ServerLister } from './list/server-lister';
import { parseServerListQuery } from './list/server-list.params';
import type { ServerListKind } from './list/server-list.view';
import { type PodAnswer, podAnswer } from '../../api/forwarding/pod-answer';
import { RoutedCollectionController, type RoutedCall } from '../../api/forwarding/routed-collection.controller';
import { ServerCalls } from './server-calls';
import { ServerCreation } from './server-creation';
import { ServerScope } from './server-scope';

/**
 * /compute/v2.1/servers: Nova's servers API over the pods. Create goes to the pod the servers slice
 * picks, lists merge every pod holding the caller's servers, the rest goes to the server's own pod.
 */
@Controller('compute/v2.1/servers')
@Policy('compute:servers')
export class ServersController extends RoutedCollectionController({
  idParam: 'server_id',
  createStatus: 202,
  deleteStatus: 204,
}) {
  constructor(
    private readonly creation: ServerCreation,
    private readonly lister: ServerLister,
    private readonly calls: ServerCalls,
    private readonly scope: ServerScope,
  ) {
    super();
  }

  async createAnswer(request: FastifyRequest, body: unknown, context: RequestContext): Promise<PodAnswer> {
    const forward = callerForward(request, context, { method: 'POST', path: '/servers', query: '' });
    const { response, pod } = await this.creation.create(body, computeVersionOf(request), context, forward);
    const links = { base: this.calls.linkBase(request), podProjectId: context.caller.projectId };
    return podAnswer(response, pod.name, links);
  }

  showAnswer({ request, context, id }: RoutedCall): Promise<PodAnswer> {
    return this.calls.show({ request, context, serverId: id });
  }

  updateAnswer({ request, context, id }: RoutedCall, body: unknown): Promise<PodAnswer> {
    const forward = callerForward(request, context, { method: 'PUT', path: `/servers/${segment(id)}`, body });
    return this.calls.write({ request, context, serverId: id }, 'PUT server', forward);
  }

  removeAnswer({ request, context, id }: RoutedCall): Promise<PodAnswer> {
    return this.calls.delete({ request, context, serverId: id });
  }

  async list(kind: ServerListKind, request: FastifyRequest, context: RequestContext) {
    const version = computeVersionOf(request);
    const params = parseServerListQuery(rawQueryOf(request), version, this.scope.isAdmin(context));
    if (params.allTenants) this.scope.enforceAllTenants(context.caller);
    const { method: _m, path: _p, query: _q, ...forward } = callerForward(request, context, { method: 'GET', path: '' });
    return this.lister.list({
      kind,
      params,
      version,
      context,
      forward,
      links: { base: this.calls.linkBase(request), pairs: params.pairs },
    });
  }
}
