/** The printed report: one table per benchmark, figures next to their baselines. */

import type { AppendResult } from './appends.ts';
import type { ColdStartResult } from './cold-start.ts';
import { CONFIG, type EngineResult, MODULE_SET, QUERY_SETS, SQL_SET } from './config.ts';
import { VISIBLE } from './dashboard.ts';
import type { ImportBenchResult } from './imports.ts';
import {
  ENGINE_LABEL,
  type EngineKind,
  fmtInt,
  fmtLatency,
  fmtMs,
  fmtRate,
  fmtRatio,
  heading,
  print,
  table,
  verdict,
} from './lib.ts';
import type { PledgeResult } from './pledges.ts';
import type { QuerySet, ReadModelResult } from './read-models.ts';
import { CONTRIBUTIONS_PER_PACKAGE, DONOR_COUNT, MONTHS } from './synthetic.ts';

const sizeLabel = (n: number): string =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : fmtInt(n);

function engineColumns(results: readonly EngineResult[]): string[] {
  return results.map((r) => `${ENGINE_LABEL[r.kind]}${r.version ? `\n${r.version}` : ''}`);
}

export function printAppends(results: readonly EngineResult[]): void {
  heading('1. Ledger appends vs plain INSERT of the same rows');
  print(
    `${fmtInt(CONFIG.events)} ContributionPledged events (one new stream each), ${fmtInt(CONFIG.batchSize)} per transaction, after one unmeasured warm-up batch.`,
  );
  print(
    'ledger: BEGIN; lockHead (SELECT … FOR UPDATE); appendEvents (stream versions, SHA-256 chain, INSERT … SELECT unnest, head UPDATE); COMMIT',
  );
  print(
    'baseline: BEGIN; INSERT … VALUES (…) × 1,000 of the identical rows, precomputed, into CREATE TABLE … (LIKE events INCLUDING ALL)',
  );
  print(
    '          (same columns, constraints and indexes; no triggers, no head, no hashing); COMMIT. Batches of all variants interleaved.',
  );
  const cell = (r: EngineResult, f: (a: AppendResult) => string): string =>
    r.skipped ? 'skipped' : r.appends ? f(r.appends) : 'failed';
  const pcell = (r: EngineResult, f: (p: PledgeResult) => string): string =>
    r.skipped ? 'skipped' : r.pledges ? f(r.pledges) : 'failed';
  const rate = (events: number, ms: number) => (events * 1000) / ms;
  const rows: string[][] = [
    ['ledger append (events/s)', ...results.map((r) => cell(r, (a) => fmtRate(rate(a.events, a.ledgerMs))))],
    [
      'baseline: plain multi-row INSERT (rows/s)',
      ...results.map((r) => cell(r, (a) => fmtRate(rate(a.events, a.valuesMs)))),
    ],
    [
      `ratio append ÷ INSERT (target ≥ ${CONFIG.targetAppendRatio})`,
      ...results.map((r) =>
        cell(r, (a) => {
          const ratio = a.valuesMs / a.ledgerMs;
          return `${fmtRatio(ratio)}  ${verdict(ratio >= CONFIG.targetAppendRatio)}`;
        }),
      ),
    ],
    [
      'for information: INSERT … SELECT unnest(…) of the same rows (rows/s)',
      ...results.map((r) =>
        cell(r, (a) => `${fmtRate(rate(a.events, a.unnestMs))} (append ÷ this: ${fmtRatio(a.unnestMs / a.ledgerMs)})`),
      ),
    ],
    [
      'for information: the hash chain alone, in JS (events/s)',
      ...results.map((r) =>
        cell(r, (a) => `${fmtRate(rate(a.events, a.hashOnlyMs))} (${fmtMs(a.hashOnlyMs)} of ${fmtMs(a.ledgerMs)})`),
      ),
    ],
    [
      'events measured; ledger rows = baseline rows',
      ...results.map((r) =>
        cell(
          r,
          (a) =>
            `${fmtInt(a.events)} in ${a.batchesDone}/${a.batchesPlanned} batches; ${a.identical ? 'identical' : 'DIFFERENT'}`,
        ),
      ),
    ],
    [
      'for information: pledgeContribution use case, 1 transaction per command, with projections (commands/s)',
      ...results.map((r) =>
        pcell(
          r,
          (p) =>
            `${fmtRate((p.commands * 1000) / p.ms)} (${fmtInt(p.commands)}/${fmtInt(p.planned)} commands, ${fmtInt(p.events)} events)`,
        ),
      ),
    ],
    ['  ms per command p50 / p95 / p99', ...results.map((r) => pcell(r, (p) => fmtLatency(p.perCommand)))],
    [
      '  1M pledges this way would take',
      ...results.map((r) => pcell(r, (p) => `≈ ${(1_000_000 / ((p.commands * 1000) / p.ms) / 3600).toFixed(1)} h`)),
    ],
  ];
  print(table(['', ...engineColumns(results)], rows, [50]));
  const withBreakdown = results.filter((r) => r.appends);
  if (withBreakdown.length > 0) {
    print('Where the ledger append time went (database time of each statement, as the client saw it):');
    const parts = [...new Set(withBreakdown.flatMap((r) => r.appends?.breakdown.map((b) => b.part) ?? []))];
    print(
      table(
        ['part of lockHead + appendEvents', ...withBreakdown.map((r) => ENGINE_LABEL[r.kind])],
        parts.map((part) => [
          part,
          ...withBreakdown.map((r) => {
            const a = r.appends;
            const ms = a?.breakdown.find((b) => b.part === part)?.ms;
            return a && ms !== undefined ? `${fmtMs(ms)} (${((100 * ms) / a.ledgerMs).toFixed(0)}%)` : '—';
          }),
        ]),
        [50],
      ),
    );
  }
  const rates = results.find((r) => r.pledges)?.pledges?.rates;
  if (rates)
    print(
      `Use case set-up: 11 organisations, 10 packages, ${rates}; 1 in 3 pledges is general support, the rest go to a package.`,
    );
}

function latencyTable(rm: ReadModelResult, set: QuerySet): string | undefined {
  const [small, large] = rm.sizes;
  if (!small || !large) return undefined;
  const sl = sizeLabel(small.requested);
  const ll = sizeLabel(large.requested);
  const rows = set.queries.map((q) => {
    const a = small.latencies.get(set.title)?.get(q.name);
    const b = large.latencies.get(set.title)?.get(q.name);
    const ratio = a && b ? b.p95 / a.p95 : Number.NaN;
    return [
      `${q.name}\n${q.what}`,
      `${fmtLatency(a)}\n(${a?.runs ?? 0} runs)`,
      `${fmtLatency(b)}\n(${b?.runs ?? 0} runs)`,
      `${fmtRatio(ratio)}\n(p50: ${a && b ? fmtRatio(b.p50 / a.p50) : '—'})`,
      q.information ? 'info' : verdict(b ? b.p95 <= CONFIG.targetP95Ms : undefined),
      q.information ? 'info' : verdict(Number.isFinite(ratio) ? ratio <= CONFIG.targetRatio : undefined),
    ];
  });
  return table(
    [
      'query',
      `${sl}: p50 / p95 / p99`,
      `${ll}: p50 / p95 / p99`,
      `p95 ${ll} ÷ ${sl}`,
      `p95 ≤ ${CONFIG.targetP95Ms} ms`,
      `≤ ${CONFIG.targetRatio}× ${sl}`,
    ],
    rows,
    [52, null, null, 14, 8, 8],
  );
}

export function printReadModels(results: readonly EngineResult[]): void {
  heading('2. Dashboard summary queries over the read models');
  print(
    `Rows are generated directly into rm_contributions, rm_packages (1 per ${CONTRIBUTIONS_PER_PACKAGE} contributions), rm_donor_totals and rm_delivery_lags`,
  );
  print(
    'with INSERT … SELECT FROM generate_series, consistent with what the projections write (bench/synthetic.ts), because building 1M',
  );
  print(
    'contributions through the command path would take hours (see part 1). rm_contributions indexes are dropped for the bulk insert and',
  );
  print(
    `re-created from their own definitions; then VACUUM ANALYZE. ${DONOR_COUNT} donors × 10 categories × ${MONTHS} months × 3 visibilities.`,
  );
  print(`A. ${MODULE_SET}/: the project's query functions, as the HTTP routes call them (EUR).`);
  print(
    `B. for comparison, ${SQL_SET}: the same questions as single GROUP BY / LIMIT statements (bench/dashboard.ts), visibility ${VISIBLE.join(' + ')}.`,
  );
  print(
    `Each query: up to ${CONFIG.queryWarmup} warm-up runs, then up to ${CONFIG.queryRuns} runs, the queries of a set taking turns (fewer once a query has taken ${CONFIG.queryBudgetMs / 1000} s, at least ${CONFIG.queryMinRuns}). Target at the large size: p95 ≤ ${CONFIG.targetP95Ms} ms and ≤ ${CONFIG.targetRatio}× the small size.`,
  );
  for (const r of results) {
    print();
    print(`${ENGINE_LABEL[r.kind]}${r.version ? ` (${r.version})` : ''}`);
    if (r.skipped) {
      print(`  skipped: ${r.skipped}`);
      continue;
    }
    const rm = r.readModels;
    if (!rm) {
      print(`  failed: ${r.errors.join('; ')}`);
      continue;
    }
    for (const size of rm.sizes) {
      const f = size.fill;
      print(
        `  ${sizeLabel(size.requested)}: ${fmtInt(f.contributions)} contributions, ${fmtInt(f.packages)} packages, ${fmtInt(f.donorTotals)} rm_donor_totals rows, ${fmtInt(f.lags)} rm_delivery_lags rows; filled in ${fmtMs(f.ms)}; ${f.consistent ? 'consistent' : 'INCONSISTENT'} (${f.checks})`,
      );
    }
    if (rm.note) print(`  note: ${rm.note}`);
    for (const [index, set] of QUERY_SETS.entries()) {
      print(`  ${index === 0 ? 'A' : 'B'}. ${set.title}`);
      print(latencyTable(rm, set) ?? '  —');
    }
    const large = rm.sizes[1];
    if (large && large.plans.size > 0) {
      print(
        `  EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) at ${sizeLabel(large.requested)}, slowest statements of the functions that missed a target:`,
      );
      for (const [name, statements] of large.plans) {
        for (const statement of statements) {
          print(`  -- ${name}: ${fmtMs(statement.ms)} in the captured run`);
          print(`     ${statement.sql.length > 400 ? `${statement.sql.slice(0, 400)}…` : statement.sql}`);
          for (const line of statement.plan) print(`     ${line}`);
        }
      }
    }
  }
}

export function printEngineNotes(results: readonly EngineResult[]): void {
  heading('Databases');
  const rows = results.map((r) => [
    ENGINE_LABEL[r.kind],
    r.skipped
      ? `skipped: ${r.skipped}`
      : `${r.version ?? '?'}; opened (initdb/connect + migrations) in ${fmtMs(r.openMs ?? Number.NaN)}`,
    r.autoanalyze ?? '—',
    r.errors.length ? r.errors.join('\n') : 'none',
  ]);
  print(table(['engine', 'database', 'autovacuum on the ledger', 'errors'], rows, [12, 50, 40, 40]));
}

export function printColdStart(result: ColdStartResult | undefined, error?: string): void {
  heading('3. Cold start: npm start → first 200 from GET /health');
  if (error) {
    print(`failed: ${error}`);
    return;
  }
  if (!result) return;
  print(`${result.command}; polled every 50 ms; the process group is stopped after each start.`);
  if (result.starts.length === 0 && result.skipped) {
    print(`skipped: ${result.skipped}`);
    return;
  }
  const rows = result.starts.map((s) => [
    s.label,
    s.readyMs !== undefined ? fmtMs(s.readyMs) : `skipped: ${s.skipped}`,
    s.milestones.map((m) => `${fmtMs(m.ms)}  ${m.line}`).join('\n') || '—',
    s.stopped ?? '—',
  ]);
  const [first, second] = result.starts;
  if (first?.readyMs !== undefined && second?.readyMs !== undefined) {
    rows.push(['ratio (a) ÷ (b)', fmtRatio(first.readyMs / second.readyMs), '', '']);
  }
  print(table(['start', 'time to first 200', 'what the server printed, and when', 'stopped'], rows, [16, 12, 80, 34]));
  if (result.skipped) print(`skipped the rest: ${result.skipped}`);
}

// ---------------------------------------------------------------------------------------------------------------

export function printImports(
  engines: readonly { kind: EngineKind; results?: readonly ImportBenchResult[]; error?: string }[],
): void {
  heading('5. Imports: tranche import kiel | fts vs COPY of the same file');
  print(
    'baseline: COPY … FROM the same CSV into a plain table of its columns (no index), on the same engine, before the import and after it; the ratio is against their mean.',
  );
  print(
    'import: read, check, stage batches of 2,000 flows (sealed, deflated), then one transaction: a FlowsImported event per batch, projected.',
  );
  print('dry run: the same file read and checked as the import reads it, nothing written, just before the import.');
  print(
    "ceiling: the rows the import added to rm_flow_totals or changed, written alone into an empty table of its columns and primary key; no import that keeps those totals can beat COPY's time over that.",
  );
  print(
    'memory: held after a full collection at each tenth of the file and every second, at most, above what was held before.',
  );
  print(
    'again: the file imported once more as a later snapshot, each row compared with its recorded version (timed with those collections).',
  );
  for (const engine of engines) if (engine.error) print(`${ENGINE_LABEL[engine.kind]}: ${engine.error}`);
  const formats = [...new Set(engines.flatMap((engine) => engine.results?.map((result) => result.format) ?? []))];
  for (const format of formats) {
    const entries = engines.map((engine) => ({
      kind: engine.kind,
      result: engine.results?.find((result) => result.format === format),
      error: engine.error,
    }));
    const first = entries.find((entry) => entry.result)?.result;
    if (first) {
      print(
        `${format}: ${fmtInt(first.rows)} rows (${(first.bytes / 2 ** 20).toFixed(1)} MB, ${fmtInt(first.flows)} flows), after the ECB rates.`,
      );
    }
    const cell = (entry: (typeof entries)[number], f: (r: ImportBenchResult) => string) =>
      entry.result ? f(entry.result) : (entry.error ?? '—');
    print(
      table(
        ['', ...entries.map((entry) => ENGINE_LABEL[entry.kind])],
        [
          [
            'COPY (rows/s): before, after',
            ...entries.map((entry) =>
              cell(entry, (r) => `${fmtRate(r.rows / (r.copyMs / 1000))}, ${fmtRate(r.rows / (r.copyAfterMs / 1000))}`),
            ),
          ],
          ['import (rows/s)', ...entries.map((entry) => cell(entry, (r) => fmtRate(r.rows / (r.importMs / 1000))))],
          [
            'ratio import ÷ COPY (target ≥ 0.33)',
            ...entries.map((entry) =>
              cell(entry, (r) => {
                const ratio = (r.copyMs + r.copyAfterMs) / 2 / r.importMs;
                return `${fmtRatio(ratio)}  ${verdict(ratio >= 1 / 3)}`;
              }),
            ),
          ],
          [
            'a dry run (reading and checking alone): ratio to COPY',
            ...entries.map((entry) => cell(entry, (r) => fmtRatio((r.copyMs + r.copyAfterMs) / 2 / r.dryRunMs))),
          ],
          [
            'rows written in rm_flow_totals; ceiling: COPY ÷ writing them alone',
            ...entries.map((entry) =>
              cell(
                entry,
                (r) => `${fmtInt(r.totalsRows)}; ${fmtRatio((r.copyMs + r.copyAfterMs) / 2 / r.totalsWriteMs)}`,
              ),
            ),
          ],
          [
            'memory held: a fifth of the rows → all',
            ...entries.map((entry) => cell(entry, (r) => `${r.smallLiveMb.toFixed(1)} MB → ${r.liveMb.toFixed(1)} MB`)),
          ],
          [
            'the same rows again (every row held): memory, time',
            ...entries.map((entry) =>
              cell(entry, (r) => `${r.snapshotLiveMb.toFixed(1)} MB, ${(r.snapshotMs / 1000).toFixed(1)} s`),
            ),
          ],
        ],
      ),
    );
  }
}
