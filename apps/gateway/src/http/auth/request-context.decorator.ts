import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';

/** Kept beside the request rather than on it, so Fastify's request objects keep their shape. */
const contexts = new WeakMap<object, RequestContext>();

export function attachRequestContext(request: object, context: RequestContext): void {
  contexts.set(request, context);
}

/** The context AccessGuard built for this request; undefined on public routes. */
export function requestContextOf(request: object): RequestContext | undefined {
  return contexts.get(request);
}

/** The caller's RequestContext as a controller parameter: `list(@RequestCtx() context: RequestContext)`. */
export const RequestCtx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  const context = requestContextOf(execution.switchToHttp().getRequest<object>());
  if (!context) throw new Error('@RequestCtx() used on a route without authentication (a @Public() route?)');
  return context;
});
