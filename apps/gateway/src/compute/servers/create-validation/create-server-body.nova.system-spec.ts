// Differential spec: podgate's server-create validation against Nova's own (Debian python3-nova),
// schema for schema at every microversion, and verdict for verdict (message included) over the
// ~70,000 bodies of testing/create-body.corpus.ts. Needs /usr/bin/python3 with python3-nova.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseApiVersion } from '../../../api/microversion/api-version';
import { CREATE_BODY_CASES, type CreateBodyCase } from './testing/create-body.corpus';
import { createServerSchemaFor } from './create-server.schemas';
import { DESCRIPTION_PATTERN } from '../../validation/nova-json-schema';
import { validateCreateServerBody } from './create-server-body';

const NOVA = '/usr/lib/python3/dist-packages/nova/api/openstack/compute/schemas/servers.py';
const SCRIPT = join(__dirname, 'testing', 'nova_create_body.py');

function nova(args: readonly string[], input?: string): unknown {
  const output = execFileSync('/usr/bin/python3', [SCRIPT, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return JSON.parse(output);
}

interface Verdict {
  readonly verdict: string;
  readonly message?: string;
}

function ours(testCase: CreateBodyCase): Verdict {
  try {
    validateCreateServerBody(structuredClone(testCase.body), parseApiVersion(testCase.version));
    return { verdict: 'pass' };
  } catch (error) {
    return { verdict: '400', message: (error as Error).message };
  }
}

const SECRET_FIELDS = /"(adminPass|user_data|contents)"/;
/** Nova prints its generated description regex (kilobytes); podgate names it. */
const DESCRIPTION_MISMATCH = /does not match '\^\[.{1000,}\]\*\$'$/s;

type Server = Record<string, unknown>;
const serverOf = (testCase: CreateBodyCase): Server => (testCase.body as { server?: Server }).server ?? {};

/** Bodies Nova's own code fails on (a 500 from Nova), and what podgate does instead. */
const NOVA_CRASHES: readonly ((testCase: CreateBodyCase, ours: Verdict) => boolean)[] = [
  // Non-ASCII text in a base64 field: Nova's checker raises an error it does not catch. podgate: 400.
  (_, mine) => mine.verdict === '400' && (mine.message ?? '').endsWith("is not a 'base64'"),
  // A count of "\n": Python's `$` lets it past the schema, then int() fails. podgate: 400.
  (_, mine) => mine.verdict === '400' && (mine.message ?? '').endsWith("'\\n' is not a positive integer"),
  // A personality item without path or contents: Nova's helper reads both keys. podgate: the pod's answer.
  (testCase, mine) =>
    mine.verdict === 'pass' &&
    Array.isArray(serverOf(testCase).personality) &&
    (serverOf(testCase).personality as object[]).some((item) => !('path' in item && 'contents' in item)),
];

describe('server-create validation: podgate against Nova (python3-nova)', () => {
  beforeAll(() => {
    if (!existsSync(NOVA)) throw new Error(`${NOVA} is missing: apt-get install -y --no-install-recommends python3-nova`);
  });

  it('builds, at every microversion 2.1-2.96, exactly the schema Nova validates with (key order included)', () => {
    const versions = Array.from({ length: 96 }, (_, index) => `2.${index + 1}`);
    const novaSchemas = nova(['schemas', ...versions]) as Record<string, unknown>;
    const differing = versions.filter(
      (version) => JSON.stringify(createServerSchemaFor(parseApiVersion(version))) !== JSON.stringify(novaSchemas[version]),
    );
    expect(differing).toEqual([]);
  });

  it('refuses exactly what Nova refuses, with Nova’s message (secrets masked)', () => {
    const novaVerdicts = nova(['verdicts'], JSON.stringify(CREATE_BODY_CASES)) as Verdict[];
    expect(novaVerdicts).toHaveLength(CREATE_BODY_CASES.length);
    expect(CREATE_BODY_CASES.length).toBeGreaterThan(60_000);
    const mismatches: string[] = [];
    CREATE_BODY_CASES.forEach((testCase, index) => {
      const theirs = novaVerdicts[index];
      const mine = ours(testCase);
      const caseText = `${testCase.version} ${JSON.stringify(testCase.body)}`;
      if (theirs.verdict === 'error') {
        if (!NOVA_CRASHES.some((known) => known(testCase, mine)))
          mismatches.push(`${caseText}\n  nova: ${theirs.message}\n  ours: ${mine.verdict}`);
        return;
      }
      if (mine.verdict !== theirs.verdict) {
        mismatches.push(
          `${caseText}\n  nova: ${theirs.verdict} ${theirs.message ?? ''}\n  ours: ${mine.verdict} ${mine.message ?? ''}`,
        );
        return;
      }
      if (!theirs.message || !mine.message) return;
      if (SECRET_FIELDS.test(JSON.stringify(testCase.body))) return; // compared in the pure spec, masked
      const expected = theirs.message.replace(DESCRIPTION_MISMATCH, () => `does not match '${DESCRIPTION_PATTERN}'`);
      if (mine.message !== expected) mismatches.push(`${caseText}\n  nova: ${expected}\n  ours: ${mine.message}`);
    });
    expect({ count: mismatches.length, first: mismatches.slice(0, 20) }).toEqual({ count: 0, first: [] });
  });
});
