/**
 * Part 3: cold start of `npm start` (node --import tsx src/cli/main.ts serve --demo-if-empty) to the first `200` from
 * GET /health, (a) on a fresh data folder — initdb, migrations and whatever loading the server does when empty —
 * and (b) started again on the folder (a) left. Each start runs in its own process group, which is stopped
 * afterwards (SIGINT as a person would, then SIGTERM, then SIGKILL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { progress } from './lib.ts';

export interface StartResult {
  readonly label: string;
  /** ms from spawn to the first 200, or undefined when it never answered. */
  readonly readyMs?: number;
  /** Why it did not answer. */
  readonly skipped?: string;
  /** How the process ended when asked to stop. */
  readonly stopped?: string;
  /** The first lines the server printed, with the ms since spawn at which each arrived. */
  readonly milestones: readonly { ms: number; line: string }[];
}

export interface ColdStartResult {
  readonly command: string;
  readonly starts: readonly StartResult[];
  readonly skipped?: string;
}

const ENTRY = 'src/cli/main.ts';
const POLL_MS = 50;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess): Promise<string> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.signalCode ? `signal ${child.signalCode}` : `exit ${child.exitCode}`);
      return;
    }
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit ${code}`));
  });

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Signals the whole process group (npm → sh → tsx → server), as Ctrl-C in a terminal does, and waits until every
 * process of it is gone (npm itself exits at once; the server then closes the database and releases the folder's
 * lock), escalating to SIGTERM, then SIGKILL.
 */
async function stopGroup(child: ChildProcess): Promise<string> {
  const pgid = child.pid;
  if (pgid === undefined) return 'never started';
  const leader = exited(child);
  const started = performance.now();
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGTERM', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(-pgid, signal);
    } catch {
      break; // the group is gone
    }
    const until = performance.now() + waitMs;
    while (groupAlive(pgid) && performance.now() < until) await delay(50);
    if (!groupAlive(pgid)) {
      const how = await Promise.race([leader, delay(1000).then(() => '?')]);
      return `${signal} to the group → all gone after ${((performance.now() - started) / 1000).toFixed(1)} s (npm: ${how})`;
    }
  }
  return 'did not stop';
}

/** Live children and their folders, so that run.ts can stop and remove them if the bench itself is interrupted. */
export const liveChildren = new Set<ChildProcess>();
export const liveFolders = new Set<string>();

async function startOnce(label: string, dataDir: string, timeoutMs: number): Promise<StartResult> {
  const port = await freePort();
  const output: string[] = [];
  const milestones: { ms: number; line: string }[] = [];
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRANCHE_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  liveChildren.add(child);
  const keep = (chunk: Buffer) => {
    const lines = chunk.toString().split('\n').filter(Boolean);
    const at = performance.now() - started;
    for (const line of lines) if (milestones.length < 6) milestones.push({ ms: at, line: line.slice(0, 100) });
    output.push(...lines);
    if (output.length > 40) output.splice(0, output.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let ended: string | undefined;
  void exited(child).then((how) => {
    ended = how;
  });
  let readyMs: number | undefined;
  while (readyMs === undefined && ended === undefined && performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) readyMs = performance.now() - started;
    } catch {
      // not listening yet
    }
    if (readyMs === undefined) await delay(POLL_MS);
  }
  const stopped = ended === undefined ? await stopGroup(child) : undefined;
  liveChildren.delete(child);
  if (readyMs !== undefined) return { label, readyMs, milestones, ...(stopped ? { stopped } : {}) };
  const tail = output.slice(-3).join(' | ').slice(0, 300);
  const why =
    ended !== undefined
      ? `the process ended (${ended}) before /health answered 200${tail ? `: ${tail}` : ''}`
      : `no 200 from /health within ${timeoutMs / 1000} s${tail ? `; last output: ${tail}` : ''}`;
  return { label, skipped: why, milestones, ...(stopped ? { stopped } : {}) };
}

export async function benchColdStart(timeoutMs: number): Promise<ColdStartResult> {
  const command =
    'npm start (node --import tsx src/cli/main.ts serve --demo-if-empty), fresh TRANCHE_DATA_DIR, free PORT';
  if (!existsSync(path.resolve(ENTRY))) {
    return { command, starts: [], skipped: `${ENTRY} does not exist` };
  }
  const root = await mkdtemp(path.join(os.tmpdir(), 'tranche-bench-start-'));
  liveFolders.add(root);
  const dataDir = path.join(root, 'data');
  try {
    progress('cold start (a): fresh data folder');
    const first = await startOnce('(a) fresh data folder', dataDir, timeoutMs);
    if (first.skipped) return { command, starts: [first], skipped: first.skipped };
    progress('cold start (b): existing data folder');
    const second = await startOnce('(b) existing data folder', dataDir, timeoutMs);
    return { command, starts: [first, second] };
  } finally {
    await rm(root, { recursive: true, force: true });
    liveFolders.delete(root);
  }
}
