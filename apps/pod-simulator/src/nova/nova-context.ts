// What every simulated-Nova route needs: the pod and a way to build view contexts.
import type { FastifyRequest } from 'fastify';
import { callerOf, microversionOf } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { ServerViewContext } from './server-views';

export interface NovaContext {
  pod: PodState;
}

export function viewContext(request: FastifyRequest, pod: PodState): ServerViewContext {
  return { request, version: microversionOf(request), isAdmin: callerOf(request).isAdmin, pod };
}

export const param = (request: FastifyRequest, name: string): string => (request.params as Record<string, string>)[name] ?? '';
