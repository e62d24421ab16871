import type { DomainEvent } from '../decider.ts';
import type { LocalizedText, Visibility } from '../facts.ts';
import type { Equivalents, MoneyJson } from '../money.ts';

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

/** A package that has been proposed. */
export type ExistingPackage = Extract<PackageState, { id: string }>;
