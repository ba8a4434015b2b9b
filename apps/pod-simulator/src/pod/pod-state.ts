// All state of one simulated pod (a test double of one OpenStack cloud). Stores are plain
// in-memory objects; delayed changes go through `Transitions` and are applied by `settle()`
// at the start of every request.
import { Clock } from '../clock';
import { CinderStore } from '../cinder/cinder-store';
import { FaultState } from '../faults/fault-state';
import { ImageStore } from '../glance/image-store';
import { NetworkStore } from '../neutron/network-store';
import { NovaStore } from '../nova/nova-store';
import { Scheduler } from '../nova/scheduler';
import { PodConfig } from './pod-config';
import { ApplyTransition, Transitions } from './transitions';

export class PodState {
  readonly transitions = new Transitions();
  readonly faults: FaultState;
  nova!: NovaStore;
  cinder!: CinderStore;
  network!: NetworkStore;
  images!: ImageStore;
  readonly scheduler: Scheduler;

  constructor(
    readonly config: PodConfig,
    readonly clock: Clock,
    private readonly adminProjectId: string,
    faultSeed: number,
  ) {
    this.faults = new FaultState(faultSeed);
    this.resetData();
    this.scheduler = new Scheduler({
      config,
      faults: this.faults,
      hosts: () => this.nova.hosts,
      services: () => this.nova.services,
      servers: () => this.nova.servers.values(),
    });
  }

  now(): number {
    return this.clock();
  }

  /** Applies every delayed change that is due; cheap when nothing is pending. */
  settle(): void {
    this.transitions.settle(this.clock());
  }

  /** Schedules `apply` `delayMs` after `from` (pass the due time when chaining from a transition). */
  later(key: string, delayMs: number, apply: ApplyTransition, from = this.clock()): void {
    this.transitions.schedule(key, from + delayMs, apply);
  }

  /** Forgets every resource created since start (flavors, hosts and services back to defaults). */
  resetData(): void {
    const now = this.clock();
    this.transitions.clear();
    this.nova = new NovaStore(this.config, now);
    this.cinder = new CinderStore(this.config.name);
    this.network = new NetworkStore(this.config.name, this.adminProjectId, now);
    this.images = new ImageStore(this.adminProjectId, now);
  }
}
