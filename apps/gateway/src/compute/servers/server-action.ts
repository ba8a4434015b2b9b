import { DomainError } from '@podgate/kernel';

/**
 * Nova's answer to an action body that does not name exactly one action: action_peek raises
 * MalformedRequestBody, which wsgi.Resource._process_stack answers with this fixed text.
 */
export class MalformedActionBodyError extends DomainError {
  readonly code = 'SERVERS.MALFORMED_ACTION_BODY';
  readonly kind = 'badRequest';
  constructor() {
    super('Malformed request body');
  }
}

/**
 * Every action and sub-resource name Nova has fits this (e.g. `os-migrateLive`, `trigger_crash_dump`,
 * `os-volume_attachments`). SECURITY: the name is recorded in the server's events and echoed in
 * errors: anything else is refused before either, so a tenant cannot store or bounce a megabyte.
 */
const NOVA_NAME = /^[A-Za-z0-9_:.-]{1,64}$/;
const SHOWN = 64;

/** Nova's 400 for an action it does not have (wsgi.py `_process_stack`), the name cut to 64 characters. */
export class UnknownServerActionError extends DomainError {
  readonly code = 'SERVERS.UNKNOWN_ACTION';
  readonly kind = 'badRequest';
  constructor(name: string) {
    super(`There is no such action: ${name.length > SHOWN ? `${name.slice(0, SHOWN)}…` : name}`);
  }
}

/** Nova's 404 for a path it has no route for. */
export class UnknownServerResourceError extends DomainError {
  readonly code = 'SERVERS.UNKNOWN_RESOURCE';
  readonly kind = 'itemNotFound';
  constructor() {
    super('The resource could not be found.');
  }
}

/** The action a POST /servers/{id}/action body names: its single key, when Nova could have it. */
export function actionNameOf(body: unknown): string {
  const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : [];
  if (keys.length !== 1) throw new MalformedActionBodyError();
  if (!NOVA_NAME.test(keys[0])) throw new UnknownServerActionError(keys[0]);
  return keys[0];
}

/** The action recorded for a write on a sub-resource (`PUT metadata`, `DELETE tags`), when Nova could route it. */
export function subresourceAction(method: string, rest: string): string {
  const resource = rest.split('/')[0];
  if (!NOVA_NAME.test(resource)) throw new UnknownServerResourceError();
  return `${method.toUpperCase()} ${resource}`;
}
