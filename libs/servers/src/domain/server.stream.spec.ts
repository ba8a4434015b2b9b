import { SERVER_EVENT_DEFINITIONS } from './server.event-definitions';
import { SERVER_EVENT_TYPES, type ServerStreamEvent } from './server.events';
import { summarizeServerRequest } from './server-request-summary';
import {
  isProvisioningEvent,
  provisioningIdFor,
  serverActionIdFor,
  serverEventIdFor,
  serverProvisioningStream,
  serverStream,
  streamOfServerEvent,
} from './server.stream';

const intent = {
  provisioningId: 'p1',
  projectId: 't',
  azName: 'az1',
  podId: 'pod1',
  bindingId: 'b1',
  flavorRef: 'f',
  imageRef: null,
  name: 'vm',
  request: summarizeServerRequest({}),
};

describe('server streams', () => {
  it('puts the intent in its own stream and everything from creation on in the server stream', () => {
    const events: ServerStreamEvent[] = [
      { type: 'ServerProvisioningRequested', data: intent },
      { type: 'ServerProvisioningFailed', data: { provisioningId: 'p1', podId: 'pod1', status: 500, message: 'x' } },
      {
        type: 'ServerActionRequested',
        data: { serverId: 's1', podId: 'pod1', projectId: 't', actionId: 'a1', action: 'reboot' },
      },
      { type: 'ResourceUnrouted', data: { resourceType: 'server', topId: 's1', podId: 'pod1' } },
    ];
    expect(events.map(streamOfServerEvent)).toEqual(['serverProvisioning-p1', 'serverProvisioning-p1', 'server-s1', 'server-s1']);
    expect(events.map(isProvisioningEvent)).toEqual([true, true, false, false]);
    expect(serverStream('s1')).toBe('server-s1');
    expect(serverProvisioningStream('p1')).toBe('serverProvisioning-p1');
  });

  it('derives ids from the request, so a re-run meets the same streams and event ids', () => {
    expect(provisioningIdFor('req-1')).toBe(provisioningIdFor('req-1'));
    expect(provisioningIdFor('req-1')).not.toBe(provisioningIdFor('req-2'));
    expect(serverActionIdFor('req-1', 's1')).not.toBe(serverActionIdFor('req-1', 's2'));
    const action = (actionId: string): ServerStreamEvent => ({
      type: 'ServerActionSucceeded',
      data: { serverId: 's1', projectId: 't', actionId, status: 202 },
    });
    expect(serverEventIdFor(action('a1'))).toBe(serverEventIdFor(action('a1')));
    expect(serverEventIdFor(action('a1'))).not.toBe(serverEventIdFor(action('a2')));
  });

  it('gives an action one outcome slot and a server one deletion, so a repeated append cannot record a second', () => {
    const succeeded: ServerStreamEvent = {
      type: 'ServerActionSucceeded',
      data: { serverId: 's1', projectId: 't', actionId: 'a1', status: 202 },
    };
    const failed: ServerStreamEvent = {
      type: 'ServerActionFailed',
      data: { serverId: 's1', projectId: 't', actionId: 'a1', status: 409, message: 'x' },
    };
    const requested: ServerStreamEvent = {
      type: 'ServerActionRequested',
      data: { serverId: 's1', podId: 'p', projectId: 't', actionId: 'a1', action: 'reboot' },
    };
    expect(serverEventIdFor(succeeded)).toBe(serverEventIdFor(failed));
    expect(serverEventIdFor(requested)).not.toBe(serverEventIdFor(succeeded));
    const deleted = (deleteId: string | null): ServerStreamEvent => ({
      type: 'ServerDeleted',
      data: { serverId: 's1', podId: 'p', projectId: 't', deleteId },
    });
    expect(serverEventIdFor(deleted('d1'))).toBe(serverEventIdFor(deleted(null)));
    const deleteRequested = (deleteId: string): ServerStreamEvent => ({
      type: 'ServerDeleteRequested',
      data: { serverId: 's1', podId: 'p', projectId: 't', deleteId },
    });
    expect(serverEventIdFor(deleteRequested('d1'))).not.toBe(serverEventIdFor(deleteRequested('d2')));
    const deleteFailed = (deleteId: string, status: number): ServerStreamEvent => ({
      type: 'ServerDeleteFailed',
      data: { serverId: 's1', podId: 'p', projectId: 't', deleteId, status, message: 'x' },
    });
    expect(serverEventIdFor(deleteFailed('d1', 409))).toBe(serverEventIdFor(deleteFailed('d1', 503)));
    expect(serverEventIdFor(deleteFailed('d1', 409))).not.toBe(serverEventIdFor(deleteFailed('d2', 409)));
    expect(serverEventIdFor(deleteFailed('d1', 409))).not.toBe(serverEventIdFor(deleteRequested('d1')));
  });

  it('has a parser for every event type, and a strict one for the intent', () => {
    expect(SERVER_EVENT_DEFINITIONS.map((d) => d.type)).toEqual(SERVER_EVENT_TYPES);
    const parse = SERVER_EVENT_DEFINITIONS[0].parse;
    expect(parse(intent)).toEqual(intent);
    expect(() => parse({ ...intent, request: { ...intent.request, user_data: 'IyEvYmluL3No' } })).toThrow(/user_data/);
    expect(() => parse({ ...intent, adminPass: 'hunter2' })).toThrow(/adminPass/);
    const deleteFailed = { serverId: 's1', podId: 'p', projectId: 't', deleteId: 'd1', status: 409, message: 'locked' };
    expect(SERVER_EVENT_DEFINITIONS.find((d) => d.type === 'ServerDeleteFailed')?.parse(deleteFailed)).toEqual(deleteFailed);
  });

  it('keeps the event ids already stored: pinned to what the first implementation computed', () => {
    const outcome = { serverId: 's1', projectId: 't', actionId: 'a1', status: 202 };
    const ids = {
      requested: serverEventIdFor({
        type: 'ServerActionRequested',
        data: { serverId: 's1', podId: 'p', projectId: 't', actionId: 'a1', action: 'reboot' },
      }),
      succeeded: serverEventIdFor({ type: 'ServerActionSucceeded', data: outcome }),
      failed: serverEventIdFor({ type: 'ServerActionFailed', data: { ...outcome, status: 409, message: 'locked' } }),
      created: serverEventIdFor({
        type: 'ServerCreated',
        data: { serverId: 's1', provisioningId: 'p1', podId: 'p', projectId: 't', azName: 'az1', bindingId: 'b1', name: 'vm' },
      }),
    };
    expect(ids).toEqual({
      requested: '18d078ca-4536-5ab5-91bc-f1c95343587b',
      succeeded: 'd430dd79-1d0f-5527-b6b1-ecb7a6e113fd',
      failed: 'd430dd79-1d0f-5527-b6b1-ecb7a6e113fd',
      created: '6b69bd1f-e937-50d6-8c48-dd53dfc92812',
    });
  });
});
