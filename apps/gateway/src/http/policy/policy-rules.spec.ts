import { PolicyRuleSet, PolicyRulesError } from './policy-rules';

const DEFAULTS = { 'admin:pods:list': 'role:admin', 'admin:pods:show': 'role:admin' };
const member = { roles: ['member', 'reader'] };
const admin = { roles: ['admin', 'member', 'reader'] };

describe('PolicyRuleSet', () => {
  it('holds the defaults: admins pass, members do not', () => {
    const rules = PolicyRuleSet.compile(DEFAULTS);
    expect(rules.allows('admin:pods:list', admin)).toBe(true);
    expect(rules.allows('admin:pods:list', member)).toBe(false);
    expect(rules.allows('admin:pods:list', { roles: [] })).toBe(false);
  });

  it('compares role names without regard to case, as oslo.policy does', () => {
    const rules = PolicyRuleSet.compile({ 'admin:pods:list': 'role:Admin' });
    expect(rules.allows('admin:pods:list', { roles: ['ADMIN'] })).toBe(true);
  });

  it('lets an override replace a default', () => {
    const rules = PolicyRuleSet.compile(DEFAULTS, { 'admin:pods:list': 'role:reader or role:admin' });
    expect(rules.allows('admin:pods:list', member)).toBe(true);
    expect(rules.allows('admin:pods:show', member)).toBe(false);
  });

  it('evaluates @, !, not, and, or and rule references', () => {
    const rules = PolicyRuleSet.compile(DEFAULTS, {
      admin_or_reader: 'role:admin or role:reader',
      'admin:pods:list': 'rule:admin_or_reader and not role:suspended',
      'admin:pods:show': '!',
    });
    expect(rules.allows('admin:pods:list', member)).toBe(true);
    expect(rules.allows('admin:pods:list', { roles: ['reader', 'suspended'] })).toBe(false);
    expect(rules.allows('admin:pods:show', admin)).toBe(false);
    expect(PolicyRuleSet.compile({ anyone: '@' }).allows('anyone', { roles: [] })).toBe(true);
  });

  it.each([
    [{ 'admin:pod:list': 'role:reader' }, 'unknown rule "admin:pod:list" (podgate enforces admin:pods:list, admin:pods:show)'],
    [{ 'admin:pods:list': 'rule:nowhere' }, 'rule "admin:pods:list" refers to rule:nowhere, which is not defined'],
    [
      { 'admin:pods:list': 'role:admin or' },
      'rule "admin:pods:list": unexpected end of rule, expected a check or "(" at column 14 of "role:admin or"',
    ],
    [{ a: 'rule:b', b: 'rule:a', 'admin:pods:list': 'rule:a' }, 'rules refer to each other in a loop: a -> b -> a'],
    [{ 'admin:pods:list': 'rule:admin:pods:list' }, 'rules refer to each other in a loop: admin:pods:list -> admin:pods:list'],
  ])('refuses overrides %j: %s', (overrides, message) => {
    expect(() => PolicyRuleSet.compile(DEFAULTS, overrides)).toThrow(new PolicyRulesError(message));
  });

  it('treats asking for an unregistered rule as a bug, never as a denial', () => {
    expect(() => PolicyRuleSet.compile(DEFAULTS).allows('admin:nothing', admin)).toThrow(
      'policy rule "admin:nothing" is not registered',
    );
  });
});
