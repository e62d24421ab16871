/**
 * The real public files in ../shared/data (see its README). Without them a suite says so once and does not run,
 * except under CI=true, where the missing data is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isCi } from '../../../support/env.ts';

const SHARED_DATA = path.resolve(import.meta.dirname, '../../../../../shared/data');

/** The path of a shared file, whether it is there, and whether its suite should run (always under CI). */
export function sharedFile(relative: string): { readonly file: string; readonly run: boolean } {
  const file = path.join(SHARED_DATA, relative);
  const present = existsSync(file);
  if (!present && !isCi()) console.warn(`real-file tests skipped: ${file} is missing (the shared public data)`);
  return { file, run: present || isCi() };
}

/** For a suite's beforeAll: under CI=true a missing file fails the suite with this message. */
export function requireFile(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: the shared public data is required under CI=true`);
}
