import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import { gatewayTypeIdsOfPod } from '@podgate/volume-types';
import type { PodAnswer } from '../../api/forwarding/pod-answer';
import type { ListedCinderItem } from '../listing/cinder-collection';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const FIELD = 'volume_type_id';
/** How long a pod's id map serves lists, and how old it must be before an id it lacks makes it reload. */
const TTL_MS = 10_000;
const RECHECK_MS = 1_000;

/** A volume with the pod's `volume_type_id` as podgate's; an id podgate did not define in the pod stays. */
export function withGatewayTypeId(volume: Json, ids: ReadonlyMap<string, string>): Json {
  const podTypeId = volume[FIELD];
  const mapped = typeof podTypeId === 'string' ? ids.get(podTypeId) : undefined;
  return mapped === undefined || mapped === podTypeId ? volume : { ...volume, [FIELD]: mapped };
}

/**
 * Cinder's `volume_type_id` (3.63+) in a volume body is the pod's own id of the type, which no
 * podgate call knows (GET /types shows podgate's): every volume view maps it back through the ids
 * the type sync recorded per pod. The maps are cached briefly per pod, for lists; an id a map lacks
 * reloads it once it is a second old (a type synced since).
 */
@Injectable()
export class VolumeTypeIds {
  private readonly maps = new Map<string, { readonly at: number; readonly ids: Promise<Map<string, string>> }>();

  /** The clock of the cache (tests move it). */
  now: () => number = Date.now;

  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor) {}

  /** A pod's successful answer with `volume` / `volumes` as users see them; errors pass through. */
  async inAnswer(answer: PodAnswer, podId: string): Promise<PodAnswer> {
    if (answer.status >= 400 || !isRecord(answer.body)) return answer;
    const { volume } = answer.body;
    if (!isRecord(volume) || typeof volume[FIELD] !== 'string') return answer;
    const ids = await this.idsOf(podId, [volume[FIELD]]);
    return { ...answer, body: { ...answer.body, volume: withGatewayTypeId(volume, ids) } };
  }

  /** A page of listed volumes as users see them. */
  async inItems(items: readonly ListedCinderItem[]): Promise<ListedCinderItem[]> {
    const wanted = new Map<string, string[]>();
    for (const { item, pod } of items)
      if (typeof item[FIELD] === 'string') wanted.set(pod.podId, [...(wanted.get(pod.podId) ?? []), item[FIELD]]);
    const maps = new Map(
      await Promise.all([...wanted].map(async ([podId, ids]) => [podId, await this.idsOf(podId, ids)] as const)),
    );
    return items.map((listed) => {
      const ids = maps.get(listed.pod.podId);
      return ids ? { ...listed, item: withGatewayTypeId(listed.item, ids) } : listed;
    });
  }

  private async idsOf(podId: string, wanted: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const now = this.now();
    const cached = this.maps.get(podId);
    if (cached && now - cached.at < TTL_MS) {
      const ids = await cached.ids.catch(() => undefined);
      if (ids && (now - cached.at < RECHECK_MS || wanted.every((id) => ids.has(id)))) return ids;
    }
    const entry = { at: now, ids: gatewayTypeIdsOfPod(this.sql, podId) };
    this.maps.set(podId, entry);
    // A failed read is not kept: the next view asks again.
    entry.ids.catch(() => this.maps.get(podId) === entry && this.maps.delete(podId));
    return entry.ids;
  }
}
