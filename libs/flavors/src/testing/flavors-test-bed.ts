import { openPodSyncTestBed, type PodSyncTestBed, syncAdminContext } from '@podgate/pod-sync';
import { FlavorWriter } from '../commands/flavor-writer';
import type { FlavorsWriteOptions } from '../commands/flavors-write.options';
import { flavorsProjection } from '../projections/flavors/flavors.projection';

export interface FlavorsTestBed extends PodSyncTestBed {
  writer(options?: FlavorsWriteOptions): FlavorWriter;
}

/** One in-memory PGlite for the log, rm_flavors and rm_pods (the reconciler plans over both), projections live. */
export async function openFlavorsTestBed(): Promise<FlavorsTestBed> {
  const bed = await openPodSyncTestBed(flavorsProjection);
  return { ...bed, writer: (options) => new FlavorWriter(bed.store, bed.sql, options) };
}

export const flavorAdminContext = syncAdminContext;
