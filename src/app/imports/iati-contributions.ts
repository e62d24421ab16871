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
 */
import type { Visibility } from '../../domain/facts.ts';
import { formatMoney, type Money } from '../../domain/money.ts';
import type { IatiTransaction } from '../../ingest/formats/iati-types.ts';
import { amendContribution, commitContribution, payContribution, pledgeContribution } from '../contributions.ts';
import type { AppDeps, CommandResult, RequestContext } from '../deps.ts';
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
}

/** Records one activity's contributions; answers the ids of the contributions and the transactions left out. */
export function contributionRecorder(context: ContributionContext) {
  const { deps, request, packageId, facts, step } = context;
  const tracked = new Map<string, Tracked>();
  const results: CommandResult[] = [];
  const { visibility, ...stageFacts } = facts;

  async function record(id: string, donorId: string, tx: IatiTransaction, position: number): Promise<void> {
    const stage = STAGE_OF[tx.type.code];
    if (!stage) return;
    const money = tx.value.money;
    const json = (minor: bigint) => formatMoney({ currency: money.currency, minor });
    const on = { ...stageFacts, occurredOn: tx.date };
    const run = async (command: () => Promise<CommandResult>) => {
      results.push(await step(tx, command));
    };
    const reason = `IATI ${tx.type.name} transaction${tx.ref ? ` ${tx.ref}` : ''} of ${tx.date}`;
    const amend = (minor: bigint) =>
      run(() => amendContribution(deps, request, id, { amount: json(minor), reason, ...on }));
    const pay = async (state: Tracked, amount: Money) => {
      await run(() =>
        payContribution(deps, request, id, { paymentId: `t${position}`, amount: formatMoney(amount), ...on }),
      );
      state.paid += amount.minor;
    };
    const current = tracked.get(id);

    if (!current) {
      await run(() =>
        pledgeContribution(deps, request, { id, donorId, packageId, amount: json(money.minor), visibility, ...on }),
      );
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
      await run(() => commitContribution(deps, request, id, { amount: json(money.minor), ...on }));
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
      await run(() => commitContribution(deps, request, id, { amount: json(committed), ...on }));
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

  return { record, results, ids: () => [...tracked.keys()] };
}

const bigMax = (a: bigint, b: bigint): bigint => (a > b ? a : b);
