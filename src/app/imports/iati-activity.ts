/**
 * One IATI activity onto the ledger, through the use cases: its organisations, its package, its contributions. Any
 * refusal is thrown as an ActivityRefused with the line and element it concerns; the caller rolls the activity back.
 */
import { DomainError } from '../../domain/errors.ts';
import type { LocalizedText, Visibility } from '../../domain/facts.ts';
import { packageDecider } from '../../domain/package/package.ts';
import type { IatiActivity, IatiTransaction } from '../../ingest/formats/iati-types.ts';
import { existingStreams, loadState } from '../command.ts';
import type { AppDeps, CommandResult, RequestContext } from '../deps.ts';
import { proposePackage } from '../packages.ts';
import { contributionRecorder } from './iati-contributions.ts';
import { instantOf, knownContributions } from './iati-ledger.ts';
import { applyStatus, type LifecycleOutcome } from './iati-lifecycle.ts';
import { iatiId, type OrganisationResolver, organisationResolver } from './iati-organisations.ts';
import { categoryOf, lineOf, proposedOn, STAGE_OF, targetOf, titleOf } from './iati-package.ts';
import type { RowError } from './types.ts';

/** Why an activity was not imported: the line and element at fault, and the reason (`code: message`). */
export class ActivityRefused extends Error {
  readonly error: RowError;

  constructor(row: number, column: string | null, reason: string) {
    super(reason);
    this.name = 'ActivityRefused';
    this.error = { row, column, reason };
  }
}

/** The element of an activity a field of a package command comes from. */
const PACKAGE_ELEMENTS: Readonly<Record<string, string>> = {
  id: 'iati-identifier',
  title: 'title',
  recipientId: 'recipient-country',
  coordinatorId: 'reporting-org',
  category: 'sector',
  targetValue: 'budget',
  occurredOn: 'activity-date',
  rate: 'budget/value',
};

/** The element of a transaction a field of a contribution command comes from. */
function transactionElement(field: string | undefined): string {
  if (!field) return 'transaction';
  if (field.startsWith('amount') || field === 'rate') return 'transaction/value';
  if (field === 'occurredOn') return 'transaction/transaction-date';
  if (field === 'donorId') return 'transaction/provider-org';
  return 'transaction';
}

/** Runs a step; a DomainError becomes the activity's refusal at `line`, in the element `element(field)` names. */
async function step<T>(line: number, element: (field?: string) => string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new ActivityRefused(line, element(error.field), `${error.code}: ${error.message}`);
  }
}

export interface ActivityContext {
  /** Deps whose db is the import's transaction. */
  readonly deps: AppDeps;
  readonly request: RequestContext;
  readonly sourceId: string;
  readonly visibility: Visibility;
  /** Packages this import created, so a second activity with the same identifier is refused, not skipped. */
  readonly created: ReadonlySet<string>;
  /** The newest last-updated-datetime the ledger has seen for a package's activity (see iati-ledger.ts). */
  readonly versionOf: (packageId: string) => Promise<string | null>;
}

export type ActivityOutcome =
  | { readonly status: 'older'; readonly packageId: string; readonly note: string }
  | {
      /** imported: a new package; updated: one the ledger held, with what this file adds applied. */
      readonly status: 'imported' | 'updated';
      readonly packageId: string;
      readonly contributions: readonly string[];
      readonly organisations: readonly string[];
      readonly skippedTransactions: number;
      readonly lifecycle: LifecycleOutcome | null;
      readonly notes: readonly string[];
      readonly results: readonly CommandResult[];
    };

/** The title the file gives, when it differs from the package's: a package's title cannot be amended. */
function titleNote(activity: IatiActivity, title: LocalizedText): string | null {
  const given = titleOf(activity);
  const languages = ['uk', 'en', 'ru'] as const;
  if (languages.every((language) => given[language] === title[language])) return null;
  return "the title differs from the package's; a package's title cannot be amended, so it is kept";
}

export async function importActivity(context: ActivityContext, activity: IatiActivity): Promise<ActivityOutcome> {
  const { deps, request, visibility } = context;
  const line = activity.line;
  const packageId = iatiId(activity.identifier);
  const known = await existingStreams(deps.db, 'package', [packageId]);
  const existing = known.size > 0 && !context.created.has(packageId);
  const notes: string[] = [];
  if (existing) {
    const recorded = await context.versionOf(packageId);
    const file = instantOf(activity.lastUpdated);
    const ledger = instantOf(recorded);
    if (file !== null && ledger !== null && file < ledger) {
      const note = `last updated ${activity.lastUpdated}, before the ${recorded} the ledger holds: this older version is ignored`;
      return { status: 'older', packageId, note };
    }
  }

  const facts = { evidence: [context.sourceId], basis: 'official' as const, visibility };
  const organisations = organisationResolver({ deps, request, evidence: facts.evidence, visibility });
  const at = (element: string) => () => element;
  const reporting = activity.reportingOrg;
  const coordinatorId = reporting
    ? await step(line, at('reporting-org'), () => organisations.organisation(reporting))
    : null;
  if (!coordinatorId) {
    throw new ActivityRefused(line, 'reporting-org', 'coordinator-missing: the activity names no reporting-org');
  }
  for (const org of activity.participatingOrgs) {
    await step(line, at('participating-org'), () => organisations.organisation(org));
  }
  const results: CommandResult[] = [];
  if (existing) {
    const state = await loadState(deps.db, packageDecider, packageId);
    const note = state.status === 'none' ? null : titleNote(activity, state.title);
    if (note) notes.push(note);
  } else {
    results.push(await propose(context, activity, packageId, coordinatorId, organisations));
  }

  const contributions = contributionRecorder({
    deps,
    request,
    packageId,
    facts,
    step: (tx: IatiTransaction, run) => step(tx.line, transactionElement, run),
    known: existing ? await knownContributions(deps.db, packageId) : new Map(),
  });
  let skippedTransactions = 0;
  for (const [index, tx] of activity.transactions.entries()) {
    if (!STAGE_OF[tx.type.code]) {
      skippedTransactions += 1;
      continue;
    }
    const provider = tx.provider;
    const donorId = provider
      ? await step(tx.line, at('transaction/provider-org'), () => organisations.organisation(provider))
      : null;
    const donor = donorId ?? coordinatorId;
    await contributions.record(iatiId(activity.identifier, donor.replace(/^iati:/, '')), donor, tx, index + 1);
  }
  const lifecycle = await applyStatus(
    { deps, request, facts: { evidence: facts.evidence, basis: facts.basis } },
    activity,
    packageId,
  );
  return {
    status: existing ? 'updated' : 'imported',
    packageId,
    contributions: contributions.ids(),
    organisations: organisations.registered,
    skippedTransactions,
    lifecycle,
    notes: [...notes, ...(lifecycle?.notes ?? [])],
    results: [...results, ...contributions.results, ...(lifecycle?.results ?? [])],
  };
}

/** Proposes the activity's package: its recipient, category, target value and line. */
async function propose(
  context: ActivityContext,
  activity: IatiActivity,
  packageId: string,
  coordinatorId: string,
  organisations: OrganisationResolver,
): Promise<CommandResult> {
  const { deps, request, visibility } = context;
  const line = activity.line;
  const countries = activity.recipientCountries.map((country) => country.code.toUpperCase());
  const country = countries.includes('UA') ? 'UA' : countries[0];
  if (!country) {
    throw new ActivityRefused(line, 'recipient-country', 'recipient-missing: the activity names no recipient-country');
  }
  const recipientId = await step(
    line,
    () => 'recipient-country',
    () => organisations.country(country),
  );
  const targetValue = targetOf(activity);
  if (!targetValue) {
    throw new ActivityRefused(
      line,
      'budget',
      'target-value-missing: the activity has no budget, commitment, pledge or payment to take a target value from',
    );
  }
  const today = deps.clock().toISOString().slice(0, 10);
  return step(
    line,
    (field) => PACKAGE_ELEMENTS[field?.split(/[.[]/)[0] ?? ''] ?? 'iati-activity',
    () =>
      proposePackage(deps, request, {
        id: packageId,
        title: titleOf(activity),
        recipientId,
        coordinatorId,
        category: categoryOf(activity),
        targetValue,
        lines: [lineOf(activity)],
        occurredOn: proposedOn(activity, today),
        evidence: [context.sourceId],
        basis: 'official',
        visibility,
      }),
  );
}
