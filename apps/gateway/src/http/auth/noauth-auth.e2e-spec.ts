import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@podgate/config';
import request from 'supertest';
import { startAuthTestApp } from './testing/auth-test-app';

const UNAUTHORIZED = { unauthorized: { code: 401, message: 'The request you have made requires authentication.' } };

describe('noauth mode (development only)', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => (app = await startAuthTestApp(loadConfig({}))));
  afterAll(() => app.close());

  it('takes the caller from <user_id>:<project_id> and X-Roles', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1.0/whoami')
      .set('X-Auth-Token', 'alice:tenant-a')
      .set('X-Roles', 'member,reader')
      .expect(200);
    expect(response.body.caller).toEqual({
      userId: 'alice',
      projectId: 'tenant-a',
      roles: ['member', 'reader'],
      userName: 'alice',
      projectName: 'tenant-a',
      domainId: 'default',
    });
    expect(response.body.tokenForwarded).toBe(true);
  });

  it('answers a token without a colon, or none, with 401 and no Keystone challenge', async () => {
    for (const token of ['alice', undefined]) {
      const call = request(app.getHttpServer()).get('/v1.0/whoami');
      const response = await (token ? call.set('X-Auth-Token', token) : call).expect(401);
      expect(response.body).toEqual(UNAUTHORIZED);
      expect(response.headers['www-authenticate']).toBeUndefined();
    }
  });

  it('makes user admin an admin, and holds everyone else to the admin rules', async () => {
    await request(app.getHttpServer()).get('/v1.0/pods').set('X-Auth-Token', 'admin:admin').expect(200);
    await request(app.getHttpServer()).get('/v1.0/pods').set('X-Auth-Token', 'ops:admin').set('X-Roles', 'Admin').expect(200);
    const denied = await request(app.getHttpServer())
      .get('/v1.0/pods')
      .set('X-Auth-Token', 'alice:tenant-a')
      .set('X-Roles', 'member')
      .expect(403);
    expect(denied.body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow admin:pods:list to be performed." } });
  });
});
