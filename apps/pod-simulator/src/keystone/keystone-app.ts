// The Fastify app of the simulated Keystone v3 (a test double, never a real identity service).
import type { FastifyInstance } from 'fastify';
import { SimLog, createBaseApp, installErrorHandling } from '../http/app';
import { registerAuthTokenRoutes } from './auth-tokens.routes';
import { registerDirectoryRoutes } from './directory.routes';
import { registerDiscoveryRoutes } from './discovery.routes';
import { KeystoneState } from './keystone-state';

/** `extend` runs before any route is added, so its hooks (fault injection) cover every route. */
export function createKeystoneApp(state: KeystoneState, extend: (app: FastifyInstance) => void, log?: SimLog): FastifyInstance {
  const app = createBaseApp({ label: 'keystone', log });
  installErrorHandling(app, 'keystone', log);
  extend(app);
  registerDiscoveryRoutes(app);
  registerAuthTokenRoutes(app, state);
  registerDirectoryRoutes(app, state);
  return app;
}
