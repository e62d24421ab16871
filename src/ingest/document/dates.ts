import { cleanSpaces } from './spaces.ts';

// One list per spelling, January first. Ukrainian and Russian write the month in the genitive after a day number.
const MONTH_LISTS = [
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня',
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
];
const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_LISTS.flatMap((list) => list.split(' ').map((name, index): [string, number] => [name, index + 1])),
  ['sept', 9],
]);

const LABEL =
  /^(?:published|updated|posted|date|опубліковано|оновлено|дата(?: публікації| публикации)?|опубликовано|обновлено)\s*:?\s*/u;
const WEEKDAY =
  /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|^(?:понеділок|вівторок|середа|четвер|п['’ʼ]?ятниця|субота|неділя|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)/u;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\([^)]*\))?`;
const LEADING_TIME = new RegExp(String.raw`^${TIME}\s*[,|·•–—-]?\s*`, 'u');
const TRAILING_TIME = new RegExp(String.raw`[\s,|·•–—-]*(?:at|о|в)?\s*${TIME}$`, 'u');
const YEAR_WORD = String.raw`(?:\s*(?:р\.|року|рік|г\.|года))?`;

const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})${YEAR_WORD}$`, 'u');
const MONTH_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string | undefined): number | null {
  return name === undefined ? null : (MONTHS.get(name) ?? null);
}

/**
 * The day a line states when the whole line is a date: "12 August 2025", "August 12, 2025, 14:35",
 * "Вівторок, 12 серпня 2025 р., 14:35", "12 августа 2025", "2025-08-12", "12.08.2025"; null for anything else.
 */
export function parseDateLine(line: string): string | null {
  if (line.length > 160 || !/\d/.test(line)) return null;
  let rest = cleanSpaces(line).toLowerCase();
  if (rest.length > 80) return null;
  rest = rest.replace(LABEL, '');
  rest = rest.replace(WEEKDAY, '').replace(/^[\s,]+/, '');
  rest = rest
    .replace(LEADING_TIME, '')
    .replace(TRAILING_TIME, '')
    .replace(/[\s,|·•–—-]+$/, '');

  const iso = ISO_DAY.exec(rest);
  if (iso && rest.length === 10) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(rest);
  if (dotted) return isoDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const dmy = DAY_MONTH_YEAR.exec(rest);
  const dmyMonth = monthNumber(dmy?.[2]);
  if (dmy && dmyMonth) return isoDay(Number(dmy[3]), dmyMonth, Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(rest);
  const mdyMonth = monthNumber(mdy?.[1]);
  if (mdy && mdyMonth) return isoDay(Number(mdy[3]), mdyMonth, Number(mdy[2]));
  return null;
}

/** A machine date ("2025-08-12T14:35:00+03:00" keeps its own day, 12 August) or, failing that, a date line. */
export function parseDateValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = ISO_DAY.exec(value.trim());
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parseDateLine(value);
}
