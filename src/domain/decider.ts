/**
 * The shape of every aggregate (after emmett's deciders): `decide` turns a command and the current state into new
 * events or throws a DomainError; `evolve` folds one event into the state. Both are pure.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly streamType: string;
  readonly initialState: State;
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  /**
   * The organisation a command acts for, whose role the permission map (access.ts) asks about: the donor of a
   * contribution, the coordinator of a package, the recipient of a requirement. Null when the command acts for no
   * organisation, or the record it names does not exist.
   */
  actingFor(command: Command, state: State): string | null;
}

/** An event as the domain knows it: a past-tense type and JSON data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Folds a stream's events into its state. */
export function fold<Event extends DomainEvent, State>(
  decider: Decider<unknown, Event, State>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}

/** Makes a `switch` exhaustive: a new command or event type fails to compile until it is handled. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
