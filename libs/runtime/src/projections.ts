import { auditLogProjection } from '@podgate/audit';
import { bindingsProjection } from '@podgate/bindings';
import { flavorsProjection } from '@podgate/flavors';
import { podsProjection } from '@podgate/pods';
import type { Projection } from '@podgate/read-model';
import { routingsProjection } from '@podgate/routing';
import { volumeTypesProjection } from '@podgate/volume-types';

/** Every read model podgate keeps. A slice adds its projections here. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  auditLogProjection,
  podsProjection,
  bindingsProjection,
  routingsProjection,
  flavorsProjection,
  volumeTypesProjection,
];

export function findProjection(name: string): Projection | undefined {
  return ALL_PROJECTIONS.find((projection) => projection.name === name);
}
