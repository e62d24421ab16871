import { divideRounded } from '../../domain/money.ts';

/** A plain decimal as trackers write it: optional minus, digits, optional fraction. No exponent, no grouping. */
export const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Powers of ten that are exact doubles. */
const POWERS = Array.from({ length: 16 }, (_, power) => 10 ** power);

/** Digits a double holds exactly, whatever they are (10^15 < 2^53). */
const SAFE_DIGITS = 15;

/**
 * `text × 10^power` as a whole number, for a decimal already checked against DECIMAL_TEXT (billions to cents is
 * power 11). Moving the decimal point is string work; only when the text has more decimals than `power` are digits
 * lost, and then `exact` is false and `value` is rounded half to even (money.ts's divideRounded).
 */
export function scaleDecimal(text: string, power: number): { readonly value: bigint; readonly exact: boolean } {
  const small = scaleSmallDecimal(text, power);
  return small === null ? scaleDecimalWithBigInt(text, power) : { value: BigInt(small), exact: true };
}

/** scaleDecimal in bigints, for any decimal: what the fast path must always agree with (a unit test checks it). */
export function scaleDecimalWithBigInt(
  text: string,
  power: number,
): { readonly value: bigint; readonly exact: boolean } {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const sign = negative ? -1n : 1n;
  if (fraction.length <= power) return { value: sign * BigInt(whole + fraction.padEnd(power, '0')), exact: true };
  const dropped = fraction.length - power;
  const value = divideRounded(sign * BigInt(whole + fraction), 10n ** BigInt(dropped));
  return { value, exact: /^0*$/.test(fraction.slice(power)) };
}

/**
 * scaleDecimal's value as a number, when it has at most 15 digits and no decimals are dropped: read digit by digit
 * into a double, where every step is exact. Null for any other text (scaleDecimal reads it in bigints).
 */
export function scaleSmallDecimal(text: string, power: number): number | null {
  const negative = text.charCodeAt(0) === 0x2d;
  const start = negative ? 1 : 0;
  const dot = text.indexOf('.');
  const wholeEnd = dot === -1 ? text.length : dot;
  const decimals = dot === -1 ? 0 : text.length - dot - 1;
  if (decimals > power || wholeEnd - start + power > SAFE_DIGITS) return null;
  let value = 0;
  for (let at = start; at < wholeEnd; at += 1) value = value * 10 + text.charCodeAt(at) - 0x30;
  for (let at = wholeEnd + 1; at < text.length; at += 1) value = value * 10 + text.charCodeAt(at) - 0x30;
  value *= POWERS[power - decimals] ?? 1;
  return negative ? -value : value;
}
