import { assertCategory } from '../categories.ts';
import { invalid, notFound } from '../errors.ts';
import { assertId, assertPositiveInteger } from '../facts.ts';
import { formatMoney, parsePositiveMoney } from '../money.ts';
import type { ExistingPackage, LineQuantity, PackageCommand, PackageLine, Shipment } from './types.ts';

export function checkLines(
  command: Extract<PackageCommand, { type: 'ProposePackage' }>,
  currency: string,
): PackageLine[] {
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
export function checkQuantities(
  state: ExistingPackage,
  lines: readonly LineQuantity[],
  field: string,
): Map<string, number> {
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

export function shippedPerLine(state: ExistingPackage): Map<string, number> {
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
export function quantifiedLinesComplete(lines: readonly PackageLine[], received: Map<string, number>): boolean {
  return lines.every((line) => line.quantity === null || (received.get(line.lineId) ?? 0) >= line.quantity);
}

/** The shipments after a receipt of the given quantities against one of them. */
export function evolveReceipt(state: ExistingPackage, shipmentId: string, quantities: Map<string, number>): Shipment[] {
  return state.shipments.map((shipment) => {
    if (shipment.shipmentId !== shipmentId) return shipment;
    const received = { ...shipment.received };
    for (const [lineId, quantity] of quantities) received[lineId] = (received[lineId] ?? 0) + quantity;
    return { ...shipment, received };
  });
}
