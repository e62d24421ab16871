/** Deterministic stand-ins for the app's `clock` and `newId` dependencies. No database: unit tests may use them. */

export interface FixedClock {
  /** The current instant (a fresh Date each call, so callers cannot move the clock by mutating it). */
  now(): Date;
  /** Moves the clock forward by `ms` milliseconds (negative moves it back) and returns the new instant. */
  advance(ms: number): Date;
  /** Puts the clock at an ISO 8601 instant and returns it. */
  set(iso: string): Date;
}

function parseInstant(iso: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`fixedClock needs an ISO 8601 instant, not "${iso}"`);
  return time;
}

/** A clock that stands still at `iso` until told to move. */
export function fixedClock(iso: string): FixedClock {
  let time = parseInstant(iso);
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
      return new Date(time);
    },
    set: (next: string) => {
      time = parseInstant(next);
      return new Date(time);
    },
  };
}

/** `sequentialIds('org')` gives a function returning `org-0001`, `org-0002`, … */
export function sequentialIds(prefix: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}-${String(next).padStart(4, '0')}`;
  };
}
