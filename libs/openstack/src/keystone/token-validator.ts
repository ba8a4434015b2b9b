// keystonemiddleware's auth_token check: X-Subject-Token validated with the service token, answers
// cached by the token's digest, a 401 to the service token answered by one re-authentication.
import type { Clock } from '@podgate/kernel';
import { KeystoneHttp, type KeystoneAnswer } from './keystone-http';
import type { KeystoneLogger } from './keystone-logger';
import { InvalidTokenError, KeystoneUnavailableError } from './keystone.errors';
import { ServiceSessions } from './service-session';
import { type Identity, MalformedTokenBodyError, firstAuditId, identityOf, parseTokenBody } from './token-body';
import { TokenCache, tokenKey } from './token-cache';

export interface TokenValidatorOptions {
  readonly tokenCacheSeconds: number;
  readonly invalidTokenCacheSeconds: number;
  readonly maxCachedTokens: number;
}

export class TokenValidator {
  private readonly cache: TokenCache;

  constructor(
    private readonly http: KeystoneHttp,
    private readonly sessions: ServiceSessions,
    private readonly options: TokenValidatorOptions,
    private readonly clock: Clock,
    private readonly log: KeystoneLogger,
  ) {
    this.cache = new TokenCache(clock, options.maxCachedTokens);
  }

  async validate(token: string): Promise<Identity> {
    if (!token) throw new InvalidTokenError();
    const key = tokenKey(token);
    const cached = this.cache.lookup(key);
    if (cached) {
      if (cached.identity) return cached.identity;
      throw new InvalidTokenError();
    }
    return this.cache.once(key, () => this.validateWithKeystone(token, key));
  }

  private async validateWithKeystone(token: string, key: string): Promise<Identity> {
    let session = await this.sessions.get();
    let answer = await this.http.validate(session.token, token);
    if (answer.status === 401) {
      // Keystone answers 404 for a bad subject token, so a 401 is about the service token (revoked,
      // expired early, Keystone's keys rotated). A 401 with a fresh one is about the subject after all.
      this.log.warn({ serviceAuditId: session.auditId }, 'Keystone rejected the service token; re-authenticating once');
      this.sessions.invalidate(session.token);
      session = await this.sessions.get();
      answer = await this.http.validate(session.token, token);
    }
    if (answer.status === 200) return this.accept(key, answer);
    if (answer.status === 404 || answer.status === 401) return this.refuse(key, `HTTP ${answer.status}`);
    this.log.warn({ status: answer.status }, 'Keystone token validation failed');
    throw new KeystoneUnavailableError(`token validation answered HTTP ${answer.status}`);
  }

  private accept(key: string, answer: KeystoneAnswer): Identity {
    let parsed: ReturnType<typeof parseTokenBody>;
    try {
      parsed = parseTokenBody(answer.body);
    } catch (error) {
      if (error instanceof MalformedTokenBodyError) throw new KeystoneUnavailableError(error.message);
      throw error;
    }
    const identity = identityOf(parsed);
    // podgate's APIs are all project-scoped: a domain, system or unscoped token proves nothing useful.
    if (!identity) return this.refuse(key, 'not project-scoped');
    if (identity.expiresAt.getTime() <= this.clock.now().getTime()) return this.refuse(key, 'expired');
    this.cache.remember(key, identity, this.options.tokenCacheSeconds * 1000, identity.expiresAt.getTime());
    this.log.debug(
      { auditId: firstAuditId(parsed), userId: identity.userId, projectId: identity.projectId },
      'Keystone token validated',
    );
    return identity;
  }

  private refuse(key: string, why: string): never {
    this.cache.remember(key, null, this.options.invalidTokenCacheSeconds * 1000);
    this.log.debug({ tokenSha256Prefix: key.slice(0, 12), why }, 'Keystone token refused');
    throw new InvalidTokenError();
  }
}
