// Issued tokens of the simulated Keystone. Opaque random ids (shaped like Fernet tokens), kept in
// memory, expiring on the injectable clock.
import { randomBytes } from 'node:crypto';
import { Clock } from '../clock';
import { IdentityDirectory, Project, Role, User } from './identity-directory';

export interface Token {
  id: string;
  user: User;
  project?: Project;
  roles: Role[];
  methods: string[];
  issuedAt: number;
  expiresAt: number;
  auditIds: string[];
}

export interface IssueRequest {
  user: User;
  project?: Project;
  methods: string[];
  /** Re-scoped tokens keep the expiry of the token they came from, as Keystone does. */
  expiresAt?: number;
  parentAuditId?: string;
}

const newTokenId = (): string => `gAAAAAB${randomBytes(132).toString('base64url')}`;
const newAuditId = (): string => randomBytes(16).toString('base64url').slice(0, 22);

export class TokenStore {
  private readonly tokens = new Map<string, Token>();

  constructor(
    private readonly directory: IdentityDirectory,
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {}

  issue(request: IssueRequest): Token {
    const now = this.clock();
    const token: Token = {
      id: newTokenId(),
      user: request.user,
      project: request.project,
      roles: request.project ? this.directory.rolesOn(request.user.id, request.project.id) : [],
      methods: request.methods,
      issuedAt: now,
      expiresAt: request.expiresAt ?? now + this.ttlSeconds * 1000,
      auditIds: request.parentAuditId ? [newAuditId(), request.parentAuditId] : [newAuditId()],
    };
    this.tokens.set(token.id, token);
    this.forgetExpired(now);
    return token;
  }

  /** The token if it exists and has not expired; expired tokens behave like unknown ones. */
  validate(id: string | undefined): Token | undefined {
    if (!id) return undefined;
    const token = this.tokens.get(id);
    if (!token) return undefined;
    if (token.expiresAt <= this.clock()) return undefined;
    return token;
  }

  revoke(id: string): boolean {
    return this.tokens.delete(id);
  }

  private forgetExpired(now: number): void {
    // Bounded memory for long demos; runs on issue only, so validation stays O(1).
    if (this.tokens.size < 10_000) return;
    for (const [id, token] of this.tokens) if (token.expiresAt <= now) this.tokens.delete(id);
  }
}
