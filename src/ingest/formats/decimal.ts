import { divideRounded } from '../../domain/money.ts';

/** A plain decimal as trackers write it: optional minus, digits, optional fraction. No exponent, no grouping. */
export const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * `text × 10^power` as a whole number, for a decimal already checked against DECIMAL_TEXT (billions to cents is
 * power 11). Moving the decimal point is string work; only when the text has more decimals than `power` are digits
 * lost, and then `exact` is false and `value` is rounded half to even (money.ts's divideRounded).
 */
export function scaleDecimal(text: string, power: number): { readonly value: bigint; readonly exact: boolean } {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const sign = negative ? -1n : 1n;
  if (fraction.length <= power) return { value: sign * BigInt(whole + fraction.padEnd(power, '0')), exact: true };
  const dropped = fraction.length - power;
  const value = divideRounded(sign * BigInt(whole + fraction), 10n ** BigInt(dropped));
  return { value, exact: /^0*$/.test(fraction.slice(power)) };
}
