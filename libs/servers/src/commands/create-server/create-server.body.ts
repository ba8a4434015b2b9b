import { PROVISIONING_METADATA_KEY } from '../../domain/server.stream';

type CreateBody = { readonly server: Record<string, unknown> } & Record<string, unknown>;

/**
 * The body the pod gets: the pod's own AZ instead of the user's (an admin's `az:host[:node]`
 * keeps its host part), and the provisioning tag in the metadata, which lets podgate (the
 * handler, a re-run, the provisioning confirmer) find the servers this request made from the pod's
 * side. The caller's body is not changed.
 */
export function podCreateBody(body: CreateBody, podAzName: string, provisioningId: string): CreateBody {
  const server = body.server;
  const asked = server['availability_zone'];
  const hostPart = typeof asked === 'string' && asked.includes(':') ? asked.slice(asked.indexOf(':')) : '';
  const metadata = isRecord(server['metadata']) ? server['metadata'] : {};
  return {
    ...body,
    server: {
      ...server,
      availability_zone: `${podAzName}${hostPart}`,
      metadata: { ...metadata, [PROVISIONING_METADATA_KEY]: provisioningId },
    },
  };
}

/** Nova's `server.name` and `imageRef` as the intent records them. */
export const nameOf = (server: Readonly<Record<string, unknown>>): string =>
  typeof server['name'] === 'string' ? server['name'] : '';

export const imageRefOf = (server: Readonly<Record<string, unknown>>): string | null =>
  typeof server['imageRef'] === 'string' && server['imageRef'] !== '' ? server['imageRef'] : null;

/** `os:scheduler_hints` (or its legacy name): only its keys are recorded. */
export const schedulerHintsOf = (body: Readonly<Record<string, unknown>>): unknown =>
  body['os:scheduler_hints'] ?? body['OS-SCH-HNT:scheduler_hints'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
