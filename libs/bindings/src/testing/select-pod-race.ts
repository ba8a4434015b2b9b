import type { EventStore } from '@podgate/event-store';
import { SelectPodCommand } from '../commands/select-pod/select-pod.command';
import type { SelectPodResult } from '../commands/select-pod/select-pod.command';
import { bindingKeyId, bindingStream } from '../domain/binding.stream';
import { type BindingsTestBed, tenantContext } from './bindings-test-bed';

export interface RaceOutcome {
  readonly answers: SelectPodResult[];
  /** The binding stream's event types after the race. */
  readonly recorded: string[];
  readonly elapsedMs: number;
}

/**
 * `calls` first requests of one tenant in one AZ at once, each with its own handler (as separate
 * gateway requests would be), on two equally good pods so the choice is not forced by there being
 * only one. Run on PGlite in `npm test` and on a PostgreSQL server in the system tier.
 */
export async function raceSelectPod(
  bed: BindingsTestBed,
  label: string,
  calls: number,
  store?: EventStore,
): Promise<RaceOutcome> {
  const azName = `race-${label}-${Date.now()}`;
  const projectId = `tenant-${label}`;
  await bed.registerPod(`${azName}-a`, { azName });
  await bed.registerPod(`${azName}-b`, { azName });
  await bed.caughtUp();
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: calls }, (_, n) =>
      bed.selectPod({ store }).execute(new SelectPodCommand(projectId, azName, null, tenantContext(projectId, `user-${n}`))),
    ),
  );
  const elapsedMs = performance.now() - started;
  const stream = bindingStream(bindingKeyId({ projectId, azName, affinityTag: null }));
  const recorded = (await bed.store.readStream(stream)).map((event) => event.type);
  return { answers, recorded, elapsedMs };
}

/**
 * An event store that appends whatever revision the stream is at: what SelectPod would do if it
 * dropped the expected revision. The race spec uses it to show that it can fail.
 */
export function ignoringExpectedRevision(store: EventStore): EventStore {
  return new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'append'
        ? (stream: string, events: Parameters<EventStore['append']>[1]) => target.append(stream, events, 'any')
        : Reflect.get(target, property, receiver),
  });
}
