/**
 * vitest globalSetup of the browser project: builds the web app once into a temporary folder and finds
 * Debian's Chromium, which scripts/ensure-chromium.sh installs. Without Chromium the browser tests are skipped with
 * one message — except under CI=true, where the run fails here, saying what to install.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { isCi, TEMP_PREFIX, testTempRoot } from './env.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidate = env.TRANCHE_CHROMIUM || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = chromiumPath();
  if (!chromium) {
    const message =
      "no Chromium at /usr/bin/chromium (or TRANCHE_CHROMIUM): install Debian's chromium package " +
      '(scripts/ensure-chromium.sh does it as root)';
    if (isCi()) throw new Error(`browser tests: ${message}`);
    console.warn(`browser tests not run: ${message}`);
  }
  // A build of this run's own, so a running `npm start` (web/dist) and other runs are left alone.
  const webRoot = await mkdtemp(path.join(testTempRoot(), `${TEMP_PREFIX}-web-${process.pid}-`));
  await build({
    configFile: path.join(ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  project.provide('trancheWebRoot', webRoot);
  project.provide('trancheChromium', chromium ?? '');
  return () => rm(webRoot, { recursive: true, force: true });
}
