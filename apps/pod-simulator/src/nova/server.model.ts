// The simulated Nova's record of a server, with Nova's own vocabulary (vm_state, task_state,
// power_state) so the derived API status follows exactly the rules Nova applies.

export type VmState =
  | 'building'
  | 'active'
  | 'stopped'
  | 'paused'
  | 'suspended'
  | 'rescued'
  | 'resized'
  | 'shelved'
  | 'shelved_offloaded'
  | 'error'
  | 'deleted'
  | 'soft-delete';

export type TaskState =
  | null
  | 'scheduling'
  | 'spawning'
  | 'powering-off'
  | 'powering-on'
  | 'pausing'
  | 'unpausing'
  | 'suspending'
  | 'resuming'
  | 'rebooting'
  | 'rebooting_hard'
  | 'resize_prep'
  | 'resize_reverting'
  | 'resize_confirming'
  | 'rebuilding'
  | 'rebuild_spawning'
  | 'image_snapshot'
  | 'rescuing'
  | 'unrescuing'
  | 'shelving'
  | 'shelving_offloading'
  | 'unshelving'
  | 'migrating'
  | 'updating_password'
  | 'deleting';

/** nova.compute.power_state values. */
export const PowerState = { NOSTATE: 0, RUNNING: 1, PAUSED: 3, SHUTDOWN: 4, CRASHED: 6, SUSPENDED: 7 } as const;
export type PowerStateValue = (typeof PowerState)[keyof typeof PowerState];

/** The flavor as embedded in the instance at boot (what 2.47+ shows and what capacity counts). */
export interface FlavorSnapshot {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  extraSpecs: Record<string, string>;
}

export interface ServerFault {
  code: number;
  message: string;
  details: string;
  created: number;
}

export interface ServerVolumeAttachment {
  volumeId: string;
  device: string;
  /** The Cinder attachment id (2.89 shows it). */
  attachmentId: string;
  bdmUuid: string;
  tag: string | null;
  deleteOnTermination: boolean;
}

export interface ServerRecord {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  flavor: FlavorSnapshot;
  /** Kept while VERIFY_RESIZE so a revert can restore it. */
  resizeFrom?: { flavor: FlavorSnapshot; host: string | null; vmState: VmState; powerState: PowerStateValue };
  /** null when booted from a volume (the API shows `""`). */
  imageId: string | null;
  vmState: VmState;
  taskState: TaskState;
  powerState: PowerStateValue;
  /** null while unscheduled, after a NoValidHost, and when shelved-offloaded. */
  host: string | null;
  az: string;
  pinnedAz: string | null;
  createdAt: number;
  updatedAt: number;
  launchedAt: number | null;
  metadata: Record<string, string>;
  tags: string[];
  description: string | null;
  keyName: string | null;
  securityGroups: string[];
  accessIPv4: string;
  accessIPv6: string;
  locked: boolean;
  lockedReason: string | null;
  lockedByAdmin: boolean;
  fault: ServerFault | null;
  volumeAttachments: ServerVolumeAttachment[];
  reservationId: string;
  launchIndex: number;
  hostname: string;
  userData: string | null;
  configDrive: string;
  diskConfig: 'AUTO' | 'MANUAL';
  /** libvirt-style name, `instance-0000002a`. */
  instanceName: string;
  trustedImageCertificates: string[] | null;
}
