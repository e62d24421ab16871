/**
 * ISO 3166-1 alpha-2 → numeric, for the states a donor map can show. The map's shapes (world-atlas, Natural Earth)
 * are identified by the numeric code, written with three digits ("056" Belgium), and carry only an abbreviated
 * English name ("Bosnia and Herz.", "United States of America"), which is no key to match on; organisations carry
 * the alpha-2 code. This table covers Europe, North America and the other states that arm Ukraine (≈55 entries)
 * instead of a full country package, which would weigh on the browser for codes that never occur.
 * A donor state missing here is not lost: the map lists it as a donor it cannot draw.
 */
const NUMERIC_BY_ALPHA2: Readonly<Record<string, string>> = {
  AD: '020',
  AL: '008',
  AM: '051',
  AT: '040',
  AU: '036',
  AZ: '031',
  BA: '070',
  BE: '056',
  BG: '100',
  BY: '112',
  CA: '124',
  CH: '756',
  CY: '196',
  CZ: '203',
  DE: '276',
  DK: '208',
  EE: '233',
  ES: '724',
  FI: '246',
  FR: '250',
  GB: '826',
  GE: '268',
  GR: '300',
  HR: '191',
  HU: '348',
  IE: '372',
  IS: '352',
  IT: '380',
  JP: '392',
  KR: '410',
  LI: '438',
  LT: '440',
  LU: '442',
  LV: '428',
  MC: '492',
  MD: '498',
  ME: '499',
  MK: '807',
  MT: '470',
  MX: '484',
  NL: '528',
  NO: '578',
  NZ: '554',
  PL: '616',
  PT: '620',
  RO: '642',
  RS: '688',
  RU: '643',
  SE: '752',
  SI: '705',
  SK: '703',
  SM: '674',
  TR: '792',
  UA: '804',
  US: '840',
  VA: '336',
};

/** "se" or "SE" → "752"; undefined when the table does not know the code. */
export const numericOf = (alpha2: string): string | undefined => NUMERIC_BY_ALPHA2[alpha2.toUpperCase()];
