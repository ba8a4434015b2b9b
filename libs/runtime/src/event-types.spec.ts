import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_EVENT_DEFINITIONS, eventTypeRegistry } from './event-types';

const LIBS = join(__dirname, '..', '..');

/**
 * Every `*_EVENT_TYPES` list any lib exports, found by name, so a new slice's list is checked
 * without anyone remembering to add it here.
 */
async function sliceEventTypeLists(): Promise<[string, readonly string[]][]> {
  const lists: [string, readonly string[]][] = [];
  for (const lib of readdirSync(LIBS).filter((name) => name !== 'runtime')) {
    const exports = (await import(join(LIBS, lib, 'src'))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (name.endsWith('_EVENT_TYPES') && Array.isArray(value)) lists.push([`${lib}: ${name}`, value as string[]]);
    }
  }
  return lists;
}

describe('every event type podgate writes', () => {
  const registry = eventTypeRegistry();
  let lists: [string, readonly string[]][];
  beforeAll(async () => (lists = await sliceEventTypeLists()));

  it('finds every slice list', () => {
    expect(lists.map(([name]) => name).sort()).toEqual(
      expect.arrayContaining([
        'bindings: BINDING_EVENT_TYPES',
        'flavors: FLAVOR_EVENT_TYPES',
        'pods: POD_EVENT_TYPES',
        'pods: POD_USAGE_EVENT_TYPES',
        'routing: ROUTING_EVENT_TYPES',
        'servers: SERVER_EVENT_TYPES',
        'servers: SERVER_PROVISIONING_EVENT_TYPES',
        'volume-types: VOLUME_TYPE_EVENT_TYPES',
        'volumes: VOLUME_RESOURCE_EVENT_TYPES',
      ]),
    );
  });

  it('has a definition for every name in every list', () => {
    const missing = lists.flatMap(([list, types]) => types.filter((type) => !registry.knows(type)).map((t) => `${list} ${t}`));
    expect(missing).toEqual([]);
  });

  it('registers each name once, and nothing no list names', () => {
    const names = ALL_EVENT_DEFINITIONS.map((definition) => definition.type);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    const listed = new Set(lists.flatMap(([, types]) => types));
    expect(names.filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('every event definition', () => {
  /**
   * SECURITY: an event's data must never carry a key nobody allowed (a password, a token, a body
   * someone "just added"): zod reports an unrecognized key even beside the missing ones, so data of
   * only an unknown key shows whether a definition is strict.
   */
  it.each(ALL_EVENT_DEFINITIONS.map((definition) => [definition.type, definition] as const))(
    '%s refuses a key it does not know',
    (_type, definition) => {
      let issues: { code: string }[] = [];
      try {
        definition.parse({ addedByNobody: 'secret' });
      } catch (error) {
        issues = (error as { issues?: { code: string }[] }).issues ?? [];
      }
      expect(issues.map((issue) => issue.code)).toContain('unrecognized_keys');
    },
  );
});
