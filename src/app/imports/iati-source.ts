/**
 * The source an IATI file is recorded as, `iati-<digest>`: evidence for every event its activities cause. A file
 * that fits is kept whole as the source's text, so every narrative in every language and every element the import
 * does not map stay on the ledger. A larger one is kept as a note: its name, size and digest, and one line per
 * activity with its `last-updated-datetime` — what a publisher's next file is compared with (iati-ledger.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Visibility } from '../../domain/facts.ts';
import { readIati } from '../../ingest/formats/iati.ts';
import type { IatiActivity } from '../../ingest/formats/iati-types.ts';
import { existingStreams } from '../command.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { recordSource } from '../sources.ts';
import { localized } from './iati-organisations.ts';

/** The largest file kept whole as its source's text (a source's text is at most 1,000,000 characters). */
const MAX_SOURCE_TEXT = 1_000_000;

/** A line of a large file's note: `activity <identifier> last-updated <datetime>`. */
export const VERSION_LINE = /^activity (\S+) last-updated (\S+)$/;

/** The note kept for a file too large to keep whole, with each activity's version. */
async function largeFileNote(path: string, file: string, size: number, sha256: string): Promise<string> {
  const lines = [`IATI activity file ${file}, ${size} bytes, SHA-256 ${sha256}: too large to keep as text.`];
  let length = lines[0]?.length ?? 0;
  for await (const result of readIati(createReadStream(path))) {
    if (!('activity' in result) || !result.activity.lastUpdated) continue;
    const line = `activity ${result.activity.identifier} last-updated ${result.activity.lastUpdated}`;
    length += line.length + 1;
    if (length > MAX_SOURCE_TEXT) break;
    lines.push(line);
  }
  return lines.join('\n');
}

export async function fileSource(
  deps: AppDeps,
  request: RequestContext,
  path: string,
  sha256: string,
  first: IatiActivity,
  visibility: Visibility,
): Promise<string> {
  const id = `iati-${sha256.slice(0, 16)}`;
  if ((await existingStreams(deps.db, 'source', [id])).size > 0) return id;
  const file = basename(path);
  const size = (await stat(path)).size;
  const names = localized(first.reportingOrg?.narratives ?? []);
  const publisher =
    names.en ?? names.uk ?? names.ru ?? first.reportingOrg?.narratives[0]?.text ?? first.reportingOrg?.ref;
  const text = size <= MAX_SOURCE_TEXT ? await readFile(path, 'utf8') : await largeFileNote(path, file, size, sha256);
  await recordSource(deps, request, {
    id,
    publisher: publisher ?? 'IATI publisher',
    language: 'en',
    title: `IATI activity file ${file}`,
    text: text.length <= MAX_SOURCE_TEXT ? text : text.slice(0, MAX_SOURCE_TEXT),
    visibility,
    basis: 'official',
  });
  return id;
}
