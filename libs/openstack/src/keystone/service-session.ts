// podgate's own Keystone session, as keystoneauth keeps one: a project-scoped service token and
// its catalog, renewed shortly before expiry or when Keystone rejects it. Concurrent callers share
// one authentication.
import type { ServiceCredentials } from '@podgate/config';
import type { Clock } from '@podgate/kernel';
import { type CatalogService } from './catalog';
import { KeystoneHttp } from './keystone-http';
import type { KeystoneLogger } from './keystone-logger';
import { KeystoneUnavailableError } from './keystone.errors';
import { MalformedTokenBodyError, catalogOf, firstAuditId, parseTokenBody } from './token-body';

export interface ServiceSession {
  /** SECURITY: the service token; never logged. */
  readonly token: string;
  readonly projectId: string;
  readonly catalog: readonly CatalogService[];
  readonly obtainedAt: number;
  readonly refreshAt: number;
  /** Names the token in logs instead of the token itself. */
  readonly auditId?: string;
}

/** keystoneauth renews tokens that expire within 120 s; short-lived ones at half their life. */
const MAX_RENEW_MARGIN_MS = 120_000;

export class ServiceSessions {
  private current?: ServiceSession;
  private renewing?: Promise<ServiceSession>;

  constructor(
    private readonly http: KeystoneHttp,
    private readonly service: ServiceCredentials,
    private readonly clock: Clock,
    private readonly log: KeystoneLogger,
  ) {}

  get(): Promise<ServiceSession> {
    if (this.current && this.clock.now().getTime() < this.current.refreshAt) return Promise.resolve(this.current);
    return this.renew();
  }

  /** Forgets the token if it is still the current one: a 401 proved it dead (revoked, or Keystone restarted). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  renew(): Promise<ServiceSession> {
    this.renewing ??= this.authenticate().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private async authenticate(): Promise<ServiceSession> {
    const answer = await this.http.authenticate(this.service);
    if (answer.status !== 201 || !answer.subjectToken) {
      const reason =
        answer.status === 401
          ? `it rejected the credentials of service user ${this.service.username} (HTTP 401)`
          : `service authentication answered HTTP ${answer.status}`;
      this.log.warn({ status: answer.status, user: this.service.username }, 'Keystone service authentication failed');
      throw new KeystoneUnavailableError(reason);
    }
    const session = this.sessionOf(answer.subjectToken, answer.body);
    this.current = session;
    this.log.debug(
      {
        user: this.service.username,
        projectId: session.projectId,
        auditId: session.auditId,
        refreshAt: new Date(session.refreshAt).toISOString(),
      },
      'Keystone service token obtained',
    );
    return session;
  }

  private sessionOf(token: string, body: unknown): ServiceSession {
    try {
      const parsed = parseTokenBody(body);
      if (!parsed.project) throw new MalformedTokenBodyError('the service token has no project scope');
      const now = this.clock.now().getTime();
      const expiresAt = Date.parse(parsed.expires_at);
      const issuedAt = parsed.issued_at ? Date.parse(parsed.issued_at) : now;
      const margin = Math.min(MAX_RENEW_MARGIN_MS, Math.max(0, (expiresAt - (issuedAt || now)) / 2));
      return {
        token,
        projectId: parsed.project.id,
        catalog: catalogOf(parsed),
        obtainedAt: now,
        refreshAt: expiresAt - margin,
        auditId: firstAuditId(parsed),
      };
    } catch (error) {
      if (error instanceof MalformedTokenBodyError) throw new KeystoneUnavailableError(error.message);
      throw error;
    }
  }
}
