import { specify } from '@podgate/kernel';
import { MAX_FAILURE_MESSAGE_LENGTH, serverDecider } from './server.decider';
import {
  ServerActionNotRequestedError,
  ServerNotFoundError,
  ServerProvisioningNotRequestedError,
  ServerRecordConflictError,
} from './server.errors';
import type { ServerProvisioningRequestedData, ServerStreamEvent } from './server.events';
import { summarizeServerRequest } from './server-request-summary';

const provisioningId = 'prov-1';
const serverId = 'pod-server-1';
const podId = 'pod1';
const intent: ServerProvisioningRequestedData = {
  provisioningId,
  projectId: 'tenant-a',
  azName: 'az1',
  podId,
  bindingId: 'b1',
  flavorRef: 'm1.tiny',
  imageRef: 'cirros',
  name: 'vm1',
  request: summarizeServerRequest({ name: 'vm1', networks: 'none' }),
};
const identity = { provisioningId, podId, projectId: 'tenant-a', azName: 'az1', bindingId: 'b1', name: 'vm1' };
const requested: ServerStreamEvent = { type: 'ServerProvisioningRequested', data: intent };
const created: ServerStreamEvent = { type: 'ServerCreated', data: { serverId, ...identity } };
const routed: ServerStreamEvent = {
  type: 'ResourceRouted',
  data: { resourceType: 'server', topId: serverId, bottomId: serverId, podId, projectId: 'tenant-a', azName: 'az1' },
};
const failed: ServerStreamEvent = {
  type: 'ServerProvisioningFailed',
  data: { provisioningId, podId, status: 504, message: 'pod1 did not answer within 30 s' },
};
const actionRequested = (actionId = 'a1', action = 'reboot'): ServerStreamEvent => ({
  type: 'ServerActionRequested',
  data: { serverId, podId, projectId: 'tenant-a', actionId, action },
});
const deleteRequested: ServerStreamEvent = {
  type: 'ServerDeleteRequested',
  data: { serverId, podId, projectId: 'tenant-a', deleteId: 'd1' },
};
const deleted = (deleteId: string | null = 'd1'): ServerStreamEvent[] => [
  { type: 'ServerDeleted', data: { serverId, podId, projectId: 'tenant-a', deleteId } },
  { type: 'ResourceUnrouted', data: { resourceType: 'server', topId: serverId, podId } },
];
/** The server stream alone, as actions and deletes fold it. */
const live = [created, routed];

const server = specify(serverDecider);
const provision = { type: 'RequestServerProvisioning', intent } as const;
const recordCreated = { type: 'RecordServerCreated', provisioningId, serverId } as const;
const recordFailed = {
  type: 'RecordServerProvisioningFailed',
  provisioningId,
  status: 504,
  message: failed.data.message,
} as const;
const act = (actionId = 'a1') => ({ type: 'RequestServerAction', serverId, actionId, action: 'reboot' }) as const;
const outcome = (status: number, message?: string, secrets?: string[]) =>
  ({ type: 'RecordServerActionOutcome', serverId, actionId: 'a1', status, message, secrets }) as const;
const requestDelete = { type: 'RequestServerDelete', serverId, deleteId: 'd1' } as const;
const recordDeleted = { type: 'RecordServerDeleted', serverId } as const;

describe('server decider', () => {
  describe('provisioning', () => {
    it('records the intent before anything is forwarded, and records nothing when the request runs again', () => {
      expect(server.given([]).when(provision)).toEqual({ events: [requested] });
      expect(server.given([requested]).when(provision)).toEqual({ events: [] });
      expect(server.given([requested, failed]).when(provision)).toEqual({ events: [] });
    });

    it('refuses another provisioning in a stream that holds one', () => {
      const other = { ...provision, intent: { ...intent, provisioningId: 'prov-2' } };
      expect(server.given([requested]).when(other).error).toBeInstanceOf(ServerRecordConflictError);
    });

    it('records the creation with its route in one decision, under the pod id', () => {
      expect(server.given([requested]).when(recordCreated)).toEqual({ events: [created, routed] });
    });

    it('takes a repeated creation record as done, and refuses a second server id', () => {
      expect(server.given([requested, ...live]).when(recordCreated)).toEqual({ events: [] });
      expect(server.given([requested, ...live, ...deleted()]).when(recordCreated)).toEqual({ events: [] });
      const other = { ...recordCreated, serverId: 'pod-server-2' };
      expect(server.given([requested, ...live]).when(other).error).toBeInstanceOf(ServerRecordConflictError);
    });

    it('adopts a server the pod made after a recorded failure (a timed-out create the provisioning confirmer finds)', () => {
      expect(server.given([requested, failed]).when(recordCreated)).toEqual({ events: [created, routed] });
    });

    it('records a refusal once, and no late failure once the server exists', () => {
      expect(server.given([requested]).when(recordFailed)).toEqual({ events: [failed] });
      expect(server.given([requested, failed]).when(recordFailed)).toEqual({ events: [] });
      expect(server.given([requested, ...live]).when(recordFailed)).toEqual({ events: [] });
    });

    it('refuses outcomes of a provisioning never requested', () => {
      expect(server.given([]).when(recordCreated).error).toBeInstanceOf(ServerProvisioningNotRequestedError);
      expect(server.given([]).when(recordFailed).error).toBeInstanceOf(ServerProvisioningNotRequestedError);
    });

    it('scrubs the request secrets Nova echoes in its validation errors, and caps the message', () => {
      const echoed = 'Invalid input for field/attribute adminPass. Value: s3cr3t! s3cr3t! is too short';
      const { events } = server
        .given([requested])
        .when({ ...recordFailed, status: 400, message: echoed, secrets: ['s3cr3t!', ''] });
      expect(events?.[0].data).toMatchObject({
        status: 400,
        message: 'Invalid input for field/attribute adminPass. Value: *** *** is too short',
      });
      const long = server.given([requested]).when({ ...recordFailed, message: 'x'.repeat(2000) }).events?.[0];
      expect(long?.type === 'ServerProvisioningFailed' && long.data.message).toHaveLength(MAX_FAILURE_MESSAGE_LENGTH);
      const empty = server.given([requested]).when({ ...recordFailed, status: 503, message: '  ' }).events?.[0];
      expect(empty?.type === 'ServerProvisioningFailed' && empty.data.message).toBe('HTTP 503');
    });
  });

  describe('actions', () => {
    it('records an action on a created server, with its pod, once per action id', () => {
      expect(server.given(live).when(act())).toEqual({ events: [actionRequested()] });
      expect(server.given([...live, actionRequested()]).when(act())).toEqual({ events: [] });
      expect(server.given([...live, actionRequested()]).when(act('a2')).events).toEqual([actionRequested('a2')]);
    });

    it('knows no server that was never created, is still provisioning, failed, or was deleted (404)', () => {
      for (const history of [[], [requested], [requested, failed], [...live, ...deleted()]]) {
        const { error } = server.given(history).when(act());
        expect(error).toBeInstanceOf(ServerNotFoundError);
        expect((error as ServerNotFoundError).kind).toBe('itemNotFound');
        expect((error as Error).message).toBe(`Instance ${serverId} could not be found.`);
      }
    });

    it('records the outcome the pod gave: 2xx is success, anything else failure', () => {
      const given = server.given([...live, actionRequested()]);
      expect(given.when(outcome(202))).toEqual({
        events: [{ type: 'ServerActionSucceeded', data: { serverId, projectId: 'tenant-a', actionId: 'a1', status: 202 } }],
      });
      expect(given.when(outcome(409, "Cannot 'reboot' instance while it is in vm_state paused"))).toEqual({
        events: [
          {
            type: 'ServerActionFailed',
            data: {
              serverId,
              projectId: 'tenant-a',
              actionId: 'a1',
              status: 409,
              message: "Cannot 'reboot' instance while it is in vm_state paused",
            },
          },
        ],
      });
      expect(given.when(outcome(400, 'Value: hunter2', ['hunter2'])).events?.[0].data).toMatchObject({ message: 'Value: ***' });
    });

    it('takes a repeated outcome as done, and refuses a different one', () => {
      const succeeded: ServerStreamEvent = {
        type: 'ServerActionSucceeded',
        data: { serverId, projectId: 'tenant-a', actionId: 'a1', status: 202 },
      };
      expect(server.given([...live, actionRequested(), succeeded]).when(outcome(202))).toEqual({ events: [] });
      expect(server.given([...live, actionRequested(), succeeded]).when(outcome(409)).error).toBeInstanceOf(
        ServerRecordConflictError,
      );
    });

    it('refuses an outcome without its request, rather than dropping what the pod said', () => {
      expect(server.given(live).when(outcome(202)).error).toBeInstanceOf(ServerActionNotRequestedError);
      expect(server.given([requested]).when(outcome(202)).error).toBeInstanceOf(ServerNotFoundError);
    });

    it('still records the outcome of an action asked before the server was deleted', () => {
      expect(server.given([...live, actionRequested(), ...deleted(null)]).when(outcome(409, 'gone')).events).toHaveLength(1);
    });

    it('treats a status that is not HTTP as a bug in the caller', () => {
      expect(server.given([...live, actionRequested()]).when(outcome(42)).error).toBeInstanceOf(RangeError);
    });
  });

  describe('deletion', () => {
    it('records each delete request once, and not on a deleted or unknown server', () => {
      expect(server.given(live).when(requestDelete)).toEqual({ events: [deleteRequested] });
      expect(server.given([...live, deleteRequested]).when(requestDelete)).toEqual({ events: [] });
      expect(server.given([...live, ...deleted()]).when(requestDelete).error).toBeInstanceOf(ServerNotFoundError);
      expect(server.given([]).when(requestDelete).error).toBeInstanceOf(ServerNotFoundError);
    });

    it('records the deletion the pod confirmed with the unrouting in one decision, once', () => {
      expect(server.given([...live, deleteRequested]).when(recordDeleted)).toEqual({ events: deleted('d1') });
      expect(server.given([...live, deleteRequested, ...deleted()]).when(recordDeleted)).toEqual({ events: [] });
    });

    it('names the delete the pod accepted, never one it refused', () => {
      const request = (deleteId: string): ServerStreamEvent => ({
        ...deleteRequested,
        data: { ...deleteRequested.data, deleteId },
      });
      const refused = (deleteId: string): ServerStreamEvent => ({
        type: 'ServerDeleteFailed',
        data: { serverId, podId, projectId: 'tenant-a', deleteId, status: 409, message: 'Instance is locked' },
      });
      const [d1, d2] = ['d1', 'd2'];
      const namedBy = (history: ServerStreamEvent[], named?: string) => {
        const events = server
          .given([...live, ...history])
          .when({ ...recordDeleted, ...(named ? { deleteId: named } : {}) }).events;
        return events?.[0].type === 'ServerDeleted' ? events[0].data.deleteId : 'nothing recorded';
      };
      expect(namedBy([request(d1), request(d2), refused(d2)])).toBe(d1);
      expect(namedBy([request(d1), refused(d1)])).toBeNull();
      expect(namedBy([request(d1), request(d2)], d1)).toBe(d1); // the confirmer knows which one the pod took
      expect(namedBy([request(d1)], 'never-asked')).toBe(d1);
    });

    it('unroutes a server that vanished from its pod without a delete request', () => {
      expect(server.given(live).when(recordDeleted)).toEqual({ events: deleted(null) });
    });

    it('knows no deletion of a server that never existed', () => {
      expect(server.given([requested]).when(recordDeleted).error).toBeInstanceOf(ServerNotFoundError);
    });
  });

  it('folds the server stream alone into the same state as intent and server stream together', () => {
    const history = [...live, actionRequested(), deleteRequested];
    expect(server.given(history).when(act('a2'))).toEqual(server.given([requested, ...history]).when(act('a2')));
  });
});
