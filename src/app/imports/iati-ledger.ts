/**
 * What the ledger already holds of an IATI activity, for a publisher's next file: the contributions to its package
 * (their stage, amount and payments), and the newest `last-updated-datetime` of the activity in the files that are
 * evidence for its events.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { contributionDecider } from '../../domain/contribution/contribution.ts';
import { parseMoney } from '../../domain/money.ts';
import { readIati } from '../../ingest/formats/iati.ts';
import { loadState } from '../command.ts';
import { iatiId } from './iati-organisations.ts';
import { VERSION_LINE } from './iati-source.ts';

/** A contribution the ledger holds: what a transaction of the file is matched against. */
export interface KnownContribution {
  status: 'pledged' | 'committed' | 'withdrawn';
  readonly currency: string;
  /** The amount now promised, in minor units. */
  amount: bigint;
  /** Payments by id (`t<n>`): amount in minor units and the day paid. */
  readonly payments: ReadonlyMap<string, { readonly minor: bigint; readonly date: string }>;
}

/** The contributions to a package, by id, as the ledger holds them. */
export async function knownContributions(db: Db, packageId: string): Promise<Map<string, KnownContribution>> {
  const rows = await db.selectFrom('rm_contributions').select('id').where('package_id', '=', packageId).execute();
  const known = new Map<string, KnownContribution>();
  for (const { id } of rows) {
    const state = await loadState(db, contributionDecider, id);
    if (state.status === 'none') continue;
    const paid = await sql<{ payment_id: string; amount: string; occurred_on: string }>`
      select data->>'paymentId' as payment_id, data->'amount'->>'amount' as amount, meta->>'occurredOn' as occurred_on
      from events where stream_id = ${`contribution-${id}`} and type = 'ContributionPaid' order by version`.execute(db);
    const payments = new Map(
      paid.rows.map((row) => [
        row.payment_id,
        { minor: parseMoney({ amount: row.amount, currency: state.currency }).minor, date: row.occurred_on },
      ]),
    );
    known.set(id, {
      status: state.status,
      currency: state.currency,
      amount: parseMoney(state.amount).minor,
      payments,
    });
  }
  return known;
}

/** An instant for comparing `last-updated-datetime`s; null when it is not a date. */
export function instantOf(lastUpdated: string | null): number | null {
  if (!lastUpdated) return null;
  const time = Date.parse(lastUpdated);
  return Number.isNaN(time) ? null : time;
}

/**
 * The newest `last-updated-datetime` the ledger has seen for an activity (by its package id): read from the IATI files (sources
 * `iati-…` kept as text) that are evidence for the events of the activity's package and its contributions. Each
 * file is read once per import; a file too large to keep whole has the versions listed in its note.
 */
export function ledgerVersions(db: Db) {
  const files = new Map<string, Map<string, string>>();

  async function fileVersions(sourceId: string): Promise<Map<string, string>> {
    const cached = files.get(sourceId);
    if (cached) return cached;
    const versions = new Map<string, string>();
    files.set(sourceId, versions);
    const source = await db.selectFrom('rm_sources').select('body').where('id', '=', sourceId).executeTakeFirst();
    if (!source) return versions;
    if (!source.body.trimStart().startsWith('<')) {
      // A file too large to keep whole: its note lists each activity's version.
      for (const line of source.body.split('\n')) {
        const match = VERSION_LINE.exec(line);
        if (match?.[1] && match[2]) versions.set(iatiId(match[1]), match[2]);
      }
      return versions;
    }
    try {
      for await (const result of readIati(Readable.from([source.body]))) {
        if ('activity' in result && result.activity.lastUpdated) {
          versions.set(iatiId(result.activity.identifier), result.activity.lastUpdated);
        }
      }
    } catch {
      // Not a readable activity file (any more): it tells nothing of the activity's versions.
    }
    return versions;
  }

  return async function latest(packageId: string): Promise<string | null> {
    const sources = await sql<{ source: string }>`
      select distinct jsonb_array_elements_text(meta->'evidence') as source from events
      where stream_id = ${`package-${packageId}`} or stream_id like ${`contribution-${packageId}:%`}`.execute(db);
    let newest: string | null = null;
    for (const { source } of sources.rows) {
      if (!source.startsWith('iati-')) continue;
      const version = (await fileVersions(source)).get(packageId) ?? null;
      if ((instantOf(version) ?? -1) > (instantOf(newest) ?? -1)) newest = version;
    }
    return newest;
  };
}
