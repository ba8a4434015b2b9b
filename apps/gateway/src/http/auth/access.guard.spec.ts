import type { IncomingMessage } from 'node:http';
import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '@podgate/config';
import { systemClock } from '@podgate/kernel';
import { ADMIN_POLICY_DEFAULTS } from '../policy/admin-policy.defaults';
import { Policy } from '../policy/policy.decorator';
import { RouteWithoutPolicyError } from '../policy/policy.errors';
import { PolicyEnforcer } from '../policy/policy-enforcer';
import { PolicyRuleSet } from '../policy/policy-rules';
import { AccessGuard } from './access.guard';
import { AuthenticationRequiredError } from './auth.errors';
import { Authenticator } from './authenticator';
import { Public } from './public.decorator';
import { claimUrlProject } from './url-project';

class Routes {
  @Policy('admin:pods:list')
  guarded(): void {}

  @Public()
  open(): void {}

  /** Neither: start-up refuses such a route; if one slipped through, the guard must not let anyone in. */
  forgotten(): void {}
}

/** The guard as Nest calls it, for one handler of Routes, on `GET <url>` with a noauth token (or none). */
function call(handler: keyof Routes, url: string, token?: string, raw?: IncomingMessage): Promise<boolean> {
  const guard = new AccessGuard(
    new Reflector(),
    new Authenticator(loadConfig({}).auth, systemClock),
    new PolicyEnforcer(PolicyRuleSet.compile(ADMIN_POLICY_DEFAULTS)),
  );
  const request = { id: 'req-1', method: 'GET', raw, routeOptions: { url }, headers: token ? { 'x-auth-token': token } : {} };
  const execution = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ header: () => undefined }) }),
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
  } as unknown as ExecutionContext;
  return guard.canActivate(execution);
}

describe('AccessGuard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('enforces the route rule, and lets anyone call a public route', async () => {
    await expect(call('guarded', '/v1.0/pods', 'admin:admin')).resolves.toBe(true);
    await expect(call('guarded', '/v1.0/pods', 'alice:tenant-a')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(call('open', '/v1.0')).resolves.toBe(true);
  });

  it('SECURITY: refuses a route with neither @Public() nor @Policy(...) with 403, even to an admin, and logs it', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const refused = call('forgotten', '/v1.0/forgotten', 'admin:admin');
    await expect(refused).rejects.toBeInstanceOf(RouteWithoutPolicyError);
    await expect(refused).rejects.toMatchObject({
      kind: 'forbidden',
      message: "Policy doesn't allow this request to be performed.",
    });
    expect(logged).toHaveBeenCalledWith('Routes.forgotten has neither @Public() nor @Policy(...): request req-1 refused');
    // Authentication still comes first: no token is a 401, never a 403.
    await expect(call('forgotten', '/v1.0/forgotten')).rejects.toBeInstanceOf(AuthenticationRequiredError);
  });

  it('SECURITY: refuses a URL naming another project than the caller’s, admins included, before the route rule', async () => {
    const claimed = (projectId: string): IncomingMessage => {
      const raw = {} as IncomingMessage;
      claimUrlProject(raw, { projectId, mismatch: (url, caller) => new Error(`URL ${url}, caller ${caller}`) });
      return raw;
    };
    await expect(call('guarded', '/v1.0/pods', 'admin:admin', claimed('admin'))).resolves.toBe(true);
    await expect(call('guarded', '/v1.0/pods', 'admin:admin', claimed('tenant-a'))).rejects.toThrow('URL tenant-a, caller admin');
    // The project check comes before the rule: alice's wrong URL is a 400, not the rule's 403.
    await expect(call('guarded', '/v1.0/pods', 'alice:tenant-a', claimed('tenant-b'))).rejects.toThrow(
      'URL tenant-b, caller tenant-a',
    );
    await expect(call('guarded', '/v1.0/pods', undefined, claimed('tenant-b'))).rejects.toBeInstanceOf(
      AuthenticationRequiredError,
    );
    await expect(call('open', '/v1.0', undefined, claimed('tenant-b'))).resolves.toBe(true);
  });

  it('lets the health checks through by path, undecorated as they are', async () => {
    await expect(call('forgotten', '/healthz')).resolves.toBe(true);
  });
});
