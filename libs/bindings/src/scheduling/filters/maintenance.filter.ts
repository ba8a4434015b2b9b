import type { PodFilter } from '../schedulable-pod';

export const maintenanceFilter: PodFilter = {
  name: 'MaintenanceFilter',
  passes: (pod) => !pod.inMaintenance,
};
