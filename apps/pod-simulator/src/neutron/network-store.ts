// Networks, subnets, ports and security groups of one simulated pod (a Neutron stub: enough for
// Nova to place servers on a network and for the CLI to list things; nothing is ever wired).
import { randomBytes } from 'node:crypto';
import { newUuid, stableUuid } from '../ids';

export interface Network {
  id: string;
  name: string;
  projectId: string;
  shared: boolean;
  external: boolean;
  subnetIds: string[];
  createdAt: number;
}

export interface Subnet {
  id: string;
  networkId: string;
  name: string;
  cidr: string;
  gatewayIp: string;
  projectId: string;
}

export interface Port {
  id: string;
  networkId: string;
  subnetId: string;
  deviceId: string;
  deviceOwner: string;
  projectId: string;
  macAddress: string;
  ipAddress: string;
  createdAt: number;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  projectId: string;
  createdAt: number;
}

const newMac = (): string => `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;

export class NetworkStore {
  readonly networks: Network[] = [];
  readonly subnets: Subnet[] = [];
  readonly ports: Port[] = [];
  readonly securityGroups: SecurityGroup[] = [];
  private nextHost = 10;

  constructor(podName: string, adminProjectId: string, now: number) {
    const shared: Network = {
      id: stableUuid(`${podName}:network:shared`),
      name: 'shared',
      projectId: adminProjectId,
      shared: true,
      external: false,
      subnetIds: [],
      createdAt: now,
    };
    const subnet: Subnet = {
      id: stableUuid(`${podName}:subnet:shared`),
      networkId: shared.id,
      name: 'shared-subnet',
      cidr: '10.0.0.0/16',
      gatewayIp: '10.0.0.1',
      projectId: adminProjectId,
    };
    shared.subnetIds.push(subnet.id);
    const pub: Network = {
      id: stableUuid(`${podName}:network:public`),
      name: 'public',
      projectId: adminProjectId,
      shared: false,
      external: true,
      subnetIds: [],
      createdAt: now,
    };
    this.networks.push(shared, pub);
    this.subnets.push(subnet);
  }

  get sharedNetwork(): Network {
    return this.networks[0] as Network;
  }

  visibleNetworks(projectId: string, isAdmin: boolean): Network[] {
    return this.networks.filter((n) => isAdmin || n.shared || n.external || n.projectId === projectId);
  }

  allocatePort(networkId: string, deviceId: string, projectId: string, az: string, now: number): Port | undefined {
    const subnet = this.subnets.find((s) => s.networkId === networkId);
    if (!subnet) return undefined;
    const port: Port = {
      id: newUuid(),
      networkId,
      subnetId: subnet.id,
      deviceId,
      deviceOwner: `compute:${az}`,
      projectId,
      macAddress: newMac(),
      ipAddress: this.nextAddress(),
      createdAt: now,
    };
    this.ports.push(port);
    return port;
  }

  /** Addresses of 10.0.0.0/16, handed out in order and reused after the end. */
  private nextAddress(): string {
    const used = new Set(this.ports.map((p) => p.ipAddress));
    for (let tries = 0; tries < 65000; tries++) {
      const n = this.nextHost;
      this.nextHost = n >= 65533 ? 10 : n + 1;
      const address = `10.0.${Math.floor(n / 256)}.${n % 256}`;
      if (n % 256 !== 0 && n % 256 !== 255 && !used.has(address)) return address;
    }
    throw new Error('pod simulator: shared network has no free address');
  }

  portsOf(deviceId: string): Port[] {
    return this.ports.filter((p) => p.deviceId === deviceId);
  }

  releasePorts(deviceId: string): void {
    for (let i = this.ports.length - 1; i >= 0; i--) if (this.ports[i]?.deviceId === deviceId) this.ports.splice(i, 1);
  }

  /** Neutron creates a project's "default" group the first time the project looks. */
  securityGroupsOf(projectId: string, now: number): SecurityGroup[] {
    if (!this.securityGroups.some((g) => g.projectId === projectId && g.name === 'default')) {
      this.securityGroups.push({
        id: newUuid(),
        name: 'default',
        description: 'Default security group',
        projectId,
        createdAt: now,
      });
    }
    return this.securityGroups.filter((g) => g.projectId === projectId);
  }

  findSecurityGroup(projectId: string, nameOrId: string, now: number): SecurityGroup | undefined {
    return this.securityGroupsOf(projectId, now).find((g) => g.id === nameOrId || g.name === nameOrId);
  }
}
