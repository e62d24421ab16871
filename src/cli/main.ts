import { run } from './run.ts';

// `tranche …` (bin/tranche.js, `npm run tranche --`, `npx tsx src/cli/main.ts`). The exit code is set rather than
// forced with process.exit(), so a large --json output piped elsewhere is written out in full first.
process.exitCode = await run(process.argv.slice(2));
