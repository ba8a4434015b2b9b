// Runs Debian's `openstack` CLI (python3-openstackclient 6.0) against podgate's compute and volume
// APIs while images and networks resolve in one pod's region. Shared by the compute and volume CLI
// suites, against simulated pods (test/system) and the lab's real ones (test/openstack). How,
// verified on this machine:
// - novaclient (server create/list/show/stop/...) takes the compute endpoint only from the Keystone
//   catalog; OS_COMPUTE_ENDPOINT_OVERRIDE reaches only the SDK-based commands (pause, suspend,
//   flavors), so an override alone splits one CLI session across two clouds. Hence podgate's compute
//   endpoint is a catalog entry in the CLI's region (the simulator's RegionOne; a temporary region
//   in the lab's Keystone).
// - Volumes likewise: cinderclient (`volume ...`) takes `volumev3` from the catalog, the SDK (the
//   volume lookup of `server add/remove volume`) takes `block-storage`; both are podgate's in that
//   region. OS_VOLUME_API_VERSION stays unset as a user's would: OSC then sends volume 3.0, and a
//   command that needs more says so with `--os-volume-api-version`.
// - Glance and Neutron stay the pod's through OS_IMAGE_ENDPOINT_OVERRIDE / OS_NETWORK_ENDPOINT_OVERRIDE,
//   which OSC only reads from the environment when OS_CLOUD names its `envvars` cloud (without it,
//   `--cloud ''` wins and the *_ENDPOINT_OVERRIDE variables are ignored).
import { execFile } from 'node:child_process';

export const OPENSTACK = '/usr/bin/openstack';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliUser {
  readonly username: string;
  readonly password: string;
  readonly projectName: string;
}

/** Where the CLI goes: Keystone, the region whose catalog holds podgate's compute, and one pod's Glance and Neutron. */
export interface CliEndpoints {
  readonly authUrl: string;
  readonly region: string;
  readonly imageUrl: string;
  readonly networkUrl: string;
}

/** `--nic none` needs 2.37 (OSC 6.0 defaults to 2.1 and fails on the client side). */
export const COMPUTE_API_VERSION = '2.37';

/** Asynchronous: an in-process gateway and simulator must keep answering while the CLI runs. */
export function runCli(home: string, user: CliUser, endpoints: CliEndpoints, args: readonly string[]): Promise<CliResult> {
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: home, // an empty HOME keeps the developer's clouds.yaml and caches out
    OS_CLOUD: 'envvars',
    OS_AUTH_URL: endpoints.authUrl,
    OS_IDENTITY_API_VERSION: '3',
    OS_USERNAME: user.username,
    OS_PASSWORD: user.password,
    OS_PROJECT_NAME: user.projectName,
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    OS_REGION_NAME: endpoints.region,
    OS_INTERFACE: 'public',
    OS_COMPUTE_API_VERSION: COMPUTE_API_VERSION,
    OS_IMAGE_ENDPOINT_OVERRIDE: endpoints.imageUrl,
    OS_NETWORK_ENDPOINT_OVERRIDE: endpoints.networkUrl,
  };
  return new Promise((resolve) => {
    execFile(OPENSTACK, args, { env, timeout: 300_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
