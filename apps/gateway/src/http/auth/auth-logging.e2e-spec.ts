import { Writable } from 'node:stream';
import { loadConfig } from '@podgate/config';
import { KeystoneClient } from '@podgate/openstack';
import { REDACTED_PATHS } from '@podgate/runtime';
import axios from 'axios';
import pino from 'pino';
import request from 'supertest';
import { type SimulatorHandle, startSimulator } from '../../../../pod-simulator/src/simulator';
import { startAuthTestApp } from './testing/auth-test-app';
import type { Identity, TokenValidator } from './token-validator';

/** A pino logger with the gateway's redaction, writing into memory. */
function capturedLogger(): { logger: pino.Logger; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    logger: pino({ level: 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink),
    text: () => lines.join(''),
  };
}

describe('SECURITY: tokens never reach the log', () => {
  it('logs every request, granted or refused, without its X-Auth-Token', async () => {
    const log = capturedLogger();
    const app = await startAuthTestApp(loadConfig({}), { logger: log.logger });
    try {
      await request(app.getHttpServer()).get('/v1.0/pods').set('X-Auth-Token', 'admin:secret-project-token').expect(200);
      await request(app.getHttpServer()).get('/v1.0/pods').set('X-Auth-Token', 'alice:secret-project-token').expect(403);
    } finally {
      await app.close();
    }
    const requests = log
      .text()
      .split('\n')
      .filter((line) => line.includes('"msg":"request completed"'))
      .map((line) => JSON.parse(line) as { req: { method: string; url: string }; res: { statusCode: number } });
    expect(requests.map((line) => [line.req.method, line.req.url, line.res.statusCode])).toEqual([
      ['GET', '/v1.0/pods', 200],
      ['GET', '/v1.0/pods', 403],
    ]);
    expect(log.text()).not.toContain('secret-project-token');
  });

  describe('when Keystone refuses podgate its own service credentials', () => {
    let sim: SimulatorHandle;
    beforeAll(async () => (sim = await startSimulator({ pods: [], basePort: 0 })));
    afterAll(() => sim.stop());

    it('tells any caller only that Keystone is unavailable, and logs why without the password or the token', async () => {
      const log = capturedLogger();
      const wrongPassword = 'wrong-service-password-5c1e';
      const config = loadConfig({ KEYSTONE_URL: sim.authUrl, PODGATE_SERVICE_PASSWORD: wrongPassword });
      if (config.auth.strategy !== 'keystone') throw new Error('expected Keystone mode');
      const app = await startAuthTestApp(config, { validator: new KeystoneClient(config.auth), logger: log.logger });
      const garbage = 'garbage-caller-token-9d2a';
      try {
        for (const token of [garbage, sim.issueToken('alice')]) {
          const response = await request(app.getHttpServer()).get('/v1.0/whoami').set('X-Auth-Token', token).expect(503);
          expect(response.body).toEqual({ serviceUnavailable: { code: 503, message: 'Keystone is unavailable.' } });
          expect(response.text).not.toMatch(/podgate|service user|credentials/);
        }
      } finally {
        await app.close();
      }
      expect(log.text()).toContain('it rejected the credentials of service user podgate (HTTP 401)');
      expect(log.text()).not.toContain(wrongPassword);
      expect(log.text()).not.toContain(garbage);
    });
  });

  describe('when a validator fails with a raw HTTP client error', () => {
    let sim: SimulatorHandle;
    beforeAll(async () => (sim = await startSimulator({ pods: [], basePort: 0 })));
    afterAll(() => sim.stop());

    /** A careless validator: axios throws an AxiosError whose enumerable `config.headers` hold the token. */
    class CarelessValidator implements TokenValidator {
      async validateToken(token: string): Promise<Identity> {
        await axios.get(`${sim.authUrl}/auth/tokens`, { headers: { 'x-subject-token': token } });
        throw new Error('unreachable: Keystone refuses a validation without a service token');
      }
    }

    it('answers 500 without details and logs the failure without the token', async () => {
      const log = capturedLogger();
      const config = loadConfig({ KEYSTONE_URL: sim.authUrl, PODGATE_SERVICE_PASSWORD: 'podgate-secret' });
      const app = await startAuthTestApp(config, { validator: new CarelessValidator(), logger: log.logger });
      const token = sim.issueToken('alice');
      try {
        const response = await request(app.getHttpServer()).get('/v1.0/whoami').set('X-Auth-Token', token).expect(500);
        expect(response.body.computeFault.code).toBe(500);
      } finally {
        await app.close();
      }
      expect(log.text()).toContain('token validation failed');
      expect(log.text()).toContain('Request failed with status code 401');
      expect(log.text()).not.toContain(token);
    });
  });
});
