// What the /__sim control endpoints can act on: a pod (or Keystone) of the simulator.
import { FaultState } from './fault-state';

export interface FaultTarget {
  readonly name: string;
  readonly faults: FaultState;
  /** Whether the listener accepts connections right now. */
  isUp(): boolean;
  /** Closes the listener (connection refused); `forMs` brings it back automatically. */
  down(forMs?: number): Promise<void>;
  up(): Promise<void>;
  /** Clears faults and brings the listener up; `data` also forgets every resource created since start. */
  reset(options: { data: boolean }): Promise<void>;
  describe(): Record<string, unknown>;
}
