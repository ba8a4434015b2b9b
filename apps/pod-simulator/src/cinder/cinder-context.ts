// What every simulated-Cinder route needs.
import type { FastifyRequest } from 'fastify';
import { callerOf, microversionOf } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { CinderViewContext } from './volume-views';

export interface CinderContext {
  pod: PodState;
}

export const param = (request: FastifyRequest, name: string): string => (request.params as Record<string, string>)[name] ?? '';

export function cinderView(request: FastifyRequest, pod: PodState): CinderViewContext {
  const caller = callerOf(request);
  return { request, version: microversionOf(request), isAdmin: caller.isAdmin, projectId: caller.projectId, pod };
}
