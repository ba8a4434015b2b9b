import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Caller, RequestContext } from '@podgate/kernel';
import { tenantScopeOf } from '@podgate/servers';
import { PolicyEnforcer, PolicyNotAuthorizedError } from '../../http/policy';

export const ALL_TENANTS_RULE = 'compute:servers:all_tenants';

/**
 * Whose servers a caller reaches. By id: the servers slice's rule (an admin any tenant's, as Nova's
 * admin-or-owner policies). In lists: the caller's project, or every tenant's with `all_tenants`
 * for callers passing `compute:servers:all_tenants`. The pod still enforces Nova's own policy with
 * the caller's token.
 */
@Injectable()
export class ServerScope {
  private enforcer?: PolicyEnforcer;

  constructor(private readonly modules: ModuleRef) {}

  /** null = any tenant's server; else the caller's project only. */
  projectOf(context: RequestContext): string | null {
    return tenantScopeOf(context);
  }

  isAdmin(context: RequestContext): boolean {
    return tenantScopeOf(context) === null;
  }

  /** Nova's 403 for `all_tenants` without the right. */
  enforceAllTenants(caller: Caller): void {
    if (!this.policy().allows(ALL_TENANTS_RULE, caller)) throw new PolicyNotAuthorizedError(ALL_TENANTS_RULE);
  }

  // AuthModule (the app's) owns the enforcer; it is looked up, not imported, to keep one instance.
  private policy(): PolicyEnforcer {
    return (this.enforcer ??= this.modules.get(PolicyEnforcer, { strict: false }));
  }
}
