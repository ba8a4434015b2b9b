import { definedResourceDetailColumns, sharedWithProject } from '@podgate/pod-sync';
import { VOLUME_TYPE_TABLES } from '../projections/volume-types/volume-types.schema';

/** A live volume type as the read model holds it, with its extra specs and access list. */
export interface VolumeTypeView {
  readonly typeId: string;
  readonly name: string;
  readonly description: string | null;
  readonly isPublic: boolean;
  readonly extraSpecs: Readonly<Record<string, string>>;
  /** Projects given access to a private type, in the order they were added (empty for public ones). */
  readonly projects: readonly string[];
  /** How many changes pods have had to follow. */
  readonly generation: number;
}

/** Who is looking: Cinder shows admins every type, others public ones and private ones shared with their project. */
export interface VolumeTypeViewer {
  readonly projectId: string;
  readonly isAdmin: boolean;
}

export const VOLUME_TYPE_COLUMNS = `t.type_id, t.name, t.description, t.is_public, t.generation,
  ${definedResourceDetailColumns(VOLUME_TYPE_TABLES, 't')}`;

/** SQL: the row `t` is live and the viewer in $1 (is admin) / $2 (project) may see it. */
export const VISIBLE_TO_VIEWER = `t.status = 'live' AND ($1::boolean OR t.is_public OR ${sharedWithProject(VOLUME_TYPE_TABLES, 't', '$2')})`;

export interface VolumeTypeRow {
  type_id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  generation: number;
  extra_specs: Record<string, string>;
  projects: string[];
}

export const toVolumeTypeView = (row: VolumeTypeRow): VolumeTypeView => ({
  typeId: row.type_id,
  name: row.name,
  description: row.description,
  isPublic: row.is_public,
  extraSpecs: row.extra_specs,
  projects: row.projects,
  generation: Number(row.generation),
});
