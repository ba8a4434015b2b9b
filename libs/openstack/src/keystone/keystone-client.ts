// podgate's Keystone client: its own service token and catalog, and callers' token validation.
import type { ServiceCredentials } from '@podgate/config';
import { type Clock, systemClock } from '@podgate/kernel';
import { type EndpointInterface, asProjectTemplate, catalogRegions, findEndpoint } from './catalog';
import { KeystoneHttp } from './keystone-http';
import { type KeystoneLogger, silentLogger } from './keystone-logger';
import { EndpointNotFoundError } from './keystone.errors';
import { ServiceSessions } from './service-session';
import type { Identity } from './token-body';
import { TokenValidator } from './token-validator';

export interface KeystoneClientOptions {
  /** Identity v3 base URL, ending in /v3. */
  readonly url: string;
  readonly service: ServiceCredentials;
  readonly endpointInterface: EndpointInterface;
  /** How long a valid token's answer is reused (at most 300 s, never past the token's expiry). */
  readonly tokenCacheSeconds: number;
  /** How long a refusal is reused; default 10 s. */
  readonly invalidTokenCacheSeconds?: number;
  /** Per Keystone request, connect included; default 5000 ms. */
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  /** Bound of the validation cache; default 10 000 tokens. */
  readonly maxCachedTokens?: number;
}

/** A region missing from the catalog may have been added since; look again at most this often. */
const CATALOG_RECHECK_MS = 30_000;
const POD_SERVICE_TYPES = ['compute', 'volumev3'];

export class KeystoneClient {
  private readonly sessions: ServiceSessions;
  private readonly validator: TokenValidator;
  private readonly clock: Clock;

  constructor(
    private readonly options: KeystoneClientOptions,
    logger: KeystoneLogger = silentLogger,
  ) {
    this.clock = options.clock ?? systemClock;
    const http = new KeystoneHttp(options.url, options.timeoutMs ?? 5000);
    this.sessions = new ServiceSessions(http, options.service, this.clock, logger);
    this.validator = new TokenValidator(
      http,
      this.sessions,
      {
        tokenCacheSeconds: Math.min(300, Math.max(0, options.tokenCacheSeconds)),
        invalidTokenCacheSeconds: options.invalidTokenCacheSeconds ?? 10,
        maxCachedTokens: options.maxCachedTokens ?? 10_000,
      },
      this.clock,
      logger,
    );
  }

  /** For `WWW-Authenticate: Keystone uri="..."`: the identity URL without /v3. */
  get authUri(): string {
    return this.options.url.replace(/\/+$/, '').replace(/\/v3$/, '');
  }

  /** podgate's own project-scoped token, e.g. to poll pods. SECURITY: never log it. */
  async serviceToken(): Promise<string> {
    return (await this.sessions.get()).token;
  }

  /** The caller's project-scoped identity; InvalidTokenError or KeystoneUnavailableError otherwise. */
  validateToken(token: string): Promise<Identity> {
    return this.validator.validate(token);
  }

  /**
   * The catalog URL of a service in a region (pod name = region). Project-specific URLs come back
   * as templates with `%(project_id)s`; fill them with withProject().
   */
  async endpointFor(region: string, serviceType: string): Promise<string> {
    const iface = this.options.endpointInterface;
    let session = await this.sessions.get();
    let url = findEndpoint(session.catalog, region, serviceType, iface);
    if (!url && this.clock.now().getTime() - session.obtainedAt >= CATALOG_RECHECK_MS) {
      session = await this.sessions.renew();
      url = findEndpoint(session.catalog, region, serviceType, iface);
    }
    if (!url) throw new EndpointNotFoundError(region, serviceType, iface);
    return asProjectTemplate(url, session.projectId);
  }

  /** Regions with a compute or volumev3 endpoint on our interface: the candidate pods. */
  async regions(): Promise<string[]> {
    const session = await this.sessions.get();
    return catalogRegions(session.catalog, this.options.endpointInterface, POD_SERVICE_TYPES);
  }
}
