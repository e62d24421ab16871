/**
 * An IATI activity's status onto its package's lifecycle, through the package use cases and as far as their rules
 * allow. A step the rules refuse is not forced: the package stays where it is and the report says why.
 *
 * | ActivityStatus | steps |
 * |---|---|
 * | 1 Pipeline/identification | none: the package stays proposed |
 * | 2 Implementation, 3 Finalisation | validated (by its coordinator, the reporting-org), then funded when a contribution is committed |
 * | 4 Closed | as 2, then closed when the package is delivered (IATI reports no deliveries, so mostly it is not) |
 * | 5 Cancelled | cancelled, the reason naming the IATI status (refused once goods have shipped) |
 * | 6 Suspended | as 2; a package has no suspended status, which the report says |
 */
import { DomainError } from '../../domain/errors.ts';
import { packageDecider } from '../../domain/package/package.ts';
import type { IatiActivity } from '../../ingest/formats/iati-types.ts';
import { loadState } from '../command.ts';
import type { AppDeps, CommandResult, RequestContext } from '../deps.ts';
import { cancelPackage, closePackage, fundPackage, validatePackage } from '../packages.ts';

export type LifecycleStep = 'validated' | 'funded' | 'closed' | 'cancelled';

export interface LifecycleOutcome {
  /** The activity's status, `code name` (`2 implementation`). */
  readonly iatiStatus: string;
  /** The steps taken, in order (in a dry run: that would be). */
  readonly steps: readonly LifecycleStep[];
  /** The package's status afterwards. */
  readonly packageStatus: string;
  /** What the rules did not allow, or what the package cannot show. */
  readonly notes: readonly string[];
  readonly results: readonly CommandResult[];
}

export interface LifecycleContext {
  readonly deps: AppDeps;
  readonly request: RequestContext;
  readonly facts: { readonly evidence: string[]; readonly basis: 'official' };
}

/** Statuses that take the package through validation and funding. */
const UNDER_WAY = new Set(['2', '3', '4', '6']);

/** The latest of the days given that is not after today, from the activity's dates of these types. */
function dayOf(activity: IatiActivity, types: readonly string[], today: string): string | null {
  for (const type of types) {
    const days = activity.dates
      .filter((date) => date.type.code === type && date.date <= today)
      .map((date) => date.date)
      .sort();
    const day = days.at(-1);
    if (day) return day;
  }
  return null;
}

/** The day of a step: from the activity's dates of these types, else its last-updated-datetime, never before `floor`. */
function dayFor(activity: IatiActivity, types: readonly string[], today: string, floor: string, notes: string[]) {
  const updated = activity.lastUpdated?.slice(0, 10);
  let day = dayOf(activity, types, today) ?? (updated && updated <= today ? updated : null);
  if (!day) {
    notes.push(`no activity-date or last-updated-datetime to date the step by: recorded on ${today}`);
    day = today;
  }
  return day < floor ? floor : day;
}

/** Takes the package as far towards the activity's status as the rules allow; null when the file gives no status. */
export async function applyStatus(
  context: LifecycleContext,
  activity: IatiActivity,
  packageId: string,
): Promise<LifecycleOutcome | null> {
  const { deps, request, facts } = context;
  const code = activity.status?.code;
  if (!activity.status || !code) return null;
  const today = deps.clock().toISOString().slice(0, 10);
  const steps: LifecycleStep[] = [];
  const notes: string[] = [];
  const results: CommandResult[] = [];
  const state = await loadState(deps.db, packageDecider, packageId);
  if (state.status === 'none') return null;
  let status: string = state.status;
  const proposed = await deps.db
    .selectFrom('rm_packages')
    .select('proposed_on')
    .where('id', '=', packageId)
    .executeTakeFirst();
  let floor = proposed?.proposed_on ?? '0000-01-01';
  const iatiStatus = `${code} ${activity.status.name}`;
  const outcome = () => ({ iatiStatus, steps, packageStatus: status, notes, results });
  /** One step; a refusal by the rules becomes a note and stops the walk. */
  const take = async (step: LifecycleStep, occurredOn: string, run: () => Promise<CommandResult>) => {
    try {
      results.push(await run());
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      notes.push(`IATI status ${iatiStatus}: not ${step} (${error.code}: ${error.message}); left ${status}`);
      return false;
    }
    steps.push(step);
    status = step;
    floor = occurredOn;
    return true;
  };

  if (status === 'closed' || status === 'cancelled') {
    const same = (code === '4' && status === 'closed') || (code === '5' && status === 'cancelled');
    if (!same && code !== '1') notes.push(`IATI status ${iatiStatus}: the package is ${status}, which is final`);
    return outcome();
  }
  if (code === '5') {
    const on = dayFor(activity, ['4'], today, floor, notes);
    const reason = `IATI activity status 5 (cancelled)${activity.lastUpdated ? `, file of ${activity.lastUpdated}` : ''}`;
    await take('cancelled', on, () => cancelPackage(deps, request, packageId, { reason, occurredOn: on, ...facts }));
    return outcome();
  }
  if (!UNDER_WAY.has(code)) return outcome();
  if (status === 'proposed') {
    const on = dayFor(activity, ['2', '1'], today, floor, notes);
    const input = { coordinatorId: state.coordinatorId, occurredOn: on, ...facts };
    if (!(await take('validated', on, () => validatePackage(deps, request, packageId, input)))) return outcome();
  }
  if (status === 'validated') {
    const committed = await deps.db
      .selectFrom('rm_contributions')
      .select((eb) => eb.fn.min('committed_on').as('first'))
      .where('package_id', '=', packageId)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst();
    const first = committed?.first ?? null;
    if (first === null) {
      notes.push(`IATI status ${iatiStatus}: not funded: no contribution to the package is committed; left validated`);
    } else {
      const on = [first, floor].sort()[1] ?? first;
      await take('funded', on, () => fundPackage(deps, request, packageId, { occurredOn: on, ...facts }));
    }
  }
  if (code === '4' && status !== 'closed') {
    if (status === 'delivered') {
      const on = dayFor(activity, ['4', '3'], today, floor, notes);
      await take('closed', on, () => closePackage(deps, request, packageId, { occurredOn: on, ...facts }));
    } else {
      notes.push(
        `IATI status ${iatiStatus}: not closed: a package closes once delivered, and this one is ${status} ` +
          '(IATI reports no shipments or receipts); left as it is',
      );
    }
  }
  if (code === '6') notes.push(`IATI status ${iatiStatus}: a package has no suspended status; left ${status}`);
  return outcome();
}
