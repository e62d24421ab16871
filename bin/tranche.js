#!/usr/bin/env node
// `tranche …` once installed (package.json "bin"): registers tsx's loader, then runs the TypeScript CLI as it is.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
