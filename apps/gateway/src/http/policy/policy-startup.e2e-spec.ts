import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig } from '@podgate/config';
import request from 'supertest';
import { ProbeController, startAuthTestApp } from '../auth/testing/auth-test-app';
import { Policy } from './policy.decorator';

@Controller('v1.0/typo')
class MisspeltPolicyController {
  @Policy('admin:pod:list')
  @Get()
  list(): object {
    return {};
  }
}

@Policy('admin:audit:export')
@Controller('v1.0/audit')
class ClassPolicyController {
  @Get('export')
  export(): object {
    return { events: [] };
  }
}

@Controller('servers')
class ServersController {
  @Policy('os_compute_api:servers:index')
  @Get()
  index(): object {
    return { servers: [] };
  }
}

describe('policy at start-up', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'podgate-policy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const configWithPolicy = (text: string) => {
    const policyFile = join(dir, 'policy.yaml');
    writeFileSync(policyFile, text);
    return loadConfig({ PODGATE_POLICY_FILE: policyFile });
  };

  it.each([
    ['"admin:pods:list": "role:reader or"\n', 'unexpected end of rule'],
    ['"admin:pods:list": role:admin\n  bad: indentation: here\n', 'is not valid YAML'],
    ['"admin:pods:lsit": "@"\n', 'unknown rule "admin:pods:lsit"'],
  ])('refuses to start with policy file %j', async (text, problem) => {
    const start = startAuthTestApp(configWithPolicy(text));
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(problem);
  });

  it('refuses to start when a controller names a rule that does not exist', async () => {
    await expect(startAuthTestApp(loadConfig({}), { controllers: [ProbeController, MisspeltPolicyController] })).rejects.toThrow(
      "@Policy('admin:pod:list') on MisspeltPolicyController.list names no registered policy rule",
    );
  });

  it('applies a rule put on a whole controller, overridable like any other', async () => {
    const app = await startAuthTestApp(configWithPolicy('"admin:audit:export": "role:auditor or role:admin"\n'), {
      controllers: [ClassPolicyController],
    });
    try {
      const call = (roles: string) =>
        request(app.getHttpServer()).get('/v1.0/audit/export').set('X-Auth-Token', 'carol:ops').set('X-Roles', roles);
      await call('auditor').expect(200);
      await call('AUDITOR').expect(200);
      expect((await call('member').expect(403)).body).toEqual({
        forbidden: { code: 403, message: "Policy doesn't allow admin:audit:export to be performed." },
      });
    } finally {
      await app.close();
    }
  });

  it('takes the rules of other APIs with their defaults, and lets the file override them', async () => {
    const policyDefaults = { 'os_compute_api:servers:index': '@' };
    const controllers = [ServersController];
    const call = (app: NestFastifyApplication, roles: string) =>
      request(app.getHttpServer()).get('/servers').set('X-Auth-Token', 'dave:tenant-d').set('X-Roles', roles);
    const byDefault = await startAuthTestApp(loadConfig({}), { controllers, policyDefaults });
    const overridden = await startAuthTestApp(configWithPolicy('"os_compute_api:servers:index": "role:member"\n'), {
      controllers,
      policyDefaults,
    });
    try {
      await call(byDefault, 'reader').expect(200);
      await call(overridden, 'member').expect(200);
      await call(overridden, 'reader').expect(403);
    } finally {
      await Promise.all([byDefault.close(), overridden.close()]);
    }
  });
});
