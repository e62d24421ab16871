/**
 * setupFiles of the integration-postgres project: when the server did not answer at the start of the run (only
 * possible under CI=true, or if it stopped after vitest.config.ts checked it), every test file of the project fails
 * to load with the one-line reason, while the other projects run as usual.
 */
import { inject } from 'vitest';

const unavailable = inject('tranchePostgresUnavailable');
if (unavailable) {
  const error = new Error(unavailable);
  error.name = 'PostgresUnavailable';
  error.stack = `${error.name}: ${unavailable}`;
  throw error;
}
