import type { ShapeRules } from './shape';

/**
 * Where the simulator may differ in shape from a real pod, and why. Everything not covered here is
 * a fidelity bug: fix the simulator, or add the path with its reason (and the README's list of
 * known simplifications).
 */
export const SHAPE_RULES: ShapeRules = {
  maps: [
    /\.metadata$/, // user data: keys differ per resource
    /\.addresses$/, // keyed by network name
    /\.extra_specs$/,
    /\.volume_image_metadata$/,
  ],
  nullable: [
    /\.description$/,
    /\.updated_at$/, // null until the first change
    // Null while the server is not yet scheduled: the simulator may already be past BUILD when asked.
    /\.OS-EXT-SRV-ATTR:(host|hypervisor_hostname|root_device_name)$/,
    /\.(OS-EXT-AZ:availability_zone|key_name|host_status|OS-SRV-USG:launched_at|OS-SRV-USG:terminated_at|OS-EXT-STS:task_state)$/,
    /\.(consistencygroup_id|replication_status|source_volid|snapshot_id|migration_status|volume_type)$/,
  ],
};
