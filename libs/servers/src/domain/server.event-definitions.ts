import type { EventTypeDefinition } from '@podgate/event-store';
import { z } from 'zod';
import type {
  ServerActionFailedData,
  ServerActionRequestedData,
  ServerActionSucceededData,
  ServerCreatedData,
  ServerDeletedData,
  ServerDeleteFailedData,
  ServerDeleteRequestedData,
  ServerEventType,
  ServerProvisioningFailedData,
  ServerProvisioningRequestedData,
} from './server.events';

const id = z.string().min(1);
const status = z.number().int().min(100).max(599);
const names = z.array(z.string());

/**
 * Strict: a summary with a key it does not know (a `user_data` someone "just added") fails to
 * parse, loudly and by name, instead of being carried into the log. SECURITY: see server-request-summary.ts.
 */
const requestSummary = z.strictObject({
  minCount: z.number().int().min(1),
  maxCount: z.number().int().min(1),
  networks: z.enum(['auto', 'none', 'list', 'unspecified']),
  networkCount: z.number().int().min(0),
  keyName: z.string().nullable(),
  securityGroups: names,
  blockDeviceMappings: z.number().int().min(0),
  configDrive: z.boolean(),
  metadataKeys: names,
  tags: names,
  schedulerHintKeys: names,
  hasUserData: z.boolean(),
  hasAdminPass: z.boolean(),
  personalityFiles: z.number().int().min(0),
});

const provisioningRequested = z.strictObject({
  provisioningId: id,
  projectId: id,
  azName: id,
  podId: id,
  bindingId: id,
  flavorRef: id,
  imageRef: z.string().nullable(),
  name: z.string(),
  request: requestSummary,
});

const created = z.strictObject({
  serverId: id,
  provisioningId: id,
  podId: id,
  projectId: id,
  azName: id,
  bindingId: id,
  name: z.string(),
});

const provisioningFailed = z.strictObject({ provisioningId: id, podId: id, status, message: z.string() });
const actionRequested = z.strictObject({ serverId: id, podId: id, projectId: id, actionId: id, action: id });
const actionSucceeded = z.strictObject({ serverId: id, projectId: id, actionId: id, status });
const actionFailed = z.strictObject({ serverId: id, projectId: id, actionId: id, status, message: z.string() });
const deleteRequested = z.strictObject({ serverId: id, podId: id, projectId: id, deleteId: id });
const deleteFailed = z.strictObject({ serverId: id, podId: id, projectId: id, deleteId: id, status, message: z.string() });
const deleted = z.strictObject({ serverId: id, podId: id, projectId: id, deleteId: id.nullable() });

/** Parsers for the event-type registry and the servers projections; routing's two types are routing's to register. */
export const SERVER_EVENT_DEFINITIONS = [
  {
    type: 'ServerProvisioningRequested',
    version: 1,
    parse: (data: unknown): ServerProvisioningRequestedData => provisioningRequested.parse(data),
  },
  { type: 'ServerCreated', version: 1, parse: (data: unknown): ServerCreatedData => created.parse(data) },
  {
    type: 'ServerProvisioningFailed',
    version: 1,
    parse: (data: unknown): ServerProvisioningFailedData => provisioningFailed.parse(data),
  },
  { type: 'ServerActionRequested', version: 1, parse: (data: unknown): ServerActionRequestedData => actionRequested.parse(data) },
  { type: 'ServerActionSucceeded', version: 1, parse: (data: unknown): ServerActionSucceededData => actionSucceeded.parse(data) },
  { type: 'ServerActionFailed', version: 1, parse: (data: unknown): ServerActionFailedData => actionFailed.parse(data) },
  { type: 'ServerDeleteRequested', version: 1, parse: (data: unknown): ServerDeleteRequestedData => deleteRequested.parse(data) },
  { type: 'ServerDeleteFailed', version: 1, parse: (data: unknown): ServerDeleteFailedData => deleteFailed.parse(data) },
  { type: 'ServerDeleted', version: 1, parse: (data: unknown): ServerDeletedData => deleted.parse(data) },
] as const satisfies readonly EventTypeDefinition<ServerEventType>[];
