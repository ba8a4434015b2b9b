// The shape of one server action handler of the simulated Nova (POST /servers/{id}/action).
import type { FastifyRequest } from 'fastify';
import { ApiVersion } from '../http/microversion';
import { badRequest, forbidden } from '../http/openstack-error';
import { Caller } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { ServerRecord } from './server.model';

export interface ActionContext {
  pod: PodState;
  server: ServerRecord;
  caller: Caller;
  request: FastifyRequest;
  version: ApiVersion;
  /** The action's own body: `body["os-stop"]`. */
  args: unknown;
}

export interface ActionResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ActionHandler = (ctx: ActionContext) => ActionResult;

export const accepted: ActionResult = { status: 202 };

export function requireAdmin(ctx: ActionContext, rule: string): void {
  if (!ctx.caller.isAdmin) throw forbidden(`Policy doesn't allow ${rule} to be performed.`);
}

export const noSuchAction = (name: string) => badRequest(`There is no such action: ${name}`);
