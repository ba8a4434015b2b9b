// keystonemiddleware's token cache: answers remembered by a hash of the token, valid ones until
// min(expiry, now + cache time), refusals briefly. Time comes from the injected clock, not from
// lru-cache's own TTL timer, so tests can move it.
import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Clock } from '@podgate/kernel';
import type { Identity } from './token-body';

/**
 * SECURITY: the cache, the in-flight map and the logs only ever see this digest, never the token.
 * One-shot crypto.hash: a third of createHash's cost, and it runs on every authenticated request.
 */
export const tokenKey = (token: string): string => hash('sha256', token, 'hex');

export type CachedAnswer =
  { readonly identity: Identity; readonly until: number } | { readonly identity: null; readonly until: number };

export class TokenCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  private readonly inFlight = new Map<string, Promise<Identity>>();

  constructor(
    private readonly clock: Clock,
    maxEntries: number,
  ) {
    this.answers = new LRUCache({ max: maxEntries });
  }

  lookup(key: string): CachedAnswer | undefined {
    const answer = this.answers.get(key);
    if (answer && answer.until > this.clock.now().getTime()) return answer;
    if (answer) this.answers.delete(key);
    return undefined;
  }

  remember(key: string, identity: Identity | null, forMs: number, notAfter = Infinity): void {
    const until = Math.min(this.clock.now().getTime() + forMs, notAfter);
    if (forMs > 0 && until > this.clock.now().getTime()) this.answers.set(key, { identity, until });
  }

  /** Concurrent validations of one token share one Keystone round trip. */
  once(key: string, validate: () => Promise<Identity>): Promise<Identity> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = validate().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
