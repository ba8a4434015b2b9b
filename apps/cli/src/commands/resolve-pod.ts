import type { AdminHttp } from '../admin-client/admin-http';
import type { Pod } from '../admin-client/resources';
import { CliError } from '../cli-errors';
import { POD_PATH } from './pods.requests';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const looksLikeId = (reference: string): boolean => UUID.test(reference);

/** A pod by id, or by name through `GET /v1.0/pods?name=`, with the openstack CLI's messages. */
export async function findPodByName(http: AdminHttp, name: string): Promise<Pod> {
  const { pods } = await http.send<{ pods: Pod[] }>({ method: 'GET', path: POD_PATH, query: { name } });
  const matches = pods.filter((pod) => pod.name === name);
  if (matches.length === 0) throw new CliError(`No pod with a name or ID of '${name}' exists.`);
  if (matches.length > 1) throw new CliError(`More than one pod exists with the name '${name}'.`);
  return matches[0];
}

export async function resolvePodId(http: AdminHttp, reference: string): Promise<string> {
  return looksLikeId(reference) ? reference : (await findPodByName(http, reference)).pod_id;
}

/** Resolves an optional `--pod` filter. */
export async function resolveOptionalPodId(http: AdminHttp, reference: string | undefined): Promise<string | undefined> {
  return reference === undefined ? undefined : resolvePodId(http, reference);
}
