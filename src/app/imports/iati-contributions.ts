/**
 * An activity's transactions as contributions to its package: one contribution per donor (the provider-org, else the
 * reporting-org), taken through its stages in file order with the contribution use cases, so every rule applies.
 *
 * - pledge (12, 13): the first pledges; later ones raise the amount to the pledges' sum.
 * - commitment (2, 11): commits the commitments' sum (pledging it first when nothing was pledged); once committed,
 *   the amount is the larger of the pledges' and the commitments' sums.
 * - payment (1 incoming funds, 3 disbursement, 4 expenditure): a payment. When the donor's transactions hold no
 *   commitment, the payments are what was committed (pledged and committed at the first, raised by each next one);
 *   when they do, payments beyond the commitment are refused (payment-exceeds-commitment).
 *
 * For a publisher's next file the same walk runs over all the activity's transactions, matched against what the
 * ledger holds (`known`): a contribution that exists is not pledged again, a committed one not committed again, an
 * amount is only ever raised, and payment `t<n>` already recorded is not paid again. A recorded payment whose amount
 * or day differ from the transaction at its position is refused (iati-transaction-changed): the publisher changed or
 * reordered transactions, which the import does not apply.
 */
import { ruleBroken } from '../../domain/errors.ts';
import type { Visibility } from '../../domain/facts.ts';
import { formatMoney, type Money, type MoneyJson } from '../../domain/money.ts';
import type { IatiTransaction } from '../../ingest/formats/iati-types.ts';
import { amendContribution, commitContribution, payContribution, pledgeContribution } from '../contributions.ts';
import type { AppDeps, CommandResult, RequestContext } from '../deps.ts';
import type { KnownContribution } from './iati-ledger.ts';
import { STAGE_OF } from './iati-package.ts';

interface Tracked {
  status: 'pledged' | 'committed';
  readonly currency: string;
  amount: bigint;
  pledged: bigint;
  committed: bigint;
  paid: bigint;
}

export interface ContributionContext {
  readonly deps: AppDeps;
  readonly request: RequestContext;
  readonly packageId: string;
  readonly facts: {
    readonly evidence: string[];
    readonly basis: 'official';
    readonly visibility: Visibility;
  };
  /** Runs one command, turning its refusal into the transaction's error. */
  readonly step: (tx: IatiTransaction, run: () => Promise<CommandResult>) => Promise<CommandResult>;
  /** The package's contributions the ledger already holds (a publisher's next file); none for a new package. */
  readonly known?: ReadonlyMap<string, KnownContribution>;
}

/** Records one activity's contributions; answers the ids of the contributions and the transactions left out. */
export function contributionRecorder(context: ContributionContext) {
  const { deps, request, packageId, facts, step } = context;
  const tracked = new Map<string, Tracked>();
  const results: CommandResult[] = [];
  const changed = new Set<string>();
  const known = context.known ?? new Map<string, KnownContribution>();
  const { visibility, ...stageFacts } = facts;

  async function record(id: string, donorId: string, tx: IatiTransaction, position: number): Promise<void> {
    const stage = STAGE_OF[tx.type.code];
    if (!stage) return;
    const money = tx.value.money;
    const json = (minor: bigint) => formatMoney({ currency: money.currency, minor });
    const on = { ...stageFacts, occurredOn: tx.date };
    const ledger = known.get(id);
    const run = async (command: () => Promise<CommandResult>) => {
      results.push(await step(tx, command));
      changed.add(id);
    };
    const reason = `IATI ${tx.type.name} transaction${tx.ref ? ` ${tx.ref}` : ''} of ${tx.date}`;
    /** Raises the amount, unless the ledger already holds it (or more) in this currency. */
    const amend = async (minor: bigint) => {
      if (ledger && ledger.currency === money.currency && minor <= ledger.amount) return;
      await run(() => amendContribution(deps, request, id, { amount: json(minor), reason, ...on }));
      if (ledger) ledger.amount = minor;
    };
    const pledge = async () => {
      if (ledger) return;
      await run(() =>
        pledgeContribution(deps, request, { id, donorId, packageId, amount: json(money.minor), visibility, ...on }),
      );
    };
    const commit = async (minor: bigint) => {
      if (ledger && ledger.status !== 'pledged') return amend(minor);
      await run(() => commitContribution(deps, request, id, { amount: json(minor), ...on }));
      if (ledger) {
        ledger.status = 'committed';
        ledger.amount = minor;
      }
    };
    const pay = async (state: Tracked, amount: Money) => {
      const paymentId = `t${position}`;
      const recorded = ledger?.payments.get(paymentId);
      if (recorded) {
        if (recorded.minor !== amount.minor || recorded.date !== tx.date) {
          await step(tx, () => Promise.reject(changedPayment(paymentId, recorded, json(amount.minor), tx.date)));
        }
      } else {
        await run(() => payContribution(deps, request, id, { paymentId, amount: formatMoney(amount), ...on }));
      }
      state.paid += amount.minor;
    };
    const current = tracked.get(id);

    if (!current) {
      await pledge();
      const state: Tracked = {
        status: 'pledged',
        currency: money.currency,
        amount: money.minor,
        pledged: stage === 'pledge' ? money.minor : 0n,
        committed: 0n,
        paid: 0n,
      };
      tracked.set(id, state);
      if (stage === 'pledge') return;
      await commit(money.minor);
      state.status = 'committed';
      if (stage === 'commit') state.committed = money.minor;
      else await pay(state, money);
      return;
    }
    // Another currency: the stage in its own currency, which the contribution refuses (currency-mismatch).
    if (money.currency !== current.currency) {
      if (stage === 'pay' && current.status === 'committed') await pay(current, money);
      else await amend(money.minor);
      return;
    }
    if (stage === 'pledge') current.pledged += money.minor;
    if (stage === 'commit') current.committed += money.minor;
    if (current.status === 'pledged') {
      if (stage === 'pledge') {
        current.amount = current.pledged;
        await amend(current.amount);
        return;
      }
      const committed = stage === 'commit' ? current.committed : bigMax(current.amount, money.minor);
      await commit(committed);
      current.status = 'committed';
      current.amount = committed;
      if (stage === 'pay') await pay(current, money);
      return;
    }
    if (stage === 'pay') {
      if (current.committed === 0n && current.paid + money.minor > current.amount) {
        current.amount = current.paid + money.minor;
        await amend(current.amount);
      }
      await pay(current, money);
      return;
    }
    const promised = bigMax(current.pledged, current.committed);
    if (promised !== current.amount) {
      current.amount = promised;
      await amend(promised);
    }
  }

  /** The contributions this file created or changed. */
  return { record, results, ids: () => [...changed] };
}

/** A recorded payment that is not the transaction now at its position. */
function changedPayment(
  paymentId: string,
  recorded: { readonly minor: bigint; readonly date: string },
  amount: MoneyJson,
  date: string,
) {
  const was = formatMoney({ currency: amount.currency, minor: recorded.minor });
  return ruleBroken(
    'iati-transaction-changed',
    `payment ${paymentId} was recorded as ${was.amount} ${was.currency} on ${recorded.date}; the file now gives ` +
      `${amount.amount} ${amount.currency} on ${date} at that position, and changed transactions are not applied`,
  );
}

const bigMax = (a: bigint, b: bigint): bigint => (a > b ? a : b);
