/**
 * Where a Nova sort key's column shows in a server body, so the merge compares what each pod sorted
 * by. Keys whose column no body shows compare as equal (the pods' own order and then registration
 * order decide), which keeps every page consistent even if not globally sorted by that column.
 */
const FIELD_OF_SORT_KEY: Readonly<Record<string, string>> = {
  created_at: 'created',
  updated_at: 'updated',
  launched_at: 'OS-SRV-USG:launched_at',
  terminated_at: 'OS-SRV-USG:terminated_at',
  display_name: 'name',
  display_description: 'description',
  uuid: 'id',
  vm_state: 'OS-EXT-STS:vm_state',
  task_state: 'OS-EXT-STS:task_state',
  power_state: 'OS-EXT-STS:power_state',
  availability_zone: 'OS-EXT-AZ:availability_zone',
  key_name: 'key_name',
  hostname: 'OS-EXT-SRV-ATTR:hostname',
  host: 'OS-EXT-SRV-ATTR:host',
  node: 'OS-EXT-SRV-ATTR:hypervisor_hostname',
  project_id: 'tenant_id',
  user_id: 'user_id',
  access_ip_v4: 'accessIPv4',
  access_ip_v6: 'accessIPv6',
  progress: 'progress',
  locked: 'locked',
  config_drive: 'config_drive',
  launch_index: 'OS-EXT-SRV-ATTR:launch_index',
  kernel_id: 'OS-EXT-SRV-ATTR:kernel_id',
  ramdisk_id: 'OS-EXT-SRV-ATTR:ramdisk_id',
  root_device_name: 'OS-EXT-SRV-ATTR:root_device_name',
};

/** The server's values for the sort keys, in key order; `null` where the body has none. */
export function serverSortValues(server: Readonly<Record<string, unknown>>, keys: readonly string[]): unknown[] {
  return keys.map((key) => {
    if (key === 'image_ref') {
      const image = server.image;
      return typeof image === 'object' && image !== null ? ((image as { id?: unknown }).id ?? null) : null;
    }
    const field = FIELD_OF_SORT_KEY[key];
    return field === undefined ? null : (server[field] ?? null);
  });
}
