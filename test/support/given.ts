/**
 * Given/when/then for deciders: `given(decider, ...events).when(command).then(events)` or `.thenFails(code, field)`.
 * The given events are folded through `evolve`; `decide` runs once on the resulting state.
 */
import { expect } from 'vitest';
import type { Decider, DomainEvent } from '../../src/domain/decider.ts';
import { DomainError } from '../../src/domain/errors.ts';

export interface When<Event> {
  /** Asserts that the command is accepted and yields exactly these events (none, for a command with no effect). */
  then(expected: readonly Event[]): void;
  /** Asserts that the command is refused with this error code and, when given, this field; returns the error. */
  thenFails(code: string, field?: string): DomainError;
}

export interface Given<Command, Event> {
  when(command: Command): When<Event>;
}

export function given<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  ...events: NoInfer<Event>[]
): Given<Command, Event> {
  const state = events.reduce((current, event) => decider.evolve(current, event), decider.initialState);
  return {
    when: (command) => ({
      // biome-ignore lint/suspicious/noThenProperty: the given/when/then wording is the point; never awaited
      then(expected) {
        expect(decider.decide(command, state)).toEqual(expected);
      },
      thenFails(code, field) {
        let outcome: readonly Event[];
        try {
          outcome = decider.decide(command, state);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const actual = field === undefined ? { code: error.code } : { code: error.code, field: error.field };
          expect(actual, error.message).toEqual(field === undefined ? { code } : { code, field });
          return error;
        }
        throw new Error(`expected DomainError "${code}", but decide returned ${JSON.stringify(outcome)}`);
      },
    }),
  };
}
