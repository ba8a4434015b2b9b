import type { AuthConfig } from '@podgate/config';
import { type Caller, type Clock, DomainError, type RequestContext } from '@podgate/kernel';
import { AuthenticationRequiredError } from './auth.errors';
import { globalRequestIdFrom } from './global-request-id';
import { noauthCaller } from './noauth-caller';
import type { Identity, TokenValidator } from './token-validator';

/** The parts of an HTTP request authentication reads. */
export interface AuthenticationRequest {
  /** podgate's own id for the request, `req-<uuid>`. */
  readonly requestId: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Turns a request's X-Auth-Token into the RequestContext commands carry, or refuses it with a 401. */
export class Authenticator {
  /** The WWW-Authenticate value of a 401, telling clients where to get a token (Keystone mode only). */
  readonly challenge: string | undefined;

  constructor(
    private readonly auth: AuthConfig,
    private readonly clock: Clock,
    private readonly validator?: TokenValidator,
  ) {
    if (auth.strategy === 'keystone' && !validator) throw new Error('Keystone authentication needs a TokenValidator');
    this.challenge = auth.strategy === 'keystone' ? `Keystone uri="${auth.url.replace(/\/v3\/?$/, '')}"` : undefined;
  }

  async authenticate(request: AuthenticationRequest): Promise<RequestContext> {
    // SECURITY: the token is carried in the context for forwarding only; it is never logged or put in an error.
    const token = firstValue(request.headers['x-auth-token'])?.trim();
    if (!token) throw new AuthenticationRequiredError();
    const caller =
      this.auth.strategy === 'noauth'
        ? noauthCaller(token, firstValue(request.headers['x-roles']))
        : await this.keystoneCaller(token);
    const globalRequestId = globalRequestIdFrom(request.headers['x-openstack-request-id']);
    return { requestId: request.requestId, ...(globalRequestId ? { globalRequestId } : {}), caller, token };
  }

  private async keystoneCaller(token: string): Promise<Caller> {
    const identity = await this.validate(token);
    // A validator may cache; a token past its expiry is refused here whatever the cache says.
    if (identity.expiresAt.getTime() <= this.clock.now().getTime()) throw new AuthenticationRequiredError();
    return callerOf(identity);
  }

  private async validate(token: string): Promise<Identity> {
    try {
      return await (this.validator as TokenValidator).validateToken(token);
    } catch (error) {
      // One answer for every refused token, whatever words the validator chose.
      if (error instanceof DomainError && error.kind === 'unauthorized') throw new AuthenticationRequiredError({ cause: error });
      if (error instanceof DomainError) throw error;
      // SECURITY: a stray driver error (an AxiosError, say) carries the request's headers, tokens included,
      // in enumerable fields the error log would print; as a non-enumerable cause only its message is logged.
      throw new Error('token validation failed', { cause: error });
    }
  }
}

export function callerOf(identity: Identity): Caller {
  return {
    userId: identity.userId,
    projectId: identity.projectId,
    roles: [...identity.roles],
    userName: identity.userName,
    projectName: identity.projectName,
    domainId: identity.projectDomainId,
  };
}

const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
