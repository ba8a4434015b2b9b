import {
  expectOk,
  type PodCall,
  PodSyncClient,
  type PodSyncCredentials,
  type PodSyncPod,
  type PodSyncTransport,
  syncAccess,
  syncExtraSpecs,
} from '@podgate/pod-sync';
import type { LiveVolumeType } from '../domain/volume-type.state';

/** A type as Cinder shows it (only what podgate compares). */
interface PodVolumeType {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly description?: unknown;
  readonly is_public?: unknown;
}

const PROJECT_ACCESS = {
  add: (project: string) => ({ addProjectAccess: { project } }),
  remove: (project: string) => ({ removeProjectAccess: { project } }),
};

/**
 * Makes one pod's Cinder hold one volume type as podgate defines it. Cinder picks type ids itself,
 * so the pod's id is found (the one recorded at the last push, else the pod's type of that name:
 * its own `__DEFAULT__`, or a push whose record was lost) or made by a create, and handed back to be
 * recorded. Name, description and is_public are changed in place; then extra specs and, for a private
 * type, access are brought in line. Each step is idempotent, so a push that failed halfway is done again.
 */
export class VolumeTypePodPusher {
  private readonly client: PodSyncClient;

  constructor(transport: PodSyncTransport, credentials: PodSyncCredentials, options: { readonly timeoutMs?: number } = {}) {
    this.client = new PodSyncClient(transport, credentials, {
      service: 'volume',
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  /** Resolves with the pod's id for the type. */
  async push(
    pod: PodSyncPod,
    volumeType: LiveVolumeType,
    knownPodTypeId: string | undefined,
    globalRequestId: string,
    signal?: AbortSignal,
  ): Promise<string> {
    const call = await this.client.open(pod, globalRequestId, signal);
    const wanted = volumeType.definition;
    const held =
      (await this.shown(call, knownPodTypeId)) ?? (await this.named(call, wanted.name)) ?? (await this.create(call, volumeType));
    const podTypeId = String(held.id);
    const path = `/types/${encodeURIComponent(podTypeId)}`;
    const description = held.description ?? null;
    if (held.name !== wanted.name || description !== wanted.description || held.is_public !== wanted.isPublic) {
      // Cinder reads a null description as "unchanged": an empty one clears it.
      const body = { volume_type: { name: wanted.name, description: wanted.description ?? '', is_public: wanted.isPublic } };
      expectOk(await call('PUT', path, body), 'update type');
    }
    await syncExtraSpecs(call, `${path}/extra_specs`, volumeType.extraSpecs);
    if (!wanted.isPublic) {
      const listed = expectOk(await call('GET', `${path}/os-volume-type-access`), 'list access') as {
        volume_type_access?: { project_id?: unknown }[];
      };
      const heldProjects = new Set((listed.volume_type_access ?? []).map((entry) => String(entry.project_id)));
      await syncAccess(call, path, heldProjects, volumeType.projects, PROJECT_ACCESS);
    }
    return podTypeId;
  }

  /** Removes a deleted type by the pod's id; absent (or never known) counts as done. */
  async remove(pod: PodSyncPod, podTypeId: string | undefined, globalRequestId: string, signal?: AbortSignal): Promise<void> {
    if (podTypeId === undefined) return;
    const call = await this.client.open(pod, globalRequestId, signal);
    expectOk(await call('DELETE', `/types/${encodeURIComponent(podTypeId)}`), 'delete type', [404]);
  }

  private async shown(call: PodCall, podTypeId: string | undefined): Promise<PodVolumeType | undefined> {
    if (podTypeId === undefined) return undefined;
    const shown = await call('GET', `/types/${encodeURIComponent(podTypeId)}`);
    if (shown.status === 404) return undefined;
    return (expectOk(shown, 'show type') as { volume_type?: PodVolumeType }).volume_type;
  }

  /** The pod's type of that name, public or private (`is_public=None`: every type, for an admin). */
  private async named(call: PodCall, name: string): Promise<PodVolumeType | undefined> {
    const listed = expectOk(await call('GET', '/types', undefined, 'is_public=None'), 'list types') as {
      volume_types?: PodVolumeType[];
    };
    return (listed.volume_types ?? []).find((type) => type.name === name);
  }

  private async create(call: PodCall, volumeType: LiveVolumeType): Promise<PodVolumeType> {
    const d = volumeType.definition;
    const body = {
      volume_type: {
        name: d.name,
        ...(d.description === null ? {} : { description: d.description }),
        'os-volume-type-access:is_public': d.isPublic,
      },
    };
    const created = expectOk(await call('POST', '/types', body), 'create type') as { volume_type?: PodVolumeType };
    if (!created.volume_type?.id) throw new Error('create type answered no volume_type.id');
    return created.volume_type;
  }
}
