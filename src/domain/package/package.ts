import { assertCategory } from '../categories.ts';
import type { Decider } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, assertLocalizedText } from '../facts.ts';
import { formatMoney, parsePositiveMoney, type Ratio } from '../money.ts';
import { deliveredShare } from './delivery.ts';
import {
  checkLines,
  checkQuantities,
  evolveReceipt,
  quantifiedLinesComplete,
  receivedPerLine,
  shippedPerLine,
} from './lines.ts';
import type { ExistingPackage, PackageCommand, PackageEvent, PackageState, PackageStatus, RatioJson } from './types.ts';

export * from './types.ts';

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

function existing(state: PackageState): ExistingPackage {
  if (state.status === 'none') throw notFound('package-unknown', 'no such package');
  if (state.status === 'cancelled') throw ruleBroken('package-cancelled', 'the package has been cancelled');
  if (state.status === 'closed') throw ruleBroken('package-already-closed', 'the package is closed');
  return state;
}

function requireStatus(state: ExistingPackage, allowed: readonly PackageStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    throw ruleBroken(
      'package-status-invalid',
      `a ${state.status} package cannot be ${action}; it must be ${allowed.join(' or ')}`,
    );
  }
}

function toJson(ratio: Ratio): RatioJson {
  return { numerator: ratio.numerator.toString(), denominator: ratio.denominator.toString() };
}

export const packageDecider: Decider<PackageCommand, PackageEvent, PackageState> = {
  streamType: 'package',
  initialState: { status: 'none' },

  /** The recipient confirms what arrived; the package's coordinator does everything else. */
  actingFor: (command, state) => {
    if (command.type === 'ProposePackage') return command.coordinatorId;
    if (state.status === 'none') return null;
    return command.type === 'ConfirmReceipt' ? state.recipientId : state.coordinatorId;
  },

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
