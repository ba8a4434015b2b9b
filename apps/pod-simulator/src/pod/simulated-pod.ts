// One simulated pod: its state and its (restartable) listener. A test double of one cloud.
import { FaultState } from '../faults/fault-state';
import { FaultTarget } from '../faults/fault-target';
import { SimLog } from '../http/app';
import { ManagedListener } from '../http/managed-listener';
import { KeystoneState } from '../keystone/keystone-state';
import { createPodApp } from './pod-app';
import { PodState } from './pod-state';

export class SimulatedPod implements FaultTarget {
  private readonly listener: ManagedListener;

  constructor(
    readonly state: PodState,
    keystone: KeystoneState,
    host: string,
    log?: SimLog,
  ) {
    this.listener = new ManagedListener(() => createPodApp(state, keystone, this, log), host, state.config.port);
  }

  get name(): string {
    return this.state.config.name;
  }

  get faults(): FaultState {
    return this.state.faults;
  }

  get url(): string {
    return this.listener.url;
  }

  isUp(): boolean {
    return this.listener.isUp();
  }

  up(): Promise<void> {
    return this.listener.up();
  }

  down(forMs?: number): Promise<void> {
    return this.listener.down(forMs);
  }

  async reset(options: { data: boolean }): Promise<void> {
    this.state.faults.reset();
    if (options.data) this.state.resetData();
    await this.listener.up();
  }

  describe(): Record<string, unknown> {
    const c = this.state.config;
    return { name: c.name, region: c.region, az: c.az, url: this.url, simulator: 'pod simulator (test double)' };
  }
}
