import type { ContributionEvent } from '../../domain/contribution/contribution.ts';
import type { Equivalents, MoneyJson } from '../../domain/money.ts';
import { parseMoney } from '../../domain/money.ts';
import type { PackageEvent } from '../../domain/package/package.ts';
import { deliveredPart, type Stage } from '../totals.ts';

/** An amount as the ledger counts a contribution: EUR and USD cents, and minor units of its own currency. */
export interface Amounts {
  readonly eur: bigint;
  readonly usd: bigint;
  readonly own: bigint;
}
const ZERO: Amounts = { eur: 0n, usd: 0n, own: 0n };
const minus = (a: Amounts, b: Amounts): Amounts => ({ eur: a.eur - b.eur, usd: a.usd - b.usd, own: a.own - b.own });
const negate = (a: Amounts): Amounts => minus(ZERO, a);

/** One event of the ledger, as the replay below reads it. */
export interface LedgerEvent {
  readonly eventId: string;
  readonly streamType: string;
  readonly entityId: string;
  readonly type: string;
  readonly data: unknown;
  readonly basis: string;
  readonly occurredOn: string;
}

/** One change to a contribution's total at one stage, dated as the donor totals date it (the month it counts in). */
export interface FigurePart {
  readonly contributionId: string;
  readonly stage: Stage;
  readonly on: string;
  readonly eventId: string;
  readonly type: string;
  readonly basis: string;
  readonly amounts: Amounts;
}

interface Held {
  readonly packageId: string | null;
  readonly pledgedOn: string;
  committedOn: string | null;
  amount: Amounts;
  delivered: Amounts;
  withdrawn: boolean;
}

const amountsOf = (data: { amount: MoneyJson; equivalents: Equivalents }): Amounts => ({
  eur: parseMoney(data.equivalents.eur).minor,
  usd: parseMoney(data.equivalents.usd).minor,
  own: parseMoney(data.amount).minor,
});

/**
 * Replays contributions' events (and their packages' receipts, in chain order) into the dated changes that the
 * donor totals add up (src/projections/contributions.ts and packages.ts make the same changes, with the same
 * rounding): pledged at the pledge's day, committed at the commitment's, each payment at its day, and the delivered
 * part at each receipt, and again whenever the amount changes or the contribution is withdrawn after goods arrived.
 * Pure: the records of a figure are these parts, filtered by stage and month.
 */
export function figureParts(events: readonly LedgerEvent[]): FigurePart[] {
  const held = new Map<string, Held>();
  const shares = new Map<string, { numerator: bigint; denominator: bigint }>();
  const parts: FigurePart[] = [];
  const add = (id: string, stage: Stage, on: string, amounts: Amounts, event: LedgerEvent) =>
    parts.push({
      contributionId: id,
      stage,
      on,
      eventId: event.eventId,
      type: event.type,
      basis: event.basis,
      amounts,
    });
  const deliver = (id: string, row: Held, share: { numerator: bigint; denominator: bigint }, event: LedgerEvent) => {
    const part = (value: bigint) => deliveredPart(value, share.numerator, share.denominator);
    const now = { eur: part(row.amount.eur), usd: part(row.amount.usd), own: part(row.amount.own) };
    add(id, 'delivered', event.occurredOn, minus(now, row.delivered), event);
    row.delivered = now;
  };
  const redeliver = (id: string, row: Held, event: LedgerEvent) => {
    const share = row.packageId ? shares.get(row.packageId) : undefined;
    if (share && share.numerator !== 0n) deliver(id, row, share, event);
  };

  for (const event of events) {
    const on = event.occurredOn;
    if (event.streamType === 'package') {
      const change = { type: event.type, data: event.data } as PackageEvent;
      if (change.type !== 'DeliveryReceived') continue;
      const share = {
        numerator: BigInt(change.data.deliveredShare.numerator),
        denominator: BigInt(change.data.deliveredShare.denominator),
      };
      shares.set(event.entityId, share);
      for (const [id, row] of held)
        if (row.packageId === event.entityId && !row.withdrawn) deliver(id, row, share, event);
      continue;
    }
    if (event.streamType !== 'contribution') continue;
    const id = event.entityId;
    const change = { type: event.type, data: event.data } as ContributionEvent;
    if (change.type === 'ContributionPledged') {
      const row: Held = {
        packageId: change.data.packageId,
        pledgedOn: on,
        committedOn: null,
        amount: amountsOf(change.data),
        delivered: ZERO,
        withdrawn: false,
      };
      held.set(id, row);
      add(id, 'pledged', on, row.amount, event);
      redeliver(id, row, event);
      continue;
    }
    const row = held.get(id);
    if (!row) continue;
    switch (change.type) {
      case 'ContributionCommitted': {
        const value = amountsOf(change.data);
        add(id, 'pledged', row.pledgedOn, minus(value, row.amount), event);
        add(id, 'committed', on, value, event);
        row.committedOn = on;
        row.amount = value;
        redeliver(id, row, event);
        break;
      }
      case 'ContributionPaid':
        add(id, 'paid', on, amountsOf(change.data), event);
        break;
      case 'ContributionAmended': {
        const value = amountsOf(change.data);
        add(id, 'pledged', row.pledgedOn, minus(value, row.amount), event);
        if (row.committedOn) add(id, 'committed', row.committedOn, minus(value, row.amount), event);
        row.amount = value;
        redeliver(id, row, event);
        break;
      }
      case 'ContributionWithdrawn':
        add(id, 'pledged', row.pledgedOn, negate(row.amount), event);
        if (row.committedOn) add(id, 'committed', row.committedOn, negate(row.amount), event);
        add(id, 'delivered', on, negate(row.delivered), event);
        row.delivered = ZERO;
        row.withdrawn = true;
        break;
    }
  }
  return parts;
}
