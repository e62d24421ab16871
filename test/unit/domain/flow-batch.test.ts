/**
 * A batch of flows as the ledger keeps it: its text reads back to the same flows, and its totals are exact sums,
 * whether the amounts fit in whole cents or carry ten decimals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchTotals, decodeBatch, encodeBatch, type KeyedFlows } from '../../../src/domain/flow/batch.ts';
import { sampleFlow } from '../../support/flows.ts';

const flow = sampleFlow;

/** The reference sum: every value scaled to ten decimals as a bigint. */
function referenceSum(values: readonly (string | null)[]): string {
  let total = 0n;
  for (const value of values) {
    if (value === null) continue;
    const [whole = '0', fraction = ''] = value.split('.');
    total += BigInt(whole) * 10n ** 10n + BigInt(fraction.padEnd(10, '0'));
  }
  return `${total / 10n ** 10n}.${String(total % 10n ** 10n).padStart(10, '0')}`;
}

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

  it('sums exactly: whole cents, ten decimals and twenty digits alike', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), fc.integer({ min: 0, max: 10 }))
      .map(([digits, places]) => {
        const text = digits.toString().padStart(places + 1, '0');
        return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
      });
    fc.assert(
      fc.property(fc.array(fc.option(decimal, { nil: null }), { maxLength: 40 }), (values) => {
        const totals = batchTotals(values.map((eur) => flow({ eur })));
        expect(totals[0]?.[5] ?? '0.0000000000').toBe(values.length === 0 ? '0.0000000000' : referenceSum(values));
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });
});
