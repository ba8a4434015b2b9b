import type { AxiosInstance } from 'axios';
import { CliError } from '../cli-errors';
import type { ConnectionSettings } from './connection-settings';
import { describeHttpFailure, displayUrl, headerValue } from './http-errors';
import { type CatalogService, keystoneV3Url } from './service-catalog';

export interface Authenticated {
  readonly token: string;
  /** Absent when a ready token was given and no OS_AUTH_URL to fetch a catalog from. */
  readonly catalog?: readonly CatalogService[];
}

/**
 * A token for the gateway, like keystoneauth's `password` and `token` plugins: OS_TOKEN is used
 * as it is (Keystone is asked only for the catalog, and only when the URL must be looked up);
 * otherwise a project-scoped token is issued for OS_USERNAME / OS_PASSWORD.
 */
export async function authenticate(
  settings: ConnectionSettings,
  http: AxiosInstance,
  needCatalog: boolean,
): Promise<Authenticated> {
  if (settings.token) {
    if (!needCatalog || !settings.authUrl) return { token: settings.token };
    return { token: settings.token, catalog: await fetchCatalog(http, keystoneV3Url(settings.authUrl), settings.token) };
  }
  const missing = [
    ['OS_AUTH_URL', settings.authUrl],
    ['OS_USERNAME', settings.username],
    ['OS_PASSWORD', settings.password],
  ].flatMap(([name, value]) => (value ? [] : [name]));
  if (missing.length > 0) {
    throw new CliError(
      `no credentials: set OS_TOKEN, or OS_AUTH_URL, OS_USERNAME and OS_PASSWORD (missing: ${missing.join(', ')})`,
    );
  }
  return issueToken(http, keystoneV3Url(settings.authUrl as string), settings);
}

async function issueToken(http: AxiosInstance, v3Url: string, settings: ConnectionSettings): Promise<Authenticated> {
  const scope = settings.projectId
    ? { project: { id: settings.projectId } }
    : settings.projectName
      ? { project: { name: settings.projectName, domain: settings.projectDomain } }
      : undefined;
  const body = {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: settings.username, domain: settings.userDomain, password: settings.password } },
      },
      ...(scope ? { scope } : {}),
    },
  };
  try {
    const response = await http.post<{ token?: { catalog?: CatalogService[] } }>(`${v3Url}/auth/tokens`, body);
    const token = headerValue(response.headers['x-subject-token']);
    if (!token) throw new CliError(`Keystone at ${displayUrl(v3Url)} answered without an X-Subject-Token header`);
    return { token, catalog: response.data.token?.catalog ?? [] };
  } catch (error) {
    throw describeHttpFailure(error, `Keystone at ${displayUrl(v3Url)}`);
  }
}

async function fetchCatalog(http: AxiosInstance, v3Url: string, token: string): Promise<CatalogService[]> {
  try {
    const response = await http.get<{ catalog?: CatalogService[] }>(`${v3Url}/auth/catalog`, {
      headers: { 'X-Auth-Token': token },
    });
    return response.data.catalog ?? [];
  } catch (error) {
    throw describeHttpFailure(error, `Keystone at ${displayUrl(v3Url)}`);
  }
}
