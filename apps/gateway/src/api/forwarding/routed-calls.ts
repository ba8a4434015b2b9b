import { Logger } from '@nestjs/common';
import type { CommandBus, ICommand, IQuery, QueryBus } from '@nestjs/cqrs';
import type { PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import type { FastifyRequest } from 'fastify';
import { type ApiLinkBase, apiLinkBaseOf } from '../links';
import type { ServiceApi } from '../service-api';
import { type CallerForward, callerForward } from './caller-forward';
import { type PodAnswer, podAnswer } from './pod-answer';

/** One call on one routed resource: the request, who makes it, and which resource (the slice's fields). */
export interface RoutedCall {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
}

/** Where a routed resource lives, as its slice's locate query answers. */
export interface RoutedLocation {
  readonly pod: PodView;
}

/** How a successful answer's body is shown to the client (AZ, type ids, hidden metadata). */
export type RoutedView<L extends RoutedLocation> = (body: unknown, location: L) => unknown;

/**
 * What one slice (servers; volumes, snapshots, backups) says about its resources; the rest of a
 * call is the same for all. Commands and queries are the slice's own, so writes stay recorded there.
 */
export interface RoutedResources<C extends RoutedCall, L extends RoutedLocation> {
  readonly api: ServiceApi;
  /** For logs: `server <id>`, `snapshot <id>`. */
  describe(call: C): string;
  /** The resource's own path at the pod (`/servers/<id>`): a read of it answered "gone" unroutes it. */
  itemPath(call: C): string;
  /** The locate query, scoped to the caller (404 in the API's words when unknown or another tenant's). */
  locate(call: Omit<C, 'request'>): IQuery;
  /** The pod's answer to a read of `itemPath` says the resource itself is gone (not a proxy's 404). */
  isGone(status: number, body: unknown): boolean;
  action(call: C, action: string, forward: CallerForward): ICommand;
  delete(call: C, forward: CallerForward): ICommand;
  gone(call: C): ICommand;
  /** The view of a success when a call names none. */
  readonly view: RoutedView<L>;
}

/**
 * The calls on one existing routed resource (show, update, delete, actions, sub-resources), for
 * every slice: locate its pod for the caller, forward (writes through the slice's commands, which
 * record them), and answer with the pod's status and a body whose links point at podgate.
 */
export class RoutedCalls<C extends RoutedCall, L extends RoutedLocation> {
  protected readonly logger: Logger;

  constructor(
    private readonly resources: RoutedResources<C, L>,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly proxy: Pick<PodProxy, 'forward'>,
    private readonly config: Pick<PodgateConfig, 'http'>,
    loggerName: string,
  ) {
    this.logger = new Logger(loggerName);
  }

  /** The resource's pod for this caller (a look-up needs no request: e.g. an attachment's volume). */
  locate(call: Omit<C, 'request'>): Promise<L> {
    return this.queries.execute(this.resources.locate(call));
  }

  /**
   * A read, forwarded as is. The pod's own "not found" for the resource itself means it is gone:
   * recorded (which unroutes it for good, so a 404 for anything else, e.g. one metadata key, must not).
   */
  async read(call: C, path: string, view: RoutedView<L> = this.resources.view, known?: L): Promise<PodAnswer> {
    const location = known ?? (await this.locate(call));
    const response = await this.proxy.forward({
      ...callerForward(call.request, call.context, { method: 'GET', path }),
      pod: location.pod,
      projectId: call.context.caller.projectId,
      service: this.resources.api.podService,
    });
    if (path === this.resources.itemPath(call) && this.resources.isGone(response.status, response.body))
      await this.recordGone(call);
    return this.answer(call, response, location, view);
  }

  /** A state-changing call, recorded by the slice as `action` (e.g. `reboot`, `os-extend`, `PUT metadata`). */
  async write(
    call: C,
    action: string,
    forward: CallerForward,
    view: RoutedView<L> = this.resources.view,
    known?: L,
  ): Promise<PodAnswer> {
    const location = known ?? (await this.locate(call));
    const response: ForwardedResponse = await this.commands.execute(this.resources.action(call, action, forward));
    return this.answer(call, response, location, view);
  }

  async delete(call: C): Promise<PodAnswer> {
    const location = await this.locate(call);
    const forward = callerForward(call.request, call.context, { method: 'DELETE', path: this.resources.itemPath(call) });
    const response: ForwardedResponse = await this.commands.execute(this.resources.delete(call, forward));
    return this.answer(call, response, location, (body) => body);
  }

  /** The pod's answer with podgate's links (the client's URL form) and the view applied to a success. */
  answer(
    call: Pick<RoutedCall, 'request' | 'context'>,
    response: ForwardedResponse,
    location: RoutedLocation & Partial<L>,
    view: RoutedView<L> = this.resources.view,
  ): PodAnswer {
    const links = { base: this.linkBase(call.request), podProjectId: call.context.caller.projectId };
    return podAnswer(response, location.pod.name, links, (body) => view(body, location as L));
  }

  /** Where this request's links point (podgate's public URL, the client's URL form). */
  linkBase(request: FastifyRequest): ApiLinkBase {
    return apiLinkBaseOf(this.resources.api, request, this.config.http.publicUrl);
  }

  private async recordGone(call: C): Promise<void> {
    await this.commands.execute(this.resources.gone(call)).catch((error: unknown) => {
      // The answer is the pod's 404 either way; the next look at the resource records it again.
      this.logger.warn(`${this.resources.describe(call)} gone from its pod, not recorded: ${String(error)}`);
    });
  }
}
