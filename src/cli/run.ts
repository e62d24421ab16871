import { type Config, readConfig } from '../config.ts';
import type { CliContext, CliIo } from './context.ts';
import { describeFailure } from './errors.ts';
import { buildProgram } from './program.ts';

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Runs one `tranche` command: reads the configuration once, and reports a failure as one line on stderr with an
 * exit code (2 refused or invalid, 3 conflict, 4 data folder busy, 1 anything else; a stack only with TRANCHE_DEBUG=1).
 */
export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = processIo,
): Promise<number> {
  let config: Config | undefined;
  try {
    config = readConfig(env);
    const context: CliContext = {
      config,
      out: (text) => io.stdout(`${text}\n`),
      write: (text) => io.stdout(text),
      note: (text) => io.stderr(`${text}\n`),
    };
    await buildProgram(context, io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.line) io.stderr(`${failure.line}\n`);
    if (config?.debug && failure.stack) io.stderr(`${failure.stack}\n`);
    return failure.exitCode;
  }
}
