/**
 * A batch of flows as the ledger keeps it: its text reads back to the same flows, and its totals are exact sums,
 * whether the amounts fit in whole cents or carry ten decimals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BATCH_COLUMNS,
  decodeBatch,
  decodeLine,
  type FlowTotal,
  flowLine,
  type KeyedFlows,
  linesByRow,
  rowSubstances,
  TotalsSum,
  totalledFlow,
} from '../../../src/domain/flow/batch.ts';
import { FLOW_CATEGORIES, FLOW_STAGES, type FlowRecord } from '../../../src/domain/flow/flow.ts';
import { sampleFlow } from '../../support/flows.ts';

const flow = sampleFlow;

/** A batch's text as the importer writes it: a line per flow. */
const encodeBatch = (rows: readonly KeyedFlows[]): string =>
  rows.flatMap((row) => row.flows.map((one) => flowLine(row.key, one))).join('\n');

/** Flows summed as a batch sums them. */
function batchTotals(flows: readonly FlowRecord[]): FlowTotal[] {
  const sum = new TotalsSum();
  for (const one of flows) sum.addFlow(one);
  return sum.take();
}

/** The reference sum: every value scaled to ten decimals as a bigint. */
function referenceSum(values: readonly (string | null)[]): string {
  let total = 0n;
  for (const value of values) {
    if (value === null) continue;
    const negative = value.startsWith('-');
    const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
    const scaled = BigInt(whole) * 10n ** 10n + BigInt(fraction.padEnd(10, '0'));
    total += negative ? -scaled : scaled;
  }
  const sign = total < 0n ? '-' : '';
  const size = total < 0n ? -total : total;
  return `${sign}${size / 10n ** 10n}.${String(size % 10n ** 10n).padStart(10, '0')}`;
}

/** Decimals of up to twenty digits and ten places. */
const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), fc.integer({ min: 0, max: 10 }))
  .map(([digits, places]) => {
    const text = digits.toString().padStart(places + 1, '0');
    return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
  });

describe('a batch of flows', () => {
  it('reads back to the same flows, free text with tabs, line breaks, quotes and \\N included', () => {
    const rows: KeyedFlows[] = [
      {
        key: 'kiel-r29:de:2025-03',
        row: 2,
        flows: [flow(), flow({ id: 'kiel-r29:de:2025-03:committed:total', stage: 'committed', category: 'total' })],
      },
      {
        key: 'fts:228238',
        row: 7,
        flows: [
          flow({
            id: 'fts:228238',
            recipientId: null,
            description: 'Line one\tcolumn\nline two "quoted" \\N and «ünïcode»',
            eur: null,
            statedRate: '0.8240000001',
            origin: { file: 'fts "flows".csv', row: 7, release: null },
          }),
        ],
      },
    ];
    const decoded = [...decodeBatch(encodeBatch(rows))];
    expect(decoded).toEqual(rows.flatMap((row) => row.flows.map((one) => ({ key: row.key, ...one }))));
  });

  it('sums by donor, month, stage and category; a flow without an equivalent adds nothing but counts', () => {
    const totals = batchTotals([
      flow(),
      flow({ period: '2025-03-17', eur: '0.01', usd: null }),
      flow({ donorId: 'nl' }),
    ]);
    expect(totals).toEqual([
      ['de', '2025-03', 'allocated', 'military', 2, '2645000.0100000000', '2861003.5200000000'],
      ['nl', '2025-03', 'allocated', 'military', 1, '2645000.0000000000', '2861003.5200000000'],
    ]);
  });

  it('keeps a group per donor, month, stage and category, in the order each first appears, and starts afresh', () => {
    const donors = fc.constantFrom('de', 'nl', 'fr');
    const months = fc.constantFrom('2024-12-31', '2025-01-15', '2025-01-31');
    const stages = fc.constantFrom(...FLOW_STAGES);
    const categories = fc.constantFrom(...FLOW_CATEGORIES);
    const flows = fc.array(fc.tuple(donors, months, stages, categories), { maxLength: 60 });
    fc.assert(
      fc.property(flows, flows, (first, second) => {
        const sum = new TotalsSum();
        for (const batch of [first, second]) {
          const expected = new Map<string, FlowTotal>();
          for (const [donorId, period, stage, category] of batch) {
            sum.addFlow(flow({ donorId, period, stage, category, eur: '1.00', usd: null }));
            const group = [donorId, period.slice(0, 7), stage, category] as const;
            const known = expected.get(group.join(' '));
            const count = (known?.[4] ?? 0) + 1;
            expected.set(group.join(' '), [...group, count, `${count}.0000000000`, '0.0000000000']);
          }
          expect(sum.groups).toBe(expected.size);
          expect(sum.take()).toEqual([...expected.values()]);
        }
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });

  it('sums exactly: whole cents, ten decimals and twenty digits alike', () => {
    fc.assert(
      fc.property(fc.array(fc.option(decimal, { nil: null }), { maxLength: 40 }), (values) => {
        const totals = batchTotals(values.map((eur) => flow({ eur })));
        expect(totals[0]?.[5] ?? '0.0000000000').toBe(values.length === 0 ? '0.0000000000' : referenceSum(values));
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('takes amended versions out exactly: what is left is the sum of the flows not taken out', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(decimal, fc.boolean()), { minLength: 1, maxLength: 30 }), (values) => {
        const sum = new TotalsSum();
        for (const [eur] of values) sum.addFlow(flow({ eur }));
        for (const [eur, removed] of values) if (removed) sum.removeFlow(flow({ eur }));
        const kept = values.filter(([, removed]) => !removed).map(([eur]) => eur);
        const totals = sum.take();
        // A group whose flows were all taken out is left out.
        if (kept.length === 0) expect(totals).toEqual([]);
        else expect([totals[0]?.[4], totals[0]?.[5]]).toEqual([kept.length, referenceSum(kept)]);
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });

  it("sums batches' totals, written to ten places, exactly as it sums their values", () => {
    const signed = fc.tuple(decimal, fc.boolean()).map(([value, negative]) => (negative ? `-${value}` : value));
    fc.assert(
      fc.property(fc.array(signed, { minLength: 1, maxLength: 40 }), (values) => {
        const sum = new TotalsSum();
        // Each as a batch's totals carry it: "12.3400000000", "-5.0000000000".
        for (const value of values)
          sum.addTotal(['de', '2025-03', 'paid', 'humanitarian', 1, referenceSum([value]), '0']);
        expect(sum.take()[0]?.[5] ?? '0.0000000000').toBe(referenceSum(values));
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('sums negative totals exactly, as an amending batch carries them', () => {
    const sum = new TotalsSum();
    for (const eur of ['-12.5', '-0.0000000001', '-123456789012345678.25', '3']) {
      sum.addTotal(['de', '2025-03', 'paid', 'humanitarian', -1, eur, '0']);
    }
    expect(sum.take()).toEqual([
      ['de', '2025-03', 'paid', 'humanitarian', -4, '-123456789012345687.7500000001', '0.0000000000'],
    ]);
  });

  it('compares two versions of a row by the flows they give, not by the file and line they came from', () => {
    const line = (changes: Parameters<typeof flow>[0]) => flowLine('fts:7', flow(changes));
    const march = line({ origin: { file: 'march.csv', row: 2, release: null } });
    const april = line({ origin: { file: 'april.csv', row: 9, release: 'snapshot' } });
    const substance = (lines: string[]) => {
      const rows = [...rowSubstances(Buffer.from(lines.join('\n')))];
      expect(rows).toHaveLength(1);
      return Buffer.concat(rows[0]?.[1] ?? []).toString('utf8');
    };
    const same = (a: string[], b: string[]) => substance(a) === substance(b);
    expect(same([march], [april])).toBe(true);
    expect(same([march], [line({ stage: 'paid' })])).toBe(false);
    expect(same([march], [line({ amount: '1' })])).toBe(false);
    expect(same([march], [line({ statedRate: '0.9' })])).toBe(false);
    expect(same([march], [april, april])).toBe(false);
  });

  it("reads each row's substance from the batch's bytes: its lines without their origin, whatever text they hold", () => {
    // The oracle: the lines as text, split into fields, the origin's three left out.
    const origin = ['originFile', 'originRow', 'originRelease'].map((column) =>
      BATCH_COLUMNS.indexOf(column as (typeof BATCH_COLUMNS)[number]),
    );
    const oracle = (lines: readonly string[]) =>
      lines
        .map((one) =>
          one
            .split('\t')
            .filter((_, at) => !origin.includes(at))
            .join('\t'),
        )
        .join('\n');
    const text = fc.string({ unit: 'binary' });
    const rows = fc.array(
      fc.record({
        row: fc.integer({ min: 1, max: 50_000 }),
        flows: fc.array(fc.tuple(text, text, fc.option(text, { nil: null })), { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(rows, (given) => {
        // Each row once, its lines together, as a batch holds them.
        const unique = [...new Map(given.map((one) => [one.row, one])).values()];
        const lines = unique.map(({ row, flows }) =>
          flows.map(([description, file, release]) =>
            flowLine(`fts:${row}`, flow({ description, origin: { file, row, release } })),
          ),
        );
        const found = rowSubstances(Buffer.from(lines.flat().join('\n')));
        expect([...found.keys()]).toEqual(unique.map(({ row }) => row));
        unique.forEach(({ row }, at) => {
          expect(Buffer.concat(found.get(row) ?? []).toString('utf8')).toBe(oracle(lines[at] ?? []));
        });
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });

  it('finds the lines of each row in a batch text without decoding its flows', () => {
    const rows: KeyedFlows[] = [
      { key: 'kiel-r29:de:2025-03', row: 2, flows: [flow(), flow({ stage: 'committed', category: 'total' })] },
      {
        key: 'fts:9',
        row: 11,
        flows: [flow({ description: 'tab\there', origin: { file: 'a\tb.csv', row: 11, release: null } })],
      },
    ];
    const lines = linesByRow(encodeBatch(rows));
    expect([...lines.keys()]).toEqual([2, 11]);
    expect(lines.get(2)?.map((one) => decodeLine(one).stage)).toEqual(['allocated', 'committed']);
    // What a line adds to the sums, read without its free text: the flow's own fields.
    const { donorId, period, stage, category, eur, usd } = flow({ eur: null });
    expect(totalledFlow(flowLine('k', flow({ eur: null })))).toEqual({ donorId, period, stage, category, eur, usd });
    expect(lines.get(11)?.map((one) => decodeLine(one).origin)).toEqual([{ file: 'a\tb.csv', row: 11, release: null }]);
  });
});
