/**
 * The Kiel format's mapping, without a database: a file of more months than the mapping keeps while it reads (a
 * synthetic file of a million rows spans thousands) still gives every row its own month and that month's ECB rate.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importContextOf } from '../../../src/app/imports/context.ts';
import type { ReadRow } from '../../../src/app/imports/engine.ts';
import { kielFormat } from '../../../src/app/imports/kiel.ts';

const HEADER = 'country,iso,year,month,total,financial,humanitarian,military,commitments,to_be_allocated,gdp,pct_gdp';

describe('Kiel flows', () => {
  it('gives each row its own month and rate, over more months than it keeps', async () => {
    // 1,500 months, 1900-01 to 2024-12; a USD rate from 1999 on, another from 2020 on.
    const rows: string[] = [];
    for (let year = 1900; year < 2025; year += 1)
      for (let month = 1; month <= 12; month += 1) rows.push(`"Norway","NOR",${year},${month},1,0,0,1,0,0,500,0.1`);
    // The first month again, once the mapping has moved past what it keeps.
    rows.push('"Norway","NOR",1900,1,1,0,0,1,0,0,500,0.1');
    const context = importContextOf({
      organisations: [['NO', 'no']],
      usdRates: [
        ['1999-01-04', '1.1789'],
        ['2020-01-02', '1.1193'],
      ],
    });
    const format = await kielFormat('/nowhere/data_explorer.csv', context);
    const read: ReadRow[] = [];
    for await (const chunk of format.read(Readable.from([`${[HEADER, ...rows].join('\n')}\n`]), 'data_explorer.csv'))
      read.push(...chunk);
    const flows = read.flatMap((row) => ('flows' in row ? row.flows : []));
    expect(flows).toHaveLength(1501);
    const at = (index: number) => flows[index];
    expect(at(0)).toMatchObject({ period: '1900-01', eur: '1000000000.00', usd: null });
    expect(at(1188)).toMatchObject({ period: '1999-01', rateSource: 'ecb:1999-01-04', usd: '1178900000.00' });
    expect(at(1499)).toMatchObject({ period: '2024-12', rateSource: 'ecb:2020-01-02', usd: '1119300000.00' });
    expect(at(1500)).toMatchObject({ period: '1900-01', usd: null });
    expect(new Set(flows.slice(0, 1500).map((flow) => flow.period)).size).toBe(1500);
  });
});
