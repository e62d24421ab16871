import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import type { ChainLink } from '../../../src/ledger/event.ts';
import { describeFault, type ExportCheck } from '../../../src/ledger/export/check.ts';
import {
  chainOf,
  check,
  editJson,
  editLine,
  exportText,
  linesOf,
  newSigner,
  rearrange,
} from '../../support/ledger-export.ts';

const signer = newSigner();
const other = newSigner();
const events = chainOf();
const all = exportText(events, 'all', signer);
const pub = exportText(events, 'public', signer);
// Lines: 1 header, 2..8 events #1..#7 (#3 partners, #4 and #6 restricted), 9 footer.
const FOOTER = 9;

/** The fault a check found, or the whole result when it found none (so a failed expectation shows it). */
const fault = (result: ExportCheck) => (result.ok ? result : { ...result, message: describeFault(result) });

describe('signed ledger export: the file', () => {
  it('an --all export holds every event in full and checks out: count, head, signer', async () => {
    expect(await check(all)).toEqual({
      ok: true,
      scope: 'all',
      exportedAt: '2025-12-20T10:00:00.000Z',
      events: 7,
      redacted: 0,
      head: { seq: 7, hash: events[6]?.hash },
      fingerprint: signer.fingerprint,
    });
    expect(
      linesOf(all)
        .slice(1, -1)
        .map((line) => JSON.parse(line)),
    ).toEqual(events);
  });

  it('a public export shows public events in full and only seq, prevHash and hash of the others', async () => {
    const lines = linesOf(pub).map((line) => JSON.parse(line) as unknown);
    for (const seq of [3, 4, 6]) {
      const event = events[seq - 1];
      expect(lines[seq]).toEqual({ seq, redacted: true, prevHash: event?.prevHash, hash: event?.hash });
    }
    for (const seq of [1, 2, 5, 7]) expect(lines[seq]).toEqual(events[seq - 1]);
    expect(await check(pub)).toMatchObject({ ok: true, scope: 'public', events: 7, redacted: 3 });
    for (const secret of ['ruritania', 'Ruritania', '731500000', '88800000', 'contribution-', 'evt-0003', 'partners']) {
      expect(pub).not.toContain(secret);
    }
  });

  it('anyone can check it with sha256, RFC 8785 and Ed25519 alone', () => {
    const lines = linesOf(pub);
    const header = JSON.parse(lines[0] ?? '') as { signer: { publicKey: string; fingerprint: string } };
    const footer = JSON.parse(lines.at(-1) ?? '') as { head: unknown; eventsDigest: string; signature: string };
    const digest = createHash('sha256');
    for (const line of lines.slice(1, -1)) digest.update(`${line}\n`);
    expect(digest.digest('hex')).toBe(footer.eventsDigest);
    const publicKey = createPublicKey(header.signer.publicKey);
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(createHash('sha256').update(der).digest('hex')).toBe(header.signer.fingerprint);
    const signed = canonicalize({ header, head: footer.head, eventsDigest: footer.eventsDigest }) ?? '';
    expect(verify(null, Buffer.from(signed), publicKey, Buffer.from(footer.signature, 'base64'))).toBe(true);
  });

  it('is the same bytes for the same ledger, key and time', () => {
    expect(exportText(events, 'public', signer)).toBe(pub);
  });

  it('hands the events to a reader in chain order, a batch at a time', async () => {
    const batches: number[][] = [];
    const result = await check(all, {
      batchSize: 3,
      onEvents: async (links: readonly ChainLink[]) => {
        batches.push(links.map((link) => link.seq));
      },
    });
    expect(result.ok).toBe(true);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });
});

describe('verify --file names the first line and event at fault', () => {
  /** One byte of the partners pledge's amount, changed: 731500000 → 731500001. */
  const oneByte = (text: string) => editLine(text, 4, (line) => line.replace('731500000', '731500001'));

  it.each([
    [
      'one byte of an event changed',
      () => oneByte(all),
      {
        code: 'export-chain-broken',
        line: 4,
        message:
          'line 4, event #3 evt-0003 (ContributionPledged in contribution-nl-p1): its content does not match its hash: it was changed after it was recorded',
      },
    ],
    [
      'a line dropped',
      () => rearrange(all, [1, 2, 3, 4, 6, 7, 8, 9]),
      { code: 'export-chain-broken', line: 5, event: { seq: 5 }, reason: 'expected position 4, found 5' },
    ],
    [
      'two lines swapped',
      () => rearrange(all, [1, 2, 4, 3, 5, 6, 7, 8, 9]),
      { code: 'export-chain-broken', line: 3, event: { seq: 3 }, reason: 'expected position 2, found 3' },
    ],
    [
      'a line repeated',
      () => rearrange(all, [1, 2, 3, 3, 4, 5, 6, 7, 8, 9]),
      { code: 'export-chain-broken', line: 4, event: { seq: 2 }, reason: 'expected position 3, found 2' },
    ],
    [
      "a redacted event's hash changed: the event after it no longer links to it",
      () => editLine(pub, 5, (line) => editJson(line, (value) => Object.assign(value, { hash: 'f'.repeat(64) }))),
      {
        code: 'export-chain-broken',
        line: 6,
        message:
          'line 6, event #5 evt-0005 (PackageValidated in package-p1): its previous-hash link does not match the event before it',
      },
    ],
    [
      "a redacted event's link changed",
      () => editLine(pub, 4, (line) => editJson(line, (value) => Object.assign(value, { prevHash: '0'.repeat(64) }))),
      {
        code: 'export-chain-broken',
        line: 4,
        message: 'line 4, event #3 (redacted): its previous-hash link does not match the event before it',
      },
    ],
    [
      'the head in the footer changed',
      () =>
        editLine(all, FOOTER, (line) =>
          editJson(line, (value) => Object.assign(value, { head: { seq: 6, hash: events[5]?.hash } })),
        ),
      { code: 'export-head-mismatch', line: FOOTER, event: null },
    ],
    [
      'an event line rewritten with the same content (a space added)',
      () => editLine(all, 3, (line) => line.replace(/^\{/, '{ ')),
      { code: 'export-digest-mismatch', line: FOOTER },
    ],
    [
      'the last event dropped and the head moved back to the one before it',
      () =>
        editLine(rearrange(all, [1, 2, 3, 4, 5, 6, 7, 9]), 8, (line) =>
          editJson(line, (value) => Object.assign(value, { head: { seq: 6, hash: events[5]?.hash } })),
        ),
      { code: 'export-digest-mismatch', line: 8 },
    ],
    [
      "the signature swapped for another key's",
      () => {
        const theirs = JSON.parse(linesOf(exportText(events, 'all', other)).at(-1) ?? '') as { signature: string };
        return editLine(all, FOOTER, (line) =>
          editJson(line, (value) => Object.assign(value, { signature: theirs.signature })),
        );
      },
      { code: 'export-signature-invalid', line: FOOTER, reason: expect.stringContaining(signer.fingerprint) },
    ],
    [
      'the public key swapped, with its fingerprint',
      () =>
        editLine(all, 1, (line) =>
          editJson(line, (value) =>
            Object.assign(value, {
              signer: { algorithm: 'Ed25519', publicKey: other.publicKey, fingerprint: other.fingerprint },
            }),
          ),
        ),
      { code: 'export-signature-invalid', line: FOOTER },
    ],
    [
      'the public key swapped, not its fingerprint',
      () =>
        editLine(all, 1, (line) =>
          editJson(line, (value) =>
            Object.assign(value, {
              signer: { algorithm: 'Ed25519', publicKey: other.publicKey, fingerprint: signer.fingerprint },
            }),
          ),
        ),
      {
        code: 'export-signature-invalid',
        line: 1,
        reason: 'the fingerprint in the header is not that of its public key',
      },
    ],
    [
      'a redacted line in an export that says it holds every event',
      () => editLine(all, 4, () => linesOf(pub)[3] ?? ''),
      { code: 'export-scope-mismatch', line: 4, event: { seq: 3 } },
    ],
    [
      'a partners event in full in a public export',
      () => editLine(pub, 4, () => linesOf(all)[3] ?? ''),
      { code: 'export-scope-mismatch', line: 4, reason: 'recorded partners, yet in full in a public export' },
    ],
    [
      'the footer missing (cut short)',
      () => rearrange(all, [1, 2, 3, 4, 5, 6, 7, 8]),
      {
        code: 'export-malformed',
        line: 8,
        reason: expect.stringMatching(/^the last line is not the footer .*: cut short\?$/),
      },
    ],
    [
      'a line that is not JSON',
      () => editLine(all, 6, (line) => line.slice(0, -1)),
      { code: 'export-malformed', line: 6, reason: 'not a line of JSON' },
    ],
    [
      'an event line missing a field',
      () => editLine(all, 6, (line) => editJson(line, (value) => Reflect.deleteProperty(value, 'streamType'))),
      {
        code: 'export-malformed',
        line: 6,
        event: { seq: 5 },
        reason: expect.stringMatching(/^not an event of this format: streamType: /),
      },
    ],
    [
      'a newer format version',
      () => editLine(all, 1, (line) => editJson(line, (value) => Object.assign(value, { formatVersion: 3 }))),
      { code: 'export-unsupported', line: 1, reason: 'format version 3: this Tranche reads versions 1 and 2' },
    ],
    ['not an export at all', () => '{"hello":"world"}\n', { code: 'export-malformed', line: 1 }],
    ['an empty file', () => '', { code: 'export-malformed', line: null, reason: 'the file is empty' }],
  ])('%s', async (_what, tamper, expected) => {
    expect(fault(await check(tamper()))).toMatchObject({ ok: false, ...expected });
  });
});

describe('pinning the signer', () => {
  const resigned = exportText(events, 'all', other);

  it('a file re-signed by another key checks out on its own, naming that key', async () => {
    expect(await check(resigned)).toMatchObject({ ok: true, fingerprint: other.fingerprint });
  });

  it('but not against the pinned fingerprint, which is checked before any event is read', async () => {
    let read = 0;
    const result = await check(resigned, {
      fingerprint: signer.fingerprint,
      onEvents: async (links) => {
        read += links.length;
      },
    });
    expect(fault(result)).toMatchObject({
      ok: false,
      code: 'export-signer-unexpected',
      message: `line 1: signed by ${other.fingerprint}, not by the expected key ${signer.fingerprint}`,
    });
    expect(read).toBe(0);
    expect(await check(all, { fingerprint: signer.fingerprint })).toMatchObject({ ok: true });
  });
});
