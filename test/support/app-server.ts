/**
 * A suite's app: the fixture, its HTTP server and a temporary folder for the files the suite writes, opened before
 * its tests and removed after them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from './app-fixtures.ts';

export interface AppSuite {
  readonly f: AppFixture;
  readonly app: FastifyInstance;
  readonly dir: string;
}

/** Registers the hooks; the suite's parts are there once its first test runs. */
export function appSuite(folderPrefix: string): AppSuite {
  let f: AppFixture | undefined;
  let app: FastifyInstance | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    dir = await mkdtemp(path.join(os.tmpdir(), folderPrefix));
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const opened = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`the suite's ${name} is opened before its first test`);
    return part;
  };
  return {
    get f() {
      return opened(f, 'fixture');
    },
    get app() {
      return opened(app, 'server');
    },
    get dir() {
      return opened(dir, 'folder');
    },
  };
}
