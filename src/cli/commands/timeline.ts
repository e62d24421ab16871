import type { Command } from 'commander';
import { FULL_SCOPE } from '../../domain/access.ts';
import { timeline } from '../../projections/queries/timeline.ts';
import type { CliContext } from '../context.ts';
import { RequestInvalidError } from '../errors.ts';
import { table } from '../output.ts';
import { addReadCommand } from '../read-command.ts';

export function registerTimelineCommand(program: Command, context: CliContext): void {
  addReadCommand(
    program,
    'timeline <entity>',
    'the history of a record, e.g. package:nl-1 or organisation:nl, with the evidence for each event',
    (command) => command,
    (db, _options, [entity = '']) => {
      if (!/^[a-z-]+:.+$/.test(entity)) {
        throw new RequestInvalidError('entity', `"${entity}" is not written as type:id, e.g. package:nl-1`);
      }
      return timeline(db, FULL_SCOPE, entity);
    },
    (entries) =>
      table(
        entries,
        [
          { header: '#', value: (entry) => entry.seq, align: 'right' },
          { header: 'on', value: (entry) => entry.occurredOn },
          { header: 'recorded', value: (entry) => entry.recordedAt.slice(0, 16).replace('T', ' ') },
          { header: 'event', value: (entry) => entry.type },
          { header: 'stream', value: (entry) => entry.streamId },
          { header: 'actor', value: (entry) => entry.actor },
          { header: 'basis', value: (entry) => entry.basis },
          {
            header: 'evidence',
            value: (entry) => entry.evidence.map((item) => `${item.publisher} (${item.language})`).join('; '),
          },
        ],
        '(no events)',
      ),
    context,
  );
}
