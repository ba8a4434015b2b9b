import { parsePolicy, PolicyParseError, type PolicyExpression, referencedRules } from './policy-language';

/** What a rule is checked against: oslo's "credentials", of which podgate's subset needs the roles only. */
export interface PolicySubject {
  readonly roles: readonly string[];
}

/** A rule set that cannot be used as written; the message is one line naming the rule. */
export class PolicyRulesError extends Error {}

/**
 * Every policy rule, parsed once and checked as a whole: each `rule:` reference resolves, no rule
 * refers to itself through others, and an override names a rule podgate enforces (or one that
 * another rule refers to, as oslo files define helper rules like `admin_or_reader`). A misspelt
 * rule name in a policy file would otherwise be ignored and leave the default in force.
 */
export class PolicyRuleSet {
  private constructor(
    private readonly rules: ReadonlyMap<string, PolicyExpression>,
    /**
     * The rules the overrides leave open to every authenticated caller (`@`, `""`, or checks that
     * combine them so, through `rule:` references too), with their check strings; rules the
     * defaults already open are not listed.
     */
    readonly openedByOverrides: readonly { readonly name: string; readonly check: string }[],
  ) {}

  static compile(defaults: Readonly<Record<string, string>>, overrides: Readonly<Record<string, string>> = {}): PolicyRuleSet {
    const sources = { ...defaults, ...overrides };
    const rules = new Map<string, PolicyExpression>();
    for (const [name, source] of Object.entries(sources)) rules.set(name, parseRule(name, source));
    const referenced = new Set([...rules.values()].flatMap(referencedRules));
    for (const name of Object.keys(overrides)) {
      // Own keys only: `constructor` or `toString` are no rules of ours, whatever `in` would say.
      if (!Object.hasOwn(defaults, name) && !referenced.has(name)) {
        throw new PolicyRulesError(`unknown rule "${name}" (podgate enforces ${Object.keys(defaults).sort().join(', ')})`);
      }
    }
    for (const [name, expression] of rules) {
      const missing = referencedRules(expression).find((target) => !rules.has(target));
      if (missing) throw new PolicyRulesError(`rule "${name}" refers to rule:${missing}, which is not defined`);
    }
    assertNoCycle(rules);
    const openByDefault = new Set(openToAll(parseDefaults(defaults, rules, overrides)));
    const opened = openToAll(rules)
      .filter((name) => !openByDefault.has(name))
      .map((name) => ({ name, check: sources[name] }));
    return new PolicyRuleSet(rules, opened);
  }

  has(name: string): boolean {
    return this.rules.has(name);
  }

  names(): string[] {
    return [...this.rules.keys()];
  }

  /** Whether the subject passes the named rule; asking for a rule that does not exist is a bug. */
  allows(name: string, subject: PolicySubject): boolean {
    const roles = new Set(subject.roles.map((role) => role.toLowerCase()));
    return this.evaluate(this.lookup(name), roles);
  }

  private lookup(name: string): PolicyExpression {
    const expression = this.rules.get(name);
    if (!expression) throw new Error(`policy rule "${name}" is not registered`);
    return expression;
  }

  private evaluate(expression: PolicyExpression, roles: ReadonlySet<string>): boolean {
    switch (expression.kind) {
      case 'always':
        return true;
      case 'never':
        return false;
      case 'role':
        // oslo.policy's RoleCheck compares role names without regard to case.
        return roles.has(expression.name.toLowerCase());
      case 'rule':
        return this.evaluate(this.lookup(expression.name), roles);
      case 'not':
        return !this.evaluate(expression.operand, roles);
      case 'and':
        return expression.operands.every((operand) => this.evaluate(operand, roles));
      case 'or':
        return expression.operands.some((operand) => this.evaluate(operand, roles));
      default:
        return unreachable(expression);
    }
  }
}

function parseRule(name: string, source: string): PolicyExpression {
  try {
    return parsePolicy(source);
  } catch (error) {
    if (error instanceof PolicyParseError)
      throw new PolicyRulesError(`rule "${name}": ${error.message} of ${JSON.stringify(source)}`);
    throw error;
  }
}

/** The defaults alone, parsed (a default the overrides replace was parsed with the rest, or is parsed now). */
function parseDefaults(
  defaults: Readonly<Record<string, string>>,
  merged: ReadonlyMap<string, PolicyExpression>,
  overrides: Readonly<Record<string, string>>,
): Map<string, PolicyExpression> {
  const rules = new Map<string, PolicyExpression>();
  for (const [name, source] of Object.entries(defaults)) {
    rules.set(name, Object.hasOwn(overrides, name) ? parseRule(name, source) : (merged.get(name) as PolicyExpression));
  }
  return rules;
}

/** The names of the rules that allow everyone whatever their roles. */
function openToAll(rules: ReadonlyMap<string, PolicyExpression>): string[] {
  return [...rules.keys()].filter((name) => outcome({ kind: 'rule', name }, rules, []) === true);
}

/**
 * What an expression answers whatever the roles: true (always allows), false (never), or undefined
 * when it depends on them. A reference to a missing rule (defaults alone) or a loop depends.
 */
function outcome(
  expression: PolicyExpression,
  rules: ReadonlyMap<string, PolicyExpression>,
  path: readonly string[],
): boolean | undefined {
  switch (expression.kind) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'role':
      return undefined;
    case 'rule': {
      const target = rules.get(expression.name);
      if (!target || path.includes(expression.name)) return undefined;
      return outcome(target, rules, [...path, expression.name]);
    }
    case 'not': {
      const operand = outcome(expression.operand, rules, path);
      return operand === undefined ? undefined : !operand;
    }
    case 'and':
    case 'or': {
      const outcomes = expression.operands.map((operand) => outcome(operand, rules, path));
      const decisive = expression.kind === 'or'; // true decides an `or`, false an `and`
      if (outcomes.includes(decisive)) return decisive;
      return outcomes.every((value) => value === !decisive) ? !decisive : undefined;
    }
    default:
      return unreachable(expression);
  }
}

function assertNoCycle(rules: ReadonlyMap<string, PolicyExpression>): void {
  const done = new Set<string>();
  const visit = (name: string, path: readonly string[]): void => {
    if (path.includes(name)) {
      throw new PolicyRulesError(
        `rules refer to each other in a loop: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`,
      );
    }
    if (done.has(name)) return;
    for (const target of referencedRules(rules.get(name) ?? { kind: 'never' })) visit(target, [...path, name]);
    done.add(name);
  };
  for (const name of rules.keys()) visit(name, []);
}

function unreachable(value: never): never {
  throw new Error(`unexpected policy expression ${JSON.stringify(value)}`);
}
