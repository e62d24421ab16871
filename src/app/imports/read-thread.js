// The reading worker's entry (split.ts): a worker thread starts without the parent's TypeScript loader, so it
// registers tsx's, as bin/tranche.js does, then runs the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
