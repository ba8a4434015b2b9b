import { FLAVOR_EVENT_DEFINITIONS } from './flavor.event-definitions';
import { FLAVOR_EVENT_TYPES } from './flavor.events';

const parserOf = (type: string) => FLAVOR_EVENT_DEFINITIONS.find((definition) => definition.type === type)!.parse;

describe('flavor event definitions', () => {
  it('define a parser for every event type, once', () => {
    expect(FLAVOR_EVENT_DEFINITIONS.map((definition) => definition.type)).toEqual(FLAVOR_EVENT_TYPES);
  });

  it('parse a failure with or without a status, and refuse a generation below 1', () => {
    const failed = { flavorId: 'm1', podId: 'pod-a', generation: 1, message: 'timed out' };
    expect(parserOf('FlavorSyncFailed')(failed)).toEqual(failed);
    expect(parserOf('FlavorSyncFailed')({ ...failed, status: 400 })).toEqual({ ...failed, status: 400 });
    expect(() => parserOf('FlavorSyncedToPod')({ flavorId: 'm1', podId: 'pod-a', generation: 0 })).toThrow();
  });
});
