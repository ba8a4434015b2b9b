import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@podgate/config';
import { ADMIN_POLICY_DEFAULTS } from './admin-policy.defaults';
import { loadPolicyRules, parsePolicyFile } from './policy-file';

const reader = { roles: ['reader'] };

describe('policy file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'podgate-policy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (text: string): string => {
    const path = join(dir, 'policy.yaml');
    writeFileSync(path, text);
    return path;
  };

  it('reads oslo.policy YAML: rule name to check string', () => {
    expect(parsePolicyFile('"admin:pods:list": "role:reader or role:admin"\nadmin:pods:show: role:admin\n', 'p.yaml')).toEqual({
      'admin:pods:list': 'role:reader or role:admin',
      'admin:pods:show': 'role:admin',
    });
    expect(parsePolicyFile('# nothing overridden\n', 'p.yaml')).toEqual({});
  });

  it('applies the file over the defaults, leaving the other rules as they were', () => {
    const rules = loadPolicyRules(ADMIN_POLICY_DEFAULTS, file('"admin:pods:list": "role:reader or role:admin"\n'));
    expect(rules.allows('admin:pods:list', reader)).toBe(true);
    expect(rules.allows('admin:pods:show', reader)).toBe(false);
  });

  it('defaults every admin rule to role:admin', () => {
    const rules = loadPolicyRules(ADMIN_POLICY_DEFAULTS, undefined);
    expect(rules.names()).toHaveLength(13);
    for (const name of rules.names()) {
      expect([name, rules.allows(name, { roles: ['admin'] }), rules.allows(name, { roles: ['member', 'reader'] })]).toEqual([
        name,
        true,
        false,
      ]);
    }
  });

  it.each([
    ['"admin:pods:list": [role:admin', /^PODGATE_POLICY_FILE: .*policy\.yaml is not valid YAML: .+$/],
    ['- role:admin\n', /^PODGATE_POLICY_FILE: .*policy\.yaml must map rule names to check strings$/],
    ['"admin:pods:list": 3\n', /^PODGATE_POLICY_FILE: .*policy\.yaml: rule "admin:pods:list" must be a check string, got 3$/],
    [
      '"admin:pods:lst": "role:admin"\n',
      /^PODGATE_POLICY_FILE: .*policy\.yaml: unknown rule "admin:pods:lst" \(podgate enforces admin:audit:export, /,
    ],
    [
      '"admin:pods:list": "role:admin or"\n',
      /^PODGATE_POLICY_FILE: .*policy\.yaml: rule "admin:pods:list": unexpected end of rule, .* at column 14 of "role:admin or"$/,
    ],
  ])('stops start-up on %j with one line naming the file', (text, message) => {
    const error = catchError(() => loadPolicyRules(ADMIN_POLICY_DEFAULTS, file(text)));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('stops start-up when the file cannot be read', () => {
    const missing = join(dir, 'absent.yaml');
    expect(() => loadPolicyRules(ADMIN_POLICY_DEFAULTS, missing)).toThrow(
      new ConfigError(`PODGATE_POLICY_FILE: cannot read ${missing}: ENOENT`),
    );
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
