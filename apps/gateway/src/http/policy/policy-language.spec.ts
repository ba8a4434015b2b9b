import { parsePolicy, PolicyParseError, referencedRules } from './policy-language';

const role = (name: string) => ({ kind: 'role', name });
const rule = (name: string) => ({ kind: 'rule', name });

describe('parsePolicy (oslo.policy check strings)', () => {
  it.each([
    ['@', { kind: 'always' }],
    ['!', { kind: 'never' }],
    ['role:admin', role('admin')],
    ['rule:admin_api', rule('admin_api')],
    ['', { kind: 'always' }],
    ['   ', { kind: 'always' }],
  ])('reads %j', (source, expected) => {
    expect(parsePolicy(source)).toEqual(expected);
  });

  it('binds "and" tighter than "or": a or b and c is a or (b and c)', () => {
    expect(parsePolicy('role:a or role:b and role:c')).toEqual({
      kind: 'or',
      operands: [role('a'), { kind: 'and', operands: [role('b'), role('c')] }],
    });
  });

  it('lets parentheses override precedence, with or without spaces around them', () => {
    const expected = { kind: 'and', operands: [{ kind: 'or', operands: [role('a'), role('b')] }, role('c')] };
    expect(parsePolicy('(role:a or role:b) and role:c')).toEqual(expected);
    expect(parsePolicy('( role:a or role:b ) and ((role:c))')).toEqual(expected);
  });

  it('binds "not" tighter than "and", and nests it', () => {
    expect(parsePolicy('not role:a and role:b')).toEqual({
      kind: 'and',
      operands: [{ kind: 'not', operand: role('a') }, role('b')],
    });
    expect(parsePolicy('not not role:a')).toEqual({ kind: 'not', operand: { kind: 'not', operand: role('a') } });
    expect(parsePolicy('not (role:a or role:b)')).toEqual({
      kind: 'not',
      operand: { kind: 'or', operands: [role('a'), role('b')] },
    });
  });

  it('flattens chains of one operator and reads keywords in any case, as oslo does', () => {
    expect(parsePolicy('role:a OR role:b Or role:c')).toEqual({ kind: 'or', operands: [role('a'), role('b'), role('c')] });
  });

  it.each([
    ['role:admin or', 'unexpected end of rule, expected a check or "(" at column 14'],
    ['or role:admin', 'unexpected "or", expected a check or "(" at column 1'],
    ['role:a role:b', 'unexpected "role:b" at column 8'],
    ['(role:a or role:b', 'expected ")" to close the "(" at column 1, found end of rule at column 18'],
    ['role:a)', 'unexpected ")" at column 7'],
    ['role:a and ()', 'unexpected ")", expected a check or "(" at column 13'],
    [
      'role:a or project_id:%(project_id)s',
      'unsupported check "project_id:%(project_id)s" (podgate understands role:<name>, rule:<name>, @ and !) at column 11',
    ],
    ['is_admin:True', 'unsupported check "is_admin:True" (podgate understands role:<name>, rule:<name>, @ and !) at column 1'],
    ['role:', '"role:" names no role at column 1'],
    ['(role:a)and role:b', '"role:a)and": a role name cannot hold parentheses (put spaces around grouping ones) at column 2'],
    ['not', 'unexpected end of rule, expected a check or "(" at column 4'],
  ])('refuses %j with the position of the problem', (source, message) => {
    const error = catchError(() => parsePolicy(source));
    expect(error).toBeInstanceOf(PolicyParseError);
    expect(error.message).toBe(message);
  });

  it('reports the column of a bad token after others', () => {
    expect((catchError(() => parsePolicy('role:a and  role:b or or')) as PolicyParseError).column).toBe(23);
  });

  it('lists the rules an expression refers to', () => {
    expect(referencedRules(parsePolicy('rule:a or (not rule:b and role:c) or @'))).toEqual(['a', 'b']);
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
