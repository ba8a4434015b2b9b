// Resolves a POST /v3/auth/tokens body (password or token method, optional project scope) to
// the user and project of the new token, with Keystone's error behaviour: anything wrong with
// credentials or scope is a bare 401 that does not say which part was wrong.
import { Json, isObject } from '../http/body';
import { OpenStackError } from '../http/openstack-error';
import { IdentityDirectory, Project, User } from './identity-directory';
import { IssueRequest, TokenStore } from './token-store';

const keystoneError = (status: number, message: string) => new OpenStackError(status, message, undefined, 'keystone');
const notAuthenticated = () => keystoneError(401, 'The request you have made requires authentication.');
const invalidInput = (message: string) => keystoneError(400, `Invalid input for field 'identity': ${message}`);

export function resolveTokenRequest(body: unknown, directory: IdentityDirectory, tokens: TokenStore): IssueRequest {
  const auth = isObject(body) && isObject(body.auth) ? body.auth : undefined;
  if (!auth || !isObject(auth.identity))
    throw keystoneError(400, "Invalid input for field 'auth': 'identity' is a required property");
  const identity = auth.identity;
  const methods = identity.methods;
  if (!Array.isArray(methods) || methods.length === 0 || !methods.every((m) => typeof m === 'string')) {
    throw invalidInput("'methods' is a required property");
  }
  let user: User;
  let expiresAt: number | undefined;
  let parentAuditId: string | undefined;
  if (methods.includes('password')) {
    user = passwordUser(identity.password, directory);
  } else if (methods.includes('token')) {
    const parent = tokens.validate(isObject(identity.token) ? String(identity.token.id ?? '') : undefined);
    if (!parent) throw notAuthenticated();
    user = parent.user;
    expiresAt = parent.expiresAt;
    parentAuditId = parent.auditIds[0];
  } else {
    throw keystoneError(401, `Attempted to authenticate with an unsupported method.`);
  }
  const project = scopedProject(auth.scope, user, directory);
  return { user, project, methods: methods as string[], expiresAt, parentAuditId };
}

function passwordUser(password: unknown, directory: IdentityDirectory): User {
  if (!isObject(password) || !isObject(password.user)) throw invalidInput("'user' is a required property");
  const ref = password.user;
  const user = directory.findUser({ id: str(ref.id), name: str(ref.name) });
  if (!user || ref.password !== user.password || !domainMatches(ref.domain, user)) throw notAuthenticated();
  return user;
}

function domainMatches(domain: unknown, user: User): boolean {
  // A user found by id needs no domain; by name Keystone requires one.
  if (!isObject(domain)) return true;
  return domain.id === user.domain.id || domain.name === user.domain.name;
}

function scopedProject(scope: unknown, user: User, directory: IdentityDirectory): Project | undefined {
  if (scope === undefined || scope === null) {
    // Keystone scopes an unscoped request to the user's default project when there is one.
    const fallback = user.defaultProjectId ? directory.getProject(user.defaultProjectId) : undefined;
    return fallback && directory.rolesOn(user.id, fallback.id).length > 0 ? fallback : undefined;
  }
  if (!isObject(scope) || !isObject(scope.project)) {
    throw keystoneError(400, 'The pod simulator only supports project scope (no domain or system scope).');
  }
  const ref: Json = scope.project;
  const project = directory.findProject({ id: str(ref.id), name: str(ref.name) });
  if (!project || directory.rolesOn(user.id, project.id).length === 0) throw notAuthenticated();
  return project;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
