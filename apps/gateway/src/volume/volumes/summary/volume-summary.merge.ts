import { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Cinder's `{"volume-summary": {...}}` over pods (api/v3/views/volumes.py quick_summary): the
 * counts and sizes summed; with `withMetadata` (3.36+) every key's distinct values, in the order
 * first seen, as each pod's db get_volume_summary lists them (a value is listed once per key).
 * podgate's provisioning tag is no key of the user's: it is left out, values and all.
 */
export function mergeVolumeSummaries(answers: readonly unknown[], withMetadata: boolean): Json {
  let totalCount = 0;
  let totalSize = 0;
  const metadata = new Map<string, unknown[]>();
  for (const answer of answers) {
    const summary = isRecord(answer) ? answer['volume-summary'] : undefined;
    if (!isRecord(summary)) continue;
    totalCount += numberOf(summary.total_count);
    totalSize += numberOf(summary.total_size);
    if (!isRecord(summary.metadata)) continue;
    for (const [key, values] of Object.entries(summary.metadata)) {
      if (key === PROVISIONING_METADATA_KEY) continue;
      const merged = metadata.get(key) ?? [];
      for (const value of Array.isArray(values) ? values : [values]) if (!merged.includes(value)) merged.push(value);
      metadata.set(key, merged);
    }
  }
  const merged: Json = { total_count: totalCount, total_size: totalSize };
  if (withMetadata) merged.metadata = Object.fromEntries(metadata);
  return { 'volume-summary': merged };
}

const numberOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
