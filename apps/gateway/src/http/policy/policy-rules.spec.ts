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

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'refuses an override named %s, which no default object owns',
    (name) => {
      const overrides = JSON.parse(`{${JSON.stringify(name)}: "@"}`) as Record<string, string>;
      expect(() => PolicyRuleSet.compile(DEFAULTS, overrides)).toThrow(
        new PolicyRulesError(`unknown rule "${name}" (podgate enforces admin:pods:list, admin:pods:show)`),
      );
    },
  );

  it('lists the rules the overrides open to everyone, by any spelling, and not those the defaults open', () => {
    const rules = PolicyRuleSet.compile(
      { ...DEFAULTS, 'admin:audit:list': 'role:admin', 'os:open': '@', 'os:helped': 'rule:helper', helper: 'role:admin' },
      {
        'admin:pods:list': '@',
        'admin:pods:show': '',
        'admin:audit:list': 'not ! and (role:x or @)',
        helper: '@',
      },
    );
    expect(rules.openedByOverrides).toEqual([
      { name: 'admin:pods:list', check: '@' },
      { name: 'admin:pods:show', check: '' },
      { name: 'admin:audit:list', check: 'not ! and (role:x or @)' },
      { name: 'os:helped', check: 'rule:helper' },
      { name: 'helper', check: '@' },
    ]);
    expect(PolicyRuleSet.compile(DEFAULTS, { 'admin:pods:list': 'role:admin or !' }).openedByOverrides).toEqual([]);
  });

  it('treats asking for an unregistered rule as a bug, never as a denial', () => {
    expect(() => PolicyRuleSet.compile(DEFAULTS).allows('admin:nothing', admin)).toThrow(
      'policy rule "admin:nothing" is not registered',
    );
  });
});
