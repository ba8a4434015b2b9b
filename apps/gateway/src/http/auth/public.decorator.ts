import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'podgate:public';

/** A route (or every route of a controller) anyone may call without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * Public by path, for routes whose controllers podgate does not decorate: the health checks live
 * in @podgate/runtime. The version documents and the OpenAPI document are listed too, so they stay
 * public however they end up being served.
 */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/', '/v1.0', '/healthz', '/readyz', '/v1.0/openapi.json']);

export function isPublicPath(method: string, routePath: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && routePath !== undefined && PUBLIC_PATHS.has(routePath);
}
