/** Who asked: the identity a request carried, recorded on every event it causes. */
export interface Actor {
  readonly userId: string;
  readonly projectId: string;
  readonly roles: readonly string[];
}

/** The actor for work podgate does on its own (reconcilers, collectors, migrations). */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: 'podgate', projectId: 'podgate', roles: ['system'] });
