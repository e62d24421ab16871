import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { commitContribution, payContribution, pledgeContribution } from '../app/contributions.ts';
import type { AppDeps, CommandResult, RequestContext } from '../app/deps.ts';
import { runImport } from '../app/imports/engine.ts';
import { importFormat } from '../app/imports/formats.ts';
import { registerOrganisation } from '../app/organisations.ts';
import {
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../app/packages.ts';
import { importEcbRates } from '../app/rates.ts';
import { approvePriorityList, draftPriorityList, listRequirement } from '../app/requirements.ts';
import { adoptFigure, linkClaim, recordClaim, recordSource } from '../app/sources.ts';
import { operator } from '../domain/access.ts';
import { DEMO_ORGANISATIONS } from './organisations.ts';
import { DEMO_PACKAGES, DEMO_REQUIREMENTS, type DemoPackage } from './packages.ts';
import { addDemoPeople } from './people.ts';
import { DEMO_SOURCES, NORDIC_FIGURES, SEED_SOURCE } from './sources.ts';

export interface DemoOptions {
  /**
   * The folder of the shared public data sets (`../shared/data`): ECB rates, the Kiel Ukraine Support Tracker's
   * release, and the seed article beside it.
   */
  readonly sharedDataDir: string;
  readonly log?: (line: string) => void;
}

const request: RequestContext = { principal: operator('demo') };

/** The shared public data the demo is built from is not there; nothing has been written. */
export class DemoDataMissingError extends Error {
  constructor(file: string) {
    super(`the demo needs ${file} (the shared public data; set TRANCHE_SHARED_DATA to its data folder)`);
    this.name = 'DemoDataMissingError';
  }
}

/** Whether the ledger holds no events yet (the demo loads only into an empty ledger). */
export async function isEmpty(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  const row = await deps.db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  return row.seq === '0';
}

/**
 * Records the PURL packages of 2025 as public reporting gives them, through the same use cases that the API and
 * the CLI call: organisations, the recipient's requirements and September priority list, nine packages funded by
 * single donors and coalitions, shipments and receipts, and the sources and claims behind them; and, beside them, the
 * Kiel Ukraine Support Tracker's estimates per donor and month (imported as flows, as `tranche import kiel` does).
 */
export async function loadDemo(deps: AppDeps, options: DemoOptions): Promise<{ events: number }> {
  const log = options.log ?? (() => {});
  const ratesFile = path.join(options.sharedDataDir, 'ecb', 'eurofxref-hist.csv');
  const seedFile = path.join(options.sharedDataDir, '..', 'seed', 'nato-arms-deliveries.txt');
  const kielFile = path.join(options.sharedDataDir, 'kiel', 'data_explorer.csv');
  for (const file of [ratesFile, seedFile, kielFile]) {
    await access(file).catch(() => {
      throw new DemoDataMissingError(file);
    });
  }
  if (!(await isEmpty(deps))) throw new Error('the demo loads only into an empty ledger');

  const rates = await importEcbRates(deps.db, ratesFile);
  log(
    `ECB reference rates: ${rates.rates} rates for ${rates.currencies.length} currencies, ${rates.from} to ${rates.to}`,
  );

  for (const organisation of DEMO_ORGANISATIONS) await registerOrganisation(deps, request, organisation);
  for (const requirement of DEMO_REQUIREMENTS) await listRequirement(deps, request, requirement);
  await draftPriorityList(deps, request, {
    recipientId: 'ua',
    period: '2025-09',
    requirementIds: DEMO_REQUIREMENTS.map((requirement) => requirement.id ?? ''),
    occurredOn: '2025-08-28',
  });
  await approvePriorityList(deps, request, 'ua', '2025-09', { approverId: 'ua', occurredOn: '2025-08-29' });
  await approvePriorityList(deps, request, 'ua', '2025-09', { approverId: 'nsatu', occurredOn: '2025-08-30' });

  for (const source of DEMO_SOURCES) await recordSource(deps, request, source);
  const seedText = await readFile(seedFile, 'utf8');
  await recordSource(deps, request, { ...SEED_SOURCE, text: seedText.replace(/^ua en ru\s*/, '') });

  const receipts = new Map<string, CommandResult>();
  for (const pkg of DEMO_PACKAGES) {
    const receipt = await recordPackage(deps, pkg);
    if (receipt) receipts.set(pkg.id, receipt);
  }

  // The seed article: "the first two aid packages from the Netherlands and Scandinavian countries have already arrived".
  const arrived =
    'He added that the first two aid packages from the Netherlands and Scandinavian countries have already arrived.';
  for (const [packageId, donorIds] of [
    ['purl-nl-1', ['nl']],
    ['purl-nordic-1', ['dk', 'no', 'se']],
  ] as const) {
    const claim = await recordClaim(deps, request, {
      id: `seed-${packageId}-delivered`,
      sourceId: SEED_SOURCE.id ?? '',
      subject: { type: 'package', id: packageId },
      donorIds: [...donorIds],
      stage: 'delivered',
      statedOn: SEED_SOURCE.publishedOn ?? null,
      sentence: arrived,
      basis: 'reported',
      occurredOn: SEED_SOURCE.publishedOn ?? undefined,
    });
    const eventId = receipts.get(packageId)?.events[0]?.eventId;
    if (eventId)
      await linkClaim(deps, request, claim.id, { eventId, occurredOn: SEED_SOURCE.publishedOn ?? undefined });
  }

  // The Nordic package as outlets reported it: $486M, $495M, $500M and $585M coexist; the official $500M is adopted.
  for (const figure of NORDIC_FIGURES) await recordClaim(deps, request, figure);
  await adoptFigure(deps, request, {
    subject: { type: 'package', id: 'purl-nordic-1' },
    stage: 'pledged',
    claimId: 'nordic-usd-500m-nato',
    note: 'NATO and the three governments give about USD 500 million; the other figures are conversions by outlets.',
    occurredOn: '2025-08-12',
  });

  // The Kiel tracker's estimates of what each donor gave since 2022, beside the packages (never inside them).
  const kiel = await runImport(deps, request, await importFormat(deps.db, 'kiel', kielFile), kielFile);
  if (!kiel.written) throw new Error(`the demo's Kiel import was refused: ${JSON.stringify(kiel.errors.slice(0, 3))}`);
  log(`Kiel Ukraine Support Tracker: ${kiel.flows} flows from ${kiel.rowsRead} rows`);

  const people = await addDemoPeople(deps, request);
  const head = await deps.db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  log(`demo loaded: ${head.seq} events`);
  log('Sign in as (passwords shown this once; `tranche user password <id>` sets a new one):');
  for (const person of people) {
    log(`  ${person.id.padEnd(12)} ${person.password}   ${person.grant.role} for ${person.grant.organisationId}`);
  }
  return { events: Number(head.seq) };
}

/** Walks one package from proposal as far as reporting says it got, with its donors' contributions. */
async function recordPackage(deps: AppDeps, pkg: DemoPackage): Promise<CommandResult | undefined> {
  const { steps } = pkg;
  await proposePackage(deps, request, { ...pkg.proposal, id: pkg.id, occurredOn: steps.proposed });
  for (const contribution of pkg.contributions) {
    await pledgeContribution(deps, request, {
      id: contribution.id,
      donorId: contribution.donorId,
      packageId: pkg.id,
      amount: contribution.amount,
      occurredOn: steps.proposed,
      evidence: pkg.evidence,
    });
  }
  if (steps.validated)
    await validatePackage(deps, request, pkg.id, { coordinatorId: 'nsatu', occurredOn: steps.validated });
  if (!steps.committed) return undefined;
  for (const contribution of pkg.contributions) {
    await commitContribution(deps, request, contribution.id, { occurredOn: steps.committed });
  }
  await fundPackage(deps, request, pkg.id, { occurredOn: steps.committed });
  if (!steps.contracted) return undefined;
  await contractPackage(deps, request, pkg.id, { supplierId: 'us', occurredOn: steps.contracted });
  let lastReceipt: CommandResult | undefined;
  for (const shipment of pkg.shipments) {
    await dispatchShipment(deps, request, pkg.id, {
      shipmentId: shipment.id,
      lines: shipment.lines,
      occurredOn: shipment.dispatchedOn,
    });
    for (const receipt of shipment.receipts) {
      lastReceipt = await confirmReceipt(deps, request, pkg.id, {
        receiptId: receipt.id,
        shipmentId: shipment.id,
        lines: receipt.lines,
        occurredOn: receipt.receivedOn,
        ...(receipt.basis ? { basis: receipt.basis, evidence: receipt.evidence } : {}),
      });
    }
  }
  for (const payment of pkg.payments) {
    await payContribution(deps, request, payment.contributionId, {
      paymentId: payment.id,
      amount: payment.amount,
      occurredOn: payment.paidOn,
    });
  }
  return lastReceipt;
}
