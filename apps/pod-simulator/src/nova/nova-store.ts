// Nova's state in one simulated pod: servers, flavors, keypairs, instance actions, hosts, services.
import { notFound } from '../http/openstack-error';
import { Caller } from '../http/request-context';
import { PodConfig } from '../pod/pod-config';
import { FlavorStore } from './flavor-store';
import { ComputeHost, NovaService, createHosts, createServices } from './hosts';
import { ServerRecord } from './server.model';

export interface Keypair {
  id: number;
  name: string;
  userId: string;
  publicKey: string;
  fingerprint: string;
  type: 'ssh' | 'x509';
  createdAt: number;
}

export interface InstanceActionEvent {
  event: string;
  startTime: number;
  finishAt: number;
  result: 'Success' | 'Error';
  host: string | null;
}

export interface InstanceAction {
  action: string;
  instanceUuid: string;
  requestId: string;
  userId: string;
  projectId: string;
  startTime: number;
  /** When the simulated task completes; the action reads as unfinished until then. */
  finishAt: number;
  message: string | null;
  events: InstanceActionEvent[];
}

export const serverNotFound = (id: string) => notFound(`Instance ${id} could not be found.`);

export class NovaStore {
  readonly servers = new Map<string, ServerRecord>();
  readonly flavors = new FlavorStore();
  /** userId -> name -> keypair (keypairs belong to users, not projects). */
  readonly keypairs = new Map<string, Map<string, Keypair>>();
  readonly instanceActions = new Map<string, InstanceAction[]>();
  readonly hosts: ComputeHost[];
  readonly services: NovaService[];
  private instanceCounter = 0;
  private keypairCounter = 0;

  constructor(config: PodConfig, now: number) {
    this.hosts = createHosts(config);
    this.services = createServices(config, this.hosts, now);
  }

  nextInstanceName(): string {
    this.instanceCounter += 1;
    return `instance-${this.instanceCounter.toString(16).padStart(8, '0')}`;
  }

  nextKeypairId(): number {
    this.keypairCounter += 1;
    return this.keypairCounter;
  }

  /** Nova answers 404 (not 403) for another project's server, so existence does not leak. */
  server(id: string, caller: Caller): ServerRecord {
    const server = this.servers.get(id);
    if (!server || !(caller.isAdmin || server.projectId === caller.projectId)) throw serverNotFound(id);
    return server;
  }

  projectServers(projectId: string): ServerRecord[] {
    return [...this.servers.values()].filter((s) => s.projectId === projectId);
  }

  keypairsOf(userId: string): Map<string, Keypair> {
    let map = this.keypairs.get(userId);
    if (!map) {
      map = new Map();
      this.keypairs.set(userId, map);
    }
    return map;
  }

  computeService(host: string): NovaService | undefined {
    return this.services.find((s) => s.binary === 'nova-compute' && s.host === host);
  }
}
