/**
 * A slice's pure core: `decide` turns a command and the current state into new events (or throws a
 * DomainError), `evolve` folds one event into the state. No I/O, so both are tested without a store.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

export const foldEvents = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState);

/**
 * Given/When/Then for deciders, with no framework: the outcome is returned for the test to assert.
 * `given(history).when(command)` gives the new events, or the error the decider threw.
 */
export function specify<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given: (history: readonly Event[]) => ({
      when: (command: Command): { events?: Event[]; error?: unknown } => {
        try {
          return { events: decider.decide(command, foldEvents(decider, history)) };
        } catch (error) {
          return { error };
        }
      },
    }),
  };
}
