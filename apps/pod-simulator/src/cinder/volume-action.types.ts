// The shape of one volume action handler of the simulated Cinder (POST /volumes/{id}/action).
import type { FastifyRequest } from 'fastify';
import { Json, isObject } from '../http/body';
import { ApiVersion } from '../http/microversion';
import { badRequest, forbidden } from '../http/openstack-error';
import { Caller } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { VolumeRecord } from './volume.model';

export interface VolumeActionContext {
  pod: PodState;
  volume: VolumeRecord;
  caller: Caller;
  request: FastifyRequest;
  version: ApiVersion;
  args: Json;
}

export interface VolumeActionResult {
  status: number;
  body?: unknown;
}

export type VolumeActionHandler = (ctx: VolumeActionContext) => VolumeActionResult;

export const ACCEPTED: VolumeActionResult = { status: 202 };

export const argsOf = (value: unknown): Json => (isObject(value) ? value : {});

export const invalidVolume = (reason: string) => badRequest(`Invalid volume: ${reason}`);

export function requireVolumeAdmin(ctx: VolumeActionContext, rule: string): void {
  if (!ctx.caller.isAdmin) throw forbidden(`Policy doesn't allow ${rule} to be performed.`);
}
