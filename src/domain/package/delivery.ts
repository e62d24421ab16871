import { type MoneyJson, parseMoney, type Ratio } from '../money.ts';

/** What the delivered share needs to know of a package line. */
export interface WeightedLine {
  readonly lineId: string;
  readonly quantity: number | null;
  readonly value: MoneyJson | null;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/**
 * The delivered share of a package as an exact fraction: each line weighs by its value when every line has one
 * (else equally), and counts the received fraction of its quantity. Lines of unknown quantity count once the
 * recipient confirms the package fully received.
 */
export function deliveredShare(
  lines: readonly WeightedLine[],
  received: ReadonlyMap<string, number>,
  full: boolean,
): Ratio {
  if (full) return { numerator: 1n, denominator: 1n };
  const byValue = lines.every((line) => line.value !== null);
  let numerator = 0n;
  let denominator = 1n;
  let totalWeight = 0n;
  for (const line of lines) {
    const weight = byValue && line.value ? parseMoney(line.value).minor : 1n;
    totalWeight += weight;
    if (line.quantity === null) continue;
    const got = BigInt(Math.min(received.get(line.lineId) ?? 0, line.quantity));
    // numerator/denominator += weight * got / quantity
    const quantity = BigInt(line.quantity);
    numerator = numerator * quantity + weight * got * denominator;
    denominator *= quantity;
    const divisor = gcd(numerator, denominator);
    numerator /= divisor;
    denominator /= divisor;
  }
  denominator *= totalWeight;
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}
