import type { Caller } from '@podgate/kernel';
import { PolicyNotAuthorizedError } from './policy.errors';
import type { PolicyRuleSet } from './policy-rules';

/** Decides whether a caller may do what a rule guards; one per process, built at start-up. */
export class PolicyEnforcer {
  constructor(private readonly rules: PolicyRuleSet) {}

  isRegistered(rule: string): boolean {
    return this.rules.has(rule);
  }

  /** The rules the policy file opens to every authenticated caller; start-up warns about each. */
  get openedByPolicyFile(): PolicyRuleSet['openedByOverrides'] {
    return this.rules.openedByOverrides;
  }

  allows(rule: string, caller: Caller): boolean {
    return this.rules.allows(rule, caller);
  }

  /** Throws Nova's 403 when the caller does not pass the rule. */
  enforce(rule: string, caller: Caller): void {
    if (!this.allows(rule, caller)) throw new PolicyNotAuthorizedError(rule);
  }
}
