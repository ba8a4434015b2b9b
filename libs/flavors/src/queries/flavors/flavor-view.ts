import { definedResourceDetailColumns } from '@podgate/pod-sync';
import { FLAVOR_TABLES } from './flavor-sync.query';
/** A live flavor as the read model holds it, camelCase, with its extra specs and access list. */
export interface FlavorView {
  readonly flavorId: string;
  readonly name: string;
  readonly ram: number;
  readonly vcpus: number;
  readonly disk: number;
  readonly ephemeral: number;
  readonly swap: number;
  readonly rxtxFactor: number;
  readonly isPublic: boolean;
  readonly description: string | null;
  readonly extraSpecs: Readonly<Record<string, string>>;
  /** Projects given access to a private flavor, in the order they were added (empty for public ones). */
  readonly projects: readonly string[];
  /** How many changes a pod has had to follow; what the reconciler pushes. */
  readonly generation: number;
}

/** Who is looking: Nova shows admins every flavor, others public ones and private ones shared with their project. */
export interface FlavorViewer {
  readonly projectId: string;
  readonly isAdmin: boolean;
}

export const isFlavorVisibleTo = (flavor: Pick<FlavorView, 'isPublic' | 'projects'>, viewer: FlavorViewer): boolean =>
  viewer.isAdmin || flavor.isPublic || flavor.projects.includes(viewer.projectId);

/** Numbers cast so pg and PGlite return the same JS types; specs and access aggregated per row. */
export const FLAVOR_COLUMNS = `f.flavor_id, f.name, f.ram::float8, f.vcpus::float8, f.disk::float8, f.ephemeral::float8,
  f.swap::float8, f.rxtx_factor, f.is_public, f.description, f.generation,
  ${definedResourceDetailColumns(FLAVOR_TABLES, 'f')}`;

export interface FlavorRow {
  flavor_id: string;
  name: string;
  ram: number;
  vcpus: number;
  disk: number;
  ephemeral: number;
  swap: number;
  rxtx_factor: number;
  is_public: boolean;
  description: string | null;
  generation: number;
  extra_specs: Record<string, string>;
  projects: string[];
}

export const toFlavorView = (row: FlavorRow): FlavorView => ({
  flavorId: row.flavor_id,
  name: row.name,
  ram: Number(row.ram),
  vcpus: Number(row.vcpus),
  disk: Number(row.disk),
  ephemeral: Number(row.ephemeral),
  swap: Number(row.swap),
  rxtxFactor: Number(row.rxtx_factor),
  isPublic: row.is_public,
  description: row.description,
  extraSpecs: row.extra_specs,
  projects: row.projects,
  generation: Number(row.generation),
});
