import { randomUUID } from 'node:crypto';
import { CliError } from '../cli-errors';
import { AdminHttp } from './admin-http';
import type { ConnectionSettings } from './connection-settings';
import { displayUrl } from './http-errors';
import { createHttp } from './http-factory';
import { authenticate } from './keystone-auth';
import { findEndpoint, gatewayBaseUrl, PODGATE_SERVICE_TYPE } from './service-catalog';

/**
 * Authenticates and finds the gateway: `--url`/PODGATE_URL, else the catalog's `podgate`
 * service on OS_INTERFACE (and OS_REGION_NAME when set).
 */
export async function connect(settings: ConnectionSettings, debug?: (line: string) => void): Promise<AdminHttp> {
  if (!settings.url && !settings.authUrl) {
    throw new CliError(
      'no gateway URL: set PODGATE_URL (or --url), or OS_AUTH_URL and credentials to find the podgate service in the Keystone catalog',
    );
  }
  const { token, catalog } = await authenticate(settings, createHttp({ debug }), !settings.url);
  const url = settings.url ?? catalogUrl(catalog ?? [], settings);
  const base = gatewayBaseUrl(url);
  const http = createHttp({
    baseURL: base,
    // One global request id per command, so the gateway's audit ties together every call it made.
    headers: { 'X-Auth-Token': token, 'X-OpenStack-Request-ID': `req-${randomUUID()}` },
    debug,
  });
  return new AdminHttp(http, `the gateway at ${displayUrl(base)}`);
}

function catalogUrl(catalog: Parameters<typeof findEndpoint>[0], settings: ConnectionSettings): string {
  const url = findEndpoint(catalog, {
    type: PODGATE_SERVICE_TYPE,
    interface: settings.interface,
    regionName: settings.regionName,
  });
  if (url) return url;
  const where = `interface ${settings.interface}${settings.regionName ? `, region ${settings.regionName}` : ''}`;
  throw new CliError(
    `no ${PODGATE_SERVICE_TYPE} endpoint in the Keystone catalog (${where}); set PODGATE_URL to the gateway's address`,
  );
}
