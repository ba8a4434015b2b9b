import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { POLICY_RULE } from '../policy/policy.decorator';
import { RouteWithoutPolicyError } from '../policy/policy.errors';
import { PolicyEnforcer } from '../policy/policy-enforcer';
import { AuthenticationRequiredError } from './auth.errors';
import { Authenticator } from './authenticator';
import { IS_PUBLIC, isPublicPath } from './public.decorator';
import { attachRequestContext } from './request-context.decorator';
import { checkUrlProject } from './url-project';

/**
 * The one global guard: authentication, the URL's project (url-project.ts), then the route's
 * policy rule. One guard rather than two, so a missing token is always a 401 and never a 403,
 * whatever order Nest would give two globals.
 * SECURITY: a route with neither `@Public()` nor `@Policy(...)` is refused (403), never open to
 * every authenticated caller; PolicyUsageCheck already stops start-up on one, this is the backstop.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(PolicyEnforcer) private readonly policy: PolicyEnforcer,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType() !== 'http') return true;
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) || isPublicPath(request.method, request.routeOptions.url)) {
      return true;
    }
    const context = await this.authenticate(request, http.getResponse<FastifyReply>());
    attachRequestContext(request, context);
    // Here rather than in an interceptor: guards are the one pipeline step every route already pays
    // for. Before the policy rule, as Nova's wsgi.Resource checks the URL before the controller.
    checkUrlProject(request.raw, context.caller.projectId);
    const rule = this.reflector.getAllAndOverride<string | undefined>(POLICY_RULE, targets);
    if (rule === undefined) {
      const route = `${execution.getClass().name}.${execution.getHandler().name}`;
      this.logger.error(`${route} has neither @Public() nor @Policy(...): request ${request.id} refused`);
      throw new RouteWithoutPolicyError(route);
    }
    this.policy.enforce(rule, context.caller);
    return true;
  }

  private async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<RequestContext> {
    try {
      return await this.authenticator.authenticate({ requestId: request.id, headers: request.headers });
    } catch (error) {
      // The exception filter writes status and body; the challenge header is set here, where it is known.
      if (error instanceof AuthenticationRequiredError && this.authenticator.challenge) {
        void reply.header('www-authenticate', this.authenticator.challenge);
      }
      throw error;
    }
  }
}
