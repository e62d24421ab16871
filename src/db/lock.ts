import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export interface DataDirLock {
  release(): Promise<void>;
}

/** Raised when another process holds the data folder; the message says who and what to do instead. */
export class DataDirBusyError extends Error {
  constructor(dataDir: string, holder: string | undefined) {
    super(
      `the data folder ${dataDir} is in use${holder ? ` by ${holder}` : ' by another Tranche process'}; ` +
        'stop it first, or send the change through its HTTP API',
    );
    this.name = 'DataDirBusyError';
  }
}

/**
 * PGlite does not lock its folder and a second process that opens it loses its writes silently, so every process
 * that opens one takes this lock first. proper-lockfile refreshes it while held and treats it as stale after a crash.
 */
export async function lockDataDir(dataDir: string, holder: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = `${path.resolve(dataDir)}.lock`;
  const holderFile = path.join(dataDir, '.tranche-holder');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { lockfilePath: lockPath, stale: 15_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      const who = await readFile(holderFile, 'utf8').catch(() => undefined);
      throw new DataDirBusyError(dataDir, who?.trim());
    }
    throw error;
  }
  await writeFile(holderFile, `${holder} (pid ${process.pid})\n`);
  return { release };
}
