import { Command } from 'commander';
import { registerClaimCommands } from './commands/claim.ts';
import { registerContributionCommands } from './commands/contribution.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerExportCommands } from './commands/export.ts';
import { registerExtractCommand } from './commands/extract.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerLedgerCommands } from './commands/ledger.ts';
import { registerLedgerFileCommands } from './commands/ledger-file.ts';
import { registerOrgCommands } from './commands/org.ts';
import { registerPackageCommands } from './commands/package.ts';
import { registerPeopleCommands } from './commands/people.ts';
import { registerPriorityListCommands } from './commands/priority-list.ts';
import { registerRequirementCommands } from './commands/requirement.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSourceCommands } from './commands/source.ts';
import { registerSummaryCommands } from './commands/summary.ts';
import { registerTimelineCommand } from './commands/timeline.ts';
import type { CliContext, CliIo } from './context.ts';

/**
 * The `tranche` command tree. Commands throw; run.ts turns what they throw into one line and an exit code. Subcommands
 * inherit exitOverride and the output streams, since they are set before any subcommand is added.
 */
export function buildProgram(context: CliContext, io: CliIo): Command {
  const program = new Command('tranche')
    .description('Tranche: aid packages from requirement to delivery, on an append-only, hash-chained ledger')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Usage errors stay on one line, like every other error: "error: unknown option '--x' (Did you mean --y?)".
      outputError: (text, write) => write(`${text.trimEnd().replace(/\n+/g, ' ')}\n`),
    });
  registerServeCommand(program, context);
  registerLedgerCommands(program, context);
  registerLedgerFileCommands(program, context);
  registerDemoCommand(program, context);
  registerOrgCommands(program, context);
  registerRequirementCommands(program, context);
  registerPriorityListCommands(program, context);
  registerPackageCommands(program, context);
  registerContributionCommands(program, context);
  registerSourceCommands(program, context);
  registerClaimCommands(program, context);
  registerSummaryCommands(program, context);
  registerTimelineCommand(program, context);
  registerExtractCommand(program, context);
  registerExportCommands(program, context);
  registerImportCommand(program, context);
  registerPeopleCommands(program, context);
  return program;
}
