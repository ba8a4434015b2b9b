// The two Keystone v3 calls podgate makes. Statuses come back as data; network failures become
// KeystoneUnavailableError. SECURITY: axios errors carry the request config (headers with tokens,
// the body with the password), so they are reduced to their code here and never kept as a cause.
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import type { ServiceCredentials } from '@podgate/config';
import { createHttpClient, networkErrorCode, networkReason } from '../http/http-client';
import { KeystoneUnavailableError } from './keystone.errors';

export interface KeystoneAnswer {
  readonly status: number;
  readonly body: unknown;
  /** The X-Subject-Token header of a 201 from POST /v3/auth/tokens. */
  readonly subjectToken?: string;
}

export class KeystoneHttp {
  private readonly http: AxiosInstance;

  constructor(url: string, timeoutMs: number) {
    this.http = createHttpClient({ baseURL: `${url.replace(/\/+$/, '')}/`, timeoutMs });
  }

  /** Password authentication scoped to the service project, with the catalog. */
  authenticate(service: ServiceCredentials): Promise<KeystoneAnswer> {
    const body = {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: service.username, domain: { name: service.userDomainName }, password: service.password },
          },
        },
        scope: { project: { name: service.projectName, domain: { name: service.projectDomainName } } },
      },
    };
    return this.call({ method: 'POST', url: 'auth/tokens', data: body });
  }

  /** GET /v3/auth/tokens?nocatalog: the caller's token as seen by Keystone. */
  validate(serviceToken: string, subjectToken: string): Promise<KeystoneAnswer> {
    return this.call({
      method: 'GET',
      url: 'auth/tokens?nocatalog',
      headers: { 'X-Auth-Token': serviceToken, 'X-Subject-Token': subjectToken },
    });
  }

  private async call(config: AxiosRequestConfig): Promise<KeystoneAnswer> {
    try {
      const response = await this.http.request(config);
      const subject = response.headers['x-subject-token'];
      return { status: response.status, body: response.data, subjectToken: typeof subject === 'string' ? subject : undefined };
    } catch (error) {
      throw new KeystoneUnavailableError(networkReason(networkErrorCode(error) ?? 'unknown'));
    }
  }
}
