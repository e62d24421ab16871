/**
 * Used after vitest's default reporter (see vitest.config.ts): prints, as the very last line of a run,
 *   N passed, N failed[, N skipped]
 * counting test cases across all projects. A test file that failed outside any test (it did not load, or a
 * beforeAll/afterAll hook threw) and each unhandled error count as one failure each, so the line never says
 * "0 failed" for a run that failed.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export function tally(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): Tally {
  const counts: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const testModule of testModules) {
    let failedTests = 0;
    for (const testCase of testModule.children.allTests()) {
      const { state } = testCase.result();
      if (state === 'passed') counts.passed += 1;
      else if (state === 'failed') failedTests += 1;
      else counts.skipped += 1; // skipped or todo; `pending` only when the run was interrupted
    }
    counts.failed += failedTests;
    const moduleErrors =
      testModule.errors().length + [...testModule.children.allSuites()].reduce((n, s) => n + s.errors().length, 0);
    if (moduleErrors > 0 && failedTests === 0) counts.failed += 1;
  }
  counts.failed += unhandledErrors.length;
  return counts;
}

export function formatTally({ passed, failed, skipped }: Tally): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    _reason: TestRunEndReason,
  ): void {
    process.stdout.write(`${formatTally(tally(testModules, unhandledErrors))}\n`);
  }
}
