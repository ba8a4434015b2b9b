import { readFileSync } from 'node:fs';
import { ConfigError } from '@podgate/config';
import { parse } from 'yaml';
import { PolicyRuleSet, PolicyRulesError } from './policy-rules';

const SETTING = 'PODGATE_POLICY_FILE';

/**
 * The rule set in force: the defaults, overridden by the YAML policy file when there is one
 * (oslo.policy's format: a mapping of rule name to check string). Anything wrong with the file
 * stops start-up with one line naming the file and the problem.
 */
export function loadPolicyRules(defaults: Readonly<Record<string, string>>, policyFile: string | undefined): PolicyRuleSet {
  const overrides = policyFile === undefined ? {} : readOverrides(policyFile);
  try {
    return PolicyRuleSet.compile(defaults, overrides);
  } catch (error) {
    if (error instanceof PolicyRulesError)
      throw new ConfigError(`${SETTING}: ${policyFile ?? 'default rules'}: ${error.message}`);
    throw error;
  }
}

/** The rule overrides a policy file's text declares. */
export function parsePolicyFile(text: string, policyFile: string): Record<string, string> {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ConfigError(`${SETTING}: ${policyFile} is not valid YAML: ${firstLine((error as Error).message)}`);
  }
  // oslo.policy reads an empty file as "no overrides".
  if (document === null || document === undefined) return {};
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new ConfigError(`${SETTING}: ${policyFile} must map rule names to check strings`);
  }
  const overrides: Record<string, string> = {};
  for (const [name, check] of Object.entries(document)) {
    if (typeof check !== 'string')
      throw new ConfigError(`${SETTING}: ${policyFile}: rule "${name}" must be a check string, got ${JSON.stringify(check)}`);
    overrides[name] = check;
  }
  return overrides;
}

function readOverrides(policyFile: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(policyFile, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${SETTING}: cannot read ${policyFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parsePolicyFile(text, policyFile);
}

const firstLine = (message: string): string => message.split('\n')[0].trim();
