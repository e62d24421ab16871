import { describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds } from '../support/fixtures.ts';
import { formatTally } from '../support/reporter.ts';

describe('fixedClock', () => {
  it('stands still until advanced', () => {
    const clock = fixedClock('2025-08-05T10:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-08-05T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2025-08-05T10:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2025-08-05T10:01:30.000Z');
  });

  it('cannot be moved by mutating a Date it returned', () => {
    const clock = fixedClock('2025-08-05T10:00:00Z');
    clock.now().setFullYear(2000);
    expect(clock.now().getUTCFullYear()).toBe(2025);
  });

  it('refuses a value that is not an instant', () => {
    expect(() => fixedClock('next tuesday')).toThrow(/ISO 8601/);
  });
});

describe('sequentialIds', () => {
  it('numbers ids from 0001 with the prefix', () => {
    const newId = sequentialIds('pkg');
    expect([newId(), newId(), newId()]).toEqual(['pkg-0001', 'pkg-0002', 'pkg-0003']);
  });
});

describe('summary line', () => {
  it('names skipped tests only when there are some', () => {
    expect(formatTally({ passed: 3, failed: 0, skipped: 0 })).toBe('3 passed, 0 failed');
    expect(formatTally({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed, 2 skipped');
  });
});
