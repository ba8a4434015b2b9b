import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { POLICY_RULE } from './policy.decorator';
import { PolicyEnforcer } from './policy-enforcer';

/**
 * At start-up, every `@Policy(...)` on a controller must name a registered rule: a misspelt name
 * would otherwise surface only when someone calls the route, as a 500.
 */
@Injectable()
export class PolicyUsageCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(PolicyEnforcer) private readonly enforcer: PolicyEnforcer,
  ) {}

  onModuleInit(): void {
    for (const { instance, metatype, name } of this.discovery.getControllers()) {
      if (!instance || !metatype) continue;
      this.check(this.reflector.get<string | undefined>(POLICY_RULE, metatype), String(name));
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        this.check(
          this.reflector.get<string | undefined>(POLICY_RULE, prototype[method] as () => unknown),
          `${String(name)}.${method}`,
        );
      }
    }
  }

  private check(rule: string | undefined, where: string): void {
    if (rule !== undefined && !this.enforcer.isRegistered(rule)) {
      throw new Error(`@Policy('${rule}') on ${where} names no registered policy rule`);
    }
  }
}
