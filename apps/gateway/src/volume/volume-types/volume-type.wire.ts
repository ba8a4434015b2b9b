import type { RequestContext } from '@podgate/kernel';
import type { VolumeTypeView, VolumeTypeViewer } from '@podgate/volume-types';

/** Cinder's `context.is_admin` decides which types a caller sees and how much of them. */
export const volumeTypeViewerOf = (context: RequestContext): VolumeTypeViewer => ({
  projectId: context.caller.projectId,
  isAdmin: context.caller.roles.includes('admin'),
});

/** Cinder's USER_VISIBLE_EXTRA_SPECS: all a non-admin may read of a type's extra specs. */
const USER_VISIBLE_EXTRA_SPECS = ['RESKEY:availability_zones', 'multiattach', 'replication_enabled'];

/** The specs the viewer may read (Cinder's read_sensitive policy is admin only). */
export function visibleExtraSpecs(specs: Readonly<Record<string, string>>, viewer: VolumeTypeViewer): Record<string, string> {
  if (viewer.isAdmin) return { ...specs };
  return Object.fromEntries(Object.entries(specs).filter(([key]) => USER_VISIBLE_EXTRA_SPECS.includes(key)));
}

/**
 * A type as cinder/api/v3/views/types.py shows it, with the volume_type_access extension's
 * `os-volume-type-access:is_public` (every project member) and qos_specs_id (admins; podgate
 * defines no QoS specs, so null).
 */
export function volumeTypeWire(view: VolumeTypeView, viewer: VolumeTypeViewer): Record<string, unknown> {
  return {
    id: view.typeId,
    name: view.name,
    is_public: view.isPublic,
    description: view.description,
    extra_specs: visibleExtraSpecs(view.extraSpecs, viewer),
    ...(viewer.isAdmin ? { qos_specs_id: null } : {}),
    'os-volume-type-access:is_public': view.isPublic,
  };
}
