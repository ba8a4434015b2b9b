/**
 * The subset of oslo.policy's check strings podgate understands: `role:<name>`, `rule:<name>`,
 * `@` (always), `!` (never), `and`, `or`, `not` and parentheses. Precedence as in oslo:
 * `not` binds tightest, then `and`, then `or`; `a or b and c` means `a or (b and c)`.
 * Unlike oslo, which logs a bad rule and denies, a bad rule here is an error the caller reports,
 * so a policy file with a typo stops start-up instead of silently locking everyone out.
 */
export type PolicyExpression =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | { readonly kind: 'role'; readonly name: string }
  | { readonly kind: 'rule'; readonly name: string }
  | { readonly kind: 'not'; readonly operand: PolicyExpression }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly PolicyExpression[] };

export class PolicyParseError extends Error {
  constructor(
    readonly reason: string,
    /** 1-based column of the offending token in the check string. */
    readonly column: number,
  ) {
    super(`${reason} at column ${column}`);
  }
}

type Token =
  | { readonly type: '(' | ')' | 'and' | 'or' | 'not'; readonly column: number; readonly text: string }
  | { readonly type: 'check'; readonly column: number; readonly text: string; readonly check: PolicyExpression };

export function parsePolicy(source: string): PolicyExpression {
  const tokens = tokenize(source);
  // oslo.policy: an empty check string allows everyone, like `@`.
  if (tokens.length === 0) return { kind: 'always' };
  const parser = new Parser(tokens, source.length + 1);
  const expression = parser.orExpression();
  parser.expectEnd();
  return expression;
}

/** The names every `rule:` in the expression refers to. */
export function referencedRules(expression: PolicyExpression): string[] {
  switch (expression.kind) {
    case 'rule':
      return [expression.name];
    case 'not':
      return referencedRules(expression.operand);
    case 'and':
    case 'or':
      return expression.operands.flatMap(referencedRules);
    case 'always':
    case 'never':
    case 'role':
      return [];
    default:
      return assertNever(expression);
  }
}

/** As oslo: split on whitespace, then peel parentheses off the ends of each word. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const words = /\S+/g;
  for (let match = words.exec(source); match; match = words.exec(source)) {
    const word = match[0];
    const start = match.index + 1;
    const opening = /^\(*/.exec(word)![0].length;
    const closing = /\)*$/.exec(word.slice(opening))![0].length;
    const core = word.slice(opening, word.length - closing);
    for (let i = 0; i < opening; i += 1) tokens.push({ type: '(', column: start + i, text: '(' });
    if (core) tokens.push(wordToken(core, start + opening));
    for (let i = 0; i < closing; i += 1) tokens.push({ type: ')', column: start + opening + core.length + i, text: ')' });
  }
  return tokens;
}

function wordToken(text: string, column: number): Token {
  const keyword = text.toLowerCase();
  if (keyword === 'and' || keyword === 'or' || keyword === 'not') return { type: keyword, column, text };
  return { type: 'check', column, text, check: parseCheck(text, column) };
}

function parseCheck(text: string, column: number): PolicyExpression {
  if (text === '@') return { kind: 'always' };
  if (text === '!') return { kind: 'never' };
  const colon = text.indexOf(':');
  const kind = colon > 0 ? text.slice(0, colon) : '';
  const name = text.slice(colon + 1);
  if (kind !== 'role' && kind !== 'rule') {
    throw new PolicyParseError(`unsupported check "${text}" (podgate understands role:<name>, rule:<name>, @ and !)`, column);
  }
  if (!name) throw new PolicyParseError(`"${text}" names no ${kind}`, column);
  if (/[()]/.test(name))
    throw new PolicyParseError(`"${text}": a ${kind} name cannot hold parentheses (put spaces around grouping ones)`, column);
  return { kind, name };
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly endColumn: number,
  ) {}

  orExpression(): PolicyExpression {
    return this.chain('or', () => this.andExpression());
  }

  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) throw new PolicyParseError(`unexpected "${token.text}"`, token.column);
  }

  private andExpression(): PolicyExpression {
    return this.chain('and', () => this.notExpression());
  }

  private chain(operator: 'and' | 'or', operand: () => PolicyExpression): PolicyExpression {
    const operands = [operand()];
    while (this.peek()?.type === operator) {
      this.index += 1;
      operands.push(operand());
    }
    return operands.length === 1 ? operands[0] : { kind: operator, operands };
  }

  private notExpression(): PolicyExpression {
    if (this.peek()?.type !== 'not') return this.primary();
    this.index += 1;
    return { kind: 'not', operand: this.notExpression() };
  }

  private primary(): PolicyExpression {
    const token = this.tokens[this.index];
    if (!token) throw new PolicyParseError('unexpected end of rule, expected a check or "("', this.endColumn);
    this.index += 1;
    if (token.type === 'check') return token.check;
    if (token.type !== '(') throw new PolicyParseError(`unexpected "${token.text}", expected a check or "("`, token.column);
    const inner = this.orExpression();
    const closing = this.tokens[this.index];
    if (closing?.type !== ')') {
      const where = closing ? `"${closing.text}"` : 'end of rule';
      throw new PolicyParseError(
        `expected ")" to close the "(" at column ${token.column}, found ${where}`,
        closing?.column ?? this.endColumn,
      );
    }
    this.index += 1;
    return inner;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected policy expression ${JSON.stringify(value)}`);
}
