import { DomainError } from '../domain/errors.ts';

/** The one place where PostgreSQL SQLSTATEs become domain errors; anything else stays a server fault. */
export function mapDatabaseError(error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case '23505':
      return new DomainError('write-conflict', 'another change was recorded at the same time; reload and try again', {
        kind: 'conflict',
      });
    case '40001':
    case '40P01':
      return new DomainError('write-conflict', 'the database could not serialise concurrent changes; try again', {
        kind: 'conflict',
      });
    // A NUL character (U+0000), which neither text nor jsonb can hold: what was sent cannot be stored or looked up.
    case '22021':
    case '22P05':
      return new DomainError(
        'text-not-storable',
        'the request holds a character that can be neither stored nor looked up (U+0000)',
        {
          kind: 'invalid',
        },
      );
    case 'P0001':
      if ((error as { hint?: unknown }).hint === 'ledger-append-only') {
        return new DomainError('ledger-append-only', 'the ledger is append-only: events are never changed or removed');
      }
      return error;
    default:
      return error;
  }
}
