import { assertCategory } from '../categories.ts';
import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, assertLocalizedText, assertPositiveInteger, type LocalizedText, type Visibility } from '../facts.ts';
import { type Equivalents, formatMoney, type MoneyJson, parsePositiveMoney, type Ratio } from '../money.ts';
import { deliveredShare } from './delivery.ts';

export const PACKAGE_STATUSES = [
  'proposed',
  'validated',
  'funded',
  'contracted',
  'in-transit',
  'partially-delivered',
  'delivered',
  'closed',
  'cancelled',
] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

/** One item of a package. Quantity is null when the contents are secret or vague ("Patriot components"). */
export interface PackageLine {
  readonly lineId: string;
  readonly requirementId: string | null;
  readonly description: string;
  readonly category: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly value: MoneyJson | null;
}

/** Quantities per line; a line without a known quantity is shipped and received as one consignment (null). */
export interface LineQuantity {
  readonly lineId: string;
  readonly quantity: number | null;
}

export interface PackageProposal {
  readonly id: string;
  readonly title: LocalizedText;
  readonly recipientId: string;
  readonly coordinatorId: string;
  readonly supplierId: string | null;
  readonly category: string;
  readonly targetValue: MoneyJson;
  /** EUR and USD equivalents of the target value at the proposal date. */
  readonly targetEquivalents: Equivalents;
  readonly lines: readonly PackageLine[];
  readonly visibility: Visibility;
}

export type PackageEvent =
  | DomainEvent<'PackageProposed', PackageProposal>
  | DomainEvent<'PackageValidated', { coordinatorId: string }>
  | DomainEvent<'PackageFunded', Record<string, never>>
  | DomainEvent<'PackageContracted', { supplierId: string; contractReference: string | null }>
  | DomainEvent<'ShipmentDispatched', { shipmentId: string; lines: readonly LineQuantity[] }>
  | DomainEvent<
      'DeliveryReceived',
      {
        receiptId: string;
        shipmentId: string;
        lines: readonly LineQuantity[];
        full: boolean;
        deliveredShare: RatioJson;
      }
    >
  | DomainEvent<'PackageClosed', Record<string, never>>
  | DomainEvent<'PackageCancelled', { reason: string }>;

/** A share as an exact fraction, in JSON as decimal strings. */
export interface RatioJson {
  readonly numerator: string;
  readonly denominator: string;
}

export interface LineInput {
  lineId?: string;
  requirementId?: string | null;
  description: string;
  category?: string;
  quantity?: number | null;
  unit?: string | null;
  value?: MoneyJson | null;
}

export type PackageCommand =
  | {
      type: 'ProposePackage';
      id: string;
      title: LocalizedText;
      recipientId: string;
      coordinatorId: string;
      supplierId?: string | null;
      category: string;
      targetValue: MoneyJson;
      targetEquivalents: Equivalents;
      lines: readonly LineInput[];
      visibility: Visibility;
      /** Organisation and requirement ids named by the command that are registered (the app looks them up). */
      known: ReadonlySet<string>;
    }
  | { type: 'ValidatePackage'; coordinatorId: string }
  | { type: 'FundPackage'; committedContributions: number }
  | { type: 'ContractPackage'; supplierId: string; supplierKnown: boolean; contractReference?: string | null }
  | { type: 'DispatchShipment'; shipmentId: string; lines: readonly LineQuantity[] }
  | { type: 'ConfirmReceipt'; receiptId: string; shipmentId: string; lines: readonly LineQuantity[]; full?: boolean }
  | { type: 'ClosePackage' }
  | { type: 'CancelPackage'; reason: string };

export interface Shipment {
  readonly shipmentId: string;
  readonly lines: readonly LineQuantity[];
  /** Received so far per line id (null-quantity lines count consignments). */
  readonly received: Readonly<Record<string, number>>;
}

export type PackageState =
  | { status: 'none' }
  | ({
      status: Exclude<PackageStatus, never>;
      shipments: readonly Shipment[];
      receiptIds: readonly string[];
      deliveredShare: RatioJson;
    } & PackageProposal);

type Existing = Extract<PackageState, { id: string }>;

const ORDER: Record<PackageStatus, number> = {
  proposed: 0,
  validated: 1,
  funded: 2,
  contracted: 3,
  'in-transit': 4,
  'partially-delivered': 5,
  delivered: 6,
  closed: 7,
  cancelled: 8,
};

function existing(state: PackageState): Existing {
  if (state.status === 'none') throw notFound('package-unknown', 'no such package');
  if (state.status === 'cancelled') throw ruleBroken('package-cancelled', 'the package has been cancelled');
  if (state.status === 'closed') throw ruleBroken('package-already-closed', 'the package is closed');
  return state;
}

function requireStatus(state: Existing, allowed: readonly PackageStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    throw ruleBroken(
      'package-status-invalid',
      `a ${state.status} package cannot be ${action}; it must be ${allowed.join(' or ')}`,
    );
  }
}

function checkLines(command: Extract<PackageCommand, { type: 'ProposePackage' }>, currency: string): PackageLine[] {
  if (command.lines.length === 0) throw invalid('package-lines-required', 'lines', 'a package has at least one line');
  const seen = new Set<string>();
  return command.lines.map((line, index) => {
    const field = `lines[${index}]`;
    const lineId = line.lineId ?? String(index + 1);
    assertId(lineId, `${field}.lineId`);
    if (seen.has(lineId)) throw invalid('line-id-duplicated', `${field}.lineId`, `line "${lineId}" appears twice`);
    seen.add(lineId);
    if (line.description.trim() === '') {
      throw invalid('text-empty', `${field}.description`, 'each line needs a description');
    }
    if (line.requirementId && !command.known.has(line.requirementId)) {
      throw notFound(
        'requirement-unknown',
        `requirement "${line.requirementId}" is not listed`,
        `${field}.requirementId`,
      );
    }
    const value = line.value ? parsePositiveMoney(line.value, `${field}.value`) : null;
    if (value && value.currency !== currency) {
      throw invalid(
        'line-currency-mismatch',
        `${field}.value.currency`,
        `line values are in the package's currency, ${currency}`,
      );
    }
    return {
      lineId,
      requirementId: line.requirementId ?? null,
      description: line.description.trim(),
      category: assertCategory(line.category ?? command.category, `${field}.category`).id,
      quantity:
        line.quantity === undefined || line.quantity === null
          ? null
          : assertPositiveInteger(line.quantity, `${field}.quantity`),
      unit: line.unit?.trim() || null,
      value: value ? formatMoney(value) : null,
    };
  });
}

/** Checks shipped or received quantities against the lines, and sums them per line. */
function checkQuantities(state: Existing, lines: readonly LineQuantity[], field: string): Map<string, number> {
  if (lines.length === 0) throw invalid('quantities-required', field, 'name at least one line and its quantity');
  const out = new Map<string, number>();
  lines.forEach((item, index) => {
    const line = state.lines.find((candidate) => candidate.lineId === item.lineId);
    if (!line)
      throw notFound('package-line-unknown', `the package has no line "${item.lineId}"`, `${field}[${index}].lineId`);
    if (out.has(item.lineId))
      throw invalid('line-id-duplicated', `${field}[${index}].lineId`, `line "${item.lineId}" appears twice`);
    if (line.quantity === null) {
      if (item.quantity !== null && item.quantity !== undefined) {
        throw invalid(
          'quantity-unknown-for-line',
          `${field}[${index}].quantity`,
          `line "${item.lineId}" has no known quantity; leave it empty`,
        );
      }
      out.set(item.lineId, 1);
    } else {
      if (item.quantity === null || item.quantity === undefined) {
        throw invalid('quantity-required', `${field}[${index}].quantity`, `line "${item.lineId}" needs a quantity`);
      }
      out.set(item.lineId, assertPositiveInteger(item.quantity, `${field}[${index}].quantity`));
    }
  });
  return out;
}

function shippedPerLine(state: Existing): Map<string, number> {
  const out = new Map<string, number>();
  for (const shipment of state.shipments) {
    for (const line of shipment.lines) out.set(line.lineId, (out.get(line.lineId) ?? 0) + (line.quantity ?? 1));
  }
  return out;
}

export function receivedPerLine(shipments: readonly Shipment[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const shipment of shipments) {
    for (const [lineId, quantity] of Object.entries(shipment.received))
      out.set(lineId, (out.get(lineId) ?? 0) + quantity);
  }
  return out;
}

/** Whether every line with a known quantity has been received in full. */
function quantifiedLinesComplete(lines: readonly PackageLine[], received: Map<string, number>): boolean {
  return lines.every((line) => line.quantity === null || (received.get(line.lineId) ?? 0) >= line.quantity);
}

function toJson(ratio: Ratio): RatioJson {
  return { numerator: ratio.numerator.toString(), denominator: ratio.denominator.toString() };
}

export const packageDecider: Decider<PackageCommand, PackageEvent, PackageState> = {
  streamType: 'package',
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'ProposePackage': {
        if (state.status !== 'none')
          throw ruleBroken('package-already-proposed', `package "${command.id}" exists`, 'id');
        assertId(command.id, 'id');
        assertLocalizedText(command.title, 'title');
        for (const [field, id] of [
          ['recipientId', command.recipientId],
          ['coordinatorId', command.coordinatorId],
          ['supplierId', command.supplierId],
        ] as const) {
          if (id && !command.known.has(id))
            throw notFound('organisation-unknown', `"${id}" is not a registered organisation`, field);
        }
        const target = parsePositiveMoney(command.targetValue, 'targetValue');
        return [
          {
            type: 'PackageProposed',
            data: {
              id: command.id,
              title: command.title,
              recipientId: command.recipientId,
              coordinatorId: command.coordinatorId,
              supplierId: command.supplierId ?? null,
              category: assertCategory(command.category, 'category').id,
              targetValue: formatMoney(target),
              targetEquivalents: command.targetEquivalents,
              lines: checkLines(command, target.currency),
              visibility: command.visibility,
            },
          },
        ];
      }
      case 'ValidatePackage': {
        const current = existing(state);
        requireStatus(current, ['proposed'], 'validated');
        if (command.coordinatorId !== current.coordinatorId) {
          throw ruleBroken(
            'not-the-coordinator',
            `only the package's coordinator, ${current.coordinatorId}, validates it`,
            'coordinatorId',
          );
        }
        return [{ type: 'PackageValidated', data: { coordinatorId: command.coordinatorId } }];
      }
      case 'FundPackage': {
        const current = existing(state);
        requireStatus(current, ['validated'], 'marked funded');
        if (command.committedContributions === 0) {
          throw ruleBroken(
            'package-has-no-commitments',
            'a package is funded once at least one contribution to it is committed',
          );
        }
        return [{ type: 'PackageFunded', data: {} }];
      }
      case 'ContractPackage': {
        const current = existing(state);
        requireStatus(current, ['funded'], 'contracted');
        if (!command.supplierKnown) {
          throw notFound(
            'organisation-unknown',
            `"${command.supplierId}" is not a registered organisation`,
            'supplierId',
          );
        }
        return [
          {
            type: 'PackageContracted',
            data: { supplierId: command.supplierId, contractReference: command.contractReference?.trim() || null },
          },
        ];
      }
      case 'DispatchShipment': {
        const current = existing(state);
        requireStatus(current, ['contracted', 'in-transit', 'partially-delivered'], 'shipped');
        assertId(command.shipmentId, 'shipmentId');
        if (current.shipments.some((shipment) => shipment.shipmentId === command.shipmentId)) {
          throw ruleBroken(
            'shipment-already-recorded',
            `shipment "${command.shipmentId}" is already recorded`,
            'shipmentId',
          );
        }
        const quantities = checkQuantities(current, command.lines, 'lines');
        const shipped = shippedPerLine(current);
        command.lines.forEach((item, index) => {
          const line = current.lines.find((candidate) => candidate.lineId === item.lineId);
          const total = (shipped.get(item.lineId) ?? 0) + (quantities.get(item.lineId) ?? 0);
          if (line?.quantity !== null && line?.quantity !== undefined && total > line.quantity) {
            throw ruleBroken(
              'shipment-exceeds-ordered',
              `line "${item.lineId}" orders ${line.quantity}; ${total} would have been shipped`,
              `lines[${index}].quantity`,
            );
          }
        });
        return [
          {
            type: 'ShipmentDispatched',
            data: {
              shipmentId: command.shipmentId,
              lines: command.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity ?? null })),
            },
          },
        ];
      }
      case 'ConfirmReceipt': {
        const current = existing(state);
        requireStatus(current, ['in-transit', 'partially-delivered'], 'received');
        assertId(command.receiptId, 'receiptId');
        if (current.receiptIds.includes(command.receiptId)) {
          throw ruleBroken(
            'receipt-already-recorded',
            `receipt "${command.receiptId}" is already recorded`,
            'receiptId',
          );
        }
        const shipment = current.shipments.find((candidate) => candidate.shipmentId === command.shipmentId);
        if (!shipment)
          throw notFound('shipment-unknown', `no shipment "${command.shipmentId}" in this package`, 'shipmentId');
        // A full receipt may name no lines: the recipient confirms that what already arrived is the whole package.
        const quantities =
          command.lines.length === 0 && command.full === true
            ? new Map<string, number>()
            : checkQuantities(current, command.lines, 'lines');
        command.lines.forEach((item, index) => {
          const shippedLine = shipment.lines.find((line) => line.lineId === item.lineId);
          const shippedQuantity = shippedLine ? (shippedLine.quantity ?? 1) : 0;
          const after = (shipment.received[item.lineId] ?? 0) + (quantities.get(item.lineId) ?? 0);
          if (after > shippedQuantity) {
            throw ruleBroken(
              'receipt-exceeds-shipped',
              `shipment "${command.shipmentId}" carried ${shippedQuantity} of line "${item.lineId}"; ${after} would have been received`,
              `lines[${index}].quantity`,
            );
          }
        });
        const after = evolveReceipt(current, command.shipmentId, quantities);
        const received = receivedPerLine(after);
        const complete = quantifiedLinesComplete(current.lines, received);
        const hasUnquantified = current.lines.some((line) => line.quantity === null);
        if (command.full && !complete) {
          throw ruleBroken(
            'receipt-not-complete',
            'a full receipt needs every line with a known quantity received in full',
            'full',
          );
        }
        const full = command.full === true || (complete && !hasUnquantified);
        const share = deliveredShare(current.lines, received, full);
        return [
          {
            type: 'DeliveryReceived',
            data: {
              receiptId: command.receiptId,
              shipmentId: command.shipmentId,
              lines: command.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity ?? null })),
              full,
              deliveredShare: toJson(share),
            },
          },
        ];
      }
      case 'ClosePackage': {
        const current = existing(state);
        requireStatus(current, ['delivered'], 'closed');
        return [{ type: 'PackageClosed', data: {} }];
      }
      case 'CancelPackage': {
        const current = existing(state);
        if (ORDER[current.status] >= ORDER['in-transit']) {
          throw ruleBroken('package-already-shipped', 'a package cannot be cancelled once goods have been shipped');
        }
        if (command.reason.trim() === '')
          throw invalid('reason-required', 'reason', 'say why the package is cancelled');
        return [{ type: 'PackageCancelled', data: { reason: command.reason.trim() } }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'PackageProposed') {
      return {
        status: 'proposed',
        ...event.data,
        shipments: [],
        receiptIds: [],
        deliveredShare: { numerator: '0', denominator: '1' },
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PackageValidated':
        return { ...state, status: 'validated' };
      case 'PackageFunded':
        return { ...state, status: 'funded' };
      case 'PackageContracted':
        return { ...state, status: 'contracted', supplierId: event.data.supplierId };
      case 'ShipmentDispatched':
        return {
          ...state,
          status: state.status === 'contracted' ? 'in-transit' : state.status,
          shipments: [...state.shipments, { shipmentId: event.data.shipmentId, lines: event.data.lines, received: {} }],
        };
      case 'DeliveryReceived': {
        const quantities = new Map(event.data.lines.map((line) => [line.lineId, line.quantity ?? 1]));
        return {
          ...state,
          status: event.data.full ? 'delivered' : 'partially-delivered',
          shipments: evolveReceipt(state, event.data.shipmentId, quantities),
          receiptIds: [...state.receiptIds, event.data.receiptId],
          deliveredShare: event.data.deliveredShare,
        };
      }
      case 'PackageClosed':
        return { ...state, status: 'closed' };
      case 'PackageCancelled':
        return { ...state, status: 'cancelled' };
      default:
        return unreachable(event);
    }
  },
};

function evolveReceipt(state: Existing, shipmentId: string, quantities: Map<string, number>): Shipment[] {
  return state.shipments.map((shipment) => {
    if (shipment.shipmentId !== shipmentId) return shipment;
    const received = { ...shipment.received };
    for (const [lineId, quantity] of quantities) received[lineId] = (received[lineId] ?? 0) + quantity;
    return { ...shipment, received };
  });
}
