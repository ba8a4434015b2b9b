import type { SqlExecutor } from '@podgate/sql';
import { retypeBodyForPod } from './volume-type-ref';

/** The read model's live types: podgate's id and name. */
function typesSql(types: readonly { id: string; name: string }[]) {
  const asked: unknown[][] = [];
  const sql = {
    query: async (_text: string, params: unknown[]) => {
      asked.push(params);
      const ref = params[2];
      const type = types.find((t) => t.id === ref) ?? types.find((t) => t.name === ref);
      const row = type && {
        type_id: type.id,
        name: type.name,
        description: null,
        is_public: true,
        generation: 1,
        extra_specs: {},
        projects: [],
      };
      return { rows: row ? [row] : [] };
    },
  } as unknown as SqlExecutor;
  return { sql, asked };
}

describe('retypeBodyForPod', () => {
  const gold = { id: '0b0b7a52-4b5c-4a0d-9d6c-2f1c2b3a4d5e', name: 'gold' };

  it('sends the type by the name the pods know, podgate’s id or the name given, other arguments kept', async () => {
    const { sql, asked } = typesSql([gold]);
    const body = { 'os-retype': { new_type: gold.id, migration_policy: 'on-demand' } };
    expect(await retypeBodyForPod(sql, body, 'proj')).toEqual({
      'os-retype': { new_type: 'gold', migration_policy: 'on-demand' },
    });
    expect(await retypeBodyForPod(sql, { 'os-retype': { new_type: 'gold' } }, 'proj')).toEqual({
      'os-retype': { new_type: 'gold' },
    });
    // Cinder looks the type up with an elevated context: private types too.
    expect(asked[0][0]).toBe(true);
  });

  it('refuses a type nobody defined in Cinder’s words, and leaves a malformed body to the pod', async () => {
    const { sql } = typesSql([gold]);
    await expect(retypeBodyForPod(sql, { 'os-retype': { new_type: 'silver' } }, 'proj')).rejects.toThrow(
      'Volume type with name silver could not be found.',
    );
    const id = '11111111-2222-4333-8444-555555555555';
    await expect(retypeBodyForPod(sql, { 'os-retype': { new_type: id } }, 'proj')).rejects.toMatchObject({
      kind: 'itemNotFound',
      message: `Volume type ${id} could not be found.`,
    });
    const malformed = { 'os-retype': { new_type: 7 } };
    expect(await retypeBodyForPod(sql, malformed, 'proj')).toBe(malformed);
  });
});
