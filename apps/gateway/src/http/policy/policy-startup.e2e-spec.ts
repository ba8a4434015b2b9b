import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Controller, Get, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig } from '@podgate/config';
import pino from 'pino';
import request from 'supertest';
import { Public } from '../auth/public.decorator';
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

/** A route someone forgot to decorate: it must not be open to every authenticated caller. */
@Controller('v1.0/forgotten')
class ForgottenController {
  @Policy('admin:pods:list')
  @Get()
  list(): object {
    return {};
  }

  @Post()
  create(): object {
    return {};
  }
}

/** Public by path is for reading the health checks, not for writing to them. */
@Controller()
class WriteToHealthController {
  @Post('healthz')
  poke(): object {
    return {};
  }
}

@Public()
@Controller('v1.0/open')
class ClassPublicController {
  @Get()
  open(): object {
    return { open: true };
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

  it('refuses to start when a route has neither @Public() nor @Policy(...), naming the controller and method', async () => {
    await expect(startAuthTestApp(loadConfig({}), { controllers: [ProbeController, ForgottenController] })).rejects.toThrow(
      'ForgottenController.create (POST /v1.0/forgotten) has neither @Public() nor @Policy(...): every route must say who may call it',
    );
    await expect(startAuthTestApp(loadConfig({}), { controllers: [WriteToHealthController] })).rejects.toThrow(
      'WriteToHealthController.poke (POST /healthz) has neither @Public() nor @Policy(...)',
    );
  });

  it('starts with routes public by path (the health checks) and with @Public() or @Policy(...) on the class', async () => {
    const app = await startAuthTestApp(loadConfig({}), {
      controllers: [ProbeController, ClassPublicController, ClassPolicyController],
    });
    try {
      await request(app.getHttpServer()).get('/healthz').expect(200);
      await request(app.getHttpServer()).get('/v1.0/open').expect(200);
      await request(app.getHttpServer()).get('/v1.0/audit/export').set('X-Auth-Token', 'admin:admin').expect(200);
      await request(app.getHttpServer()).get('/v1.0/audit/export').set('X-Auth-Token', 'alice:tenant-a').expect(403);
    } finally {
      await app.close();
    }
  });

  it('warns once for each rule the policy file opens to every caller', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const checks: Record<string, string> = {
      'admin:pods:list': '@',
      'admin:pods:show': '',
      anyone: '@',
      'admin:audit:list': 'rule:anyone or role:x',
      'admin:audit:export': 'role:auditor',
    };
    const config = configWithPolicy(
      Object.entries(checks)
        .map(([rule, check]) => `${JSON.stringify(rule)}: ${JSON.stringify(check)}\n`)
        .join(''),
    );
    const app = await startAuthTestApp(config, { logger, policyDefaults: { 'os_compute_api:servers:index': '@' } });
    await app.close();
    const warnings = lines
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((line) => line.level === 40)
      .map((line) => line.msg);
    expect(warnings.sort()).toEqual(
      ['admin:audit:list', 'admin:pods:list', 'admin:pods:show', 'anyone'].map(
        (rule) =>
          `policy rule "${rule}" allows every authenticated caller: ${JSON.stringify(checks[rule])} (see PODGATE_POLICY_FILE)`,
      ),
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
