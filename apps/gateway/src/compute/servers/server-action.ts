import { DomainError } from '@podgate/kernel';

/** Nova's MalformedRequestBody (wsgi.action_peek): an action body names exactly one action. */
export class MalformedActionBodyError extends DomainError {
  readonly code = 'SERVERS.MALFORMED_ACTION_BODY';
  readonly kind = 'badRequest';
  constructor() {
    super('Malformed message body: too many body keys');
  }
}

/** The action a POST /servers/{id}/action body names: its single key. */
export function actionNameOf(body: unknown): string {
  const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : [];
  if (keys.length !== 1) throw new MalformedActionBodyError();
  return keys[0];
}
