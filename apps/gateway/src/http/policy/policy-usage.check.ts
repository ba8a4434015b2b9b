import { Inject, Injectable, Logger, type OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC, isPublicPath } from '../auth/public.decorator';
import { POLICY_RULE } from './policy.decorator';
import { PolicyEnforcer } from './policy-enforcer';

type Handler = (...args: unknown[]) => unknown;

/**
 * At start-up, SECURITY: every route says who may call it, `@Public()` or `@Policy('<rule>')` on
 * the method or its controller, so a route nobody thought about is never open to every
 * authenticated caller; only the routes public by path (the health checks of @podgate/runtime,
 * which podgate cannot decorate) go without. Every `@Policy(...)` must name a registered rule: a
 * misspelt name would otherwise surface only when someone calls the route, as a 500. And each rule
 * the policy file opens to everyone is worth a warning.
 */
@Injectable()
export class PolicyUsageCheck implements OnModuleInit {
  private readonly logger = new Logger('Policy');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(PolicyEnforcer) private readonly enforcer: PolicyEnforcer,
  ) {}

  onModuleInit(): void {
    for (const { instance, metatype, name } of this.discovery.getControllers()) {
      if (!instance || !metatype) continue;
      const controllerRule = this.reflector.get<string | undefined>(POLICY_RULE, metatype);
      this.checkRule(controllerRule, String(name));
      const controllerDecided = controllerRule !== undefined || this.reflector.get<boolean>(IS_PUBLIC, metatype) === true;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method] as Handler;
        const rule = this.reflector.get<string | undefined>(POLICY_RULE, handler);
        this.checkRule(rule, `${String(name)}.${method}`);
        const decided = controllerDecided || rule !== undefined || this.reflector.get<boolean>(IS_PUBLIC, handler) === true;
        if (!decided) this.checkPublicByPath(metatype, handler, `${String(name)}.${method}`);
      }
    }
    for (const { name, check } of this.enforcer.openedByPolicyFile) {
      this.logger.warn(
        `policy rule "${name}" allows every authenticated caller: ${JSON.stringify(check)} (see PODGATE_POLICY_FILE)`,
      );
    }
  }

  private checkRule(rule: string | undefined, where: string): void {
    if (rule !== undefined && !this.enforcer.isRegistered(rule)) {
      throw new Error(`@Policy('${rule}') on ${where} names no registered policy rule`);
    }
  }

  /** A method without a route is no concern; a route must be public by path, else start-up stops. */
  private checkPublicByPath(controller: object, handler: Handler, where: string): void {
    const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (methodPaths === undefined) return;
    const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'ALL';
    const controllerPaths = (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/';
    for (const path of routePaths(controllerPaths, methodPaths)) {
      if (!isPublicPath(verb, path)) {
        throw new Error(
          `${where} (${verb} ${path}) has neither @Public() nor @Policy(...): every route must say who may call it`,
        );
      }
    }
  }
}

/** The routes Nest mounts for a controller path and a method path, each a string or a list. */
function routePaths(controllerPaths: string | string[], methodPaths: string | string[]): string[] {
  const list = (paths: string | string[]) => (Array.isArray(paths) ? paths : [paths]);
  return list(controllerPaths).flatMap((prefix) =>
    list(methodPaths).map(
      (path) =>
        `/${[prefix, path]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`,
    ),
  );
}
