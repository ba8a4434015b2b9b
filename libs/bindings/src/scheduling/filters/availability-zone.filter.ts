import type { PodFilter } from '../schedulable-pod';

export const availabilityZoneFilter: PodFilter = {
  name: 'AvailabilityZoneFilter',
  passes: (pod, request) => pod.azName === request.azName,
};
