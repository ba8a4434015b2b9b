import { auditLogProjection } from '@podgate/audit';
import type { Projection } from '@podgate/read-model';

/** Every read model podgate keeps. A slice adds its projections here. */
export const ALL_PROJECTIONS: readonly Projection[] = [auditLogProjection];

export function findProjection(name: string): Projection | undefined {
  return ALL_PROJECTIONS.find((projection) => projection.name === name);
}
