import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { requestContextOf } from '../../http/auth';
import { urlProjectIdOf } from './compute-url';
import { UrlProjectMismatchError } from './compute-url.errors';

/**
 * A project-form URL must name the caller's own project, admins included, as in Nova: 400
 * otherwise. An interceptor because it needs the authenticated caller (AccessGuard runs first) and
 * must run before the handler; public routes have no caller and nothing to compare.
 */
@Injectable()
export class UrlProjectCheck implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() === 'http') {
      const request = execution.switchToHttp().getRequest<FastifyRequest>();
      const urlProjectId = urlProjectIdOf(request);
      const context = urlProjectId === undefined ? undefined : requestContextOf(request);
      if (urlProjectId !== undefined && context && context.caller.projectId !== urlProjectId) {
        throw new UrlProjectMismatchError(urlProjectId, context.caller.projectId);
      }
    }
    return next.handle();
  }
}
