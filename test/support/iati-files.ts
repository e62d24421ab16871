/**
 * Small IATI 2.03 activity files for the import suites: two good activities (a Dutch package for Ukraine taken
 * through pledge, commitment and two disbursements; a UNDP humanitarian activity with incoming funds from Germany),
 * one that breaks a domain rule (a disbursement beyond its commitment) and one the reader refuses (an unknown
 * currency).
 */

export const GOOD_ACTIVITIES = `
 <iati-activity xml:lang="en" default-currency="EUR">
  <iati-identifier>NL-GOV-1-UA-0001</iati-identifier>
  <reporting-org ref="NL-GOV-1" type="10"><narrative>Ministry of Defence of the Netherlands</narrative></reporting-org>
  <title>
   <narrative>Air defence radars</narrative>
   <narrative xml:lang="uk">Радари протиповітряної оборони</narrative>
   <narrative xml:lang="fr">Radars de défense aérienne</narrative>
  </title>
  <description type="1"><narrative>Two radars with spare parts</narrative></description>
  <participating-org ref="NL-GOV-1" role="1" type="10"><narrative>Netherlands</narrative></participating-org>
  <activity-date iso-date="2025-08-04" type="2"/>
  <recipient-country code="UA" percentage="100"/>
  <sector vocabulary="1" code="15250"/>
  <transaction ref="p1"><transaction-type code="12"/><transaction-date iso-date="2025-08-04"/>
   <value value-date="2025-08-04">1000000</value></transaction>
  <transaction ref="c1"><transaction-type code="2"/><transaction-date iso-date="2025-08-05"/>
   <value value-date="2025-08-05">1000000</value></transaction>
  <transaction ref="d1"><transaction-type code="3"/><transaction-date iso-date="2025-08-06"/>
   <value value-date="2025-08-06">400000.50</value></transaction>
  <transaction ref="d2"><transaction-type code="3"/><transaction-date iso-date="2025-08-07"/>
   <value value-date="2025-08-07">599999.50</value></transaction>
 </iati-activity>
 <iati-activity xml:lang="en" default-currency="USD" humanitarian="1">
  <iati-identifier>XM-DAC-41114-UKR-77</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40">
   <narrative>United Nations Development Programme</narrative>
   <narrative xml:lang="ru">Программа развития ООН</narrative>
  </reporting-org>
  <title><narrative>Winter shelter repairs</narrative></title>
  <participating-org ref="DE-1" role="1" type="10"><narrative>Federal Foreign Office</narrative></participating-org>
  <recipient-country code="UA"/>
  <sector vocabulary="2" code="720"/>
  <budget type="1"><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/>
   <value value-date="2025-08-08">500000</value></budget>
  <transaction><transaction-type code="1"/><transaction-date iso-date="2025-08-08"/>
   <value value-date="2025-08-08">300000</value>
   <provider-org ref="DE-1" type="10"><narrative>Federal Foreign Office</narrative></provider-org></transaction>
  <transaction><transaction-type code="5"/><transaction-date iso-date="2025-08-08"/>
   <value value-date="2025-08-08">10</value></transaction>
 </iati-activity>`;

/** Starts on line 3 of `iatiFile(BAD_ACTIVITIES)`: the disbursement beyond its commitment is on line 9. */
export const BAD_ACTIVITIES = `
 <iati-activity xml:lang="en" default-currency="EUR">
  <iati-identifier>NL-GOV-1-UA-0002</iati-identifier>
  <reporting-org ref="NL-GOV-1" type="10"><narrative>Netherlands</narrative></reporting-org>
  <title><narrative>Demining kits</narrative></title>
  <recipient-country code="UA"/>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2025-08-05"/><value value-date="2025-08-05">100</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2025-08-06"/><value value-date="2025-08-06">200</value></transaction>
 </iati-activity>
 <iati-activity xml:lang="en">
  <iati-identifier>NL-GOV-1-UA-0003</iati-identifier>
  <reporting-org ref="NL-GOV-1" type="10"><narrative>Netherlands</narrative></reporting-org>
  <title><narrative>Fuel</narrative></title>
  <recipient-country code="UA"/>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2025-08-05"/>
   <value currency="XYZ" value-date="2025-08-05">100</value></transaction>
 </iati-activity>`;

/** An activity file holding the activities given, each starting on a new line after the two lines of the header. */
export function iatiFile(...activities: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">${activities.join('')}\n</iati-activities>\n`;
}

/**
 * One activity of the Netherlands in versions, for the update suite: `status` its activity-status code (none when
 * null), `updated` its last-updated-datetime, `transactions` how many of its pledge, commitment and two disbursements
 * it holds (in that order), and `id` the identifier's last part.
 */
export function versionedActivity(options: {
  readonly id: string;
  readonly updated: string;
  readonly status?: string | null;
  readonly transactions?: number;
  readonly title?: string;
  readonly dates?: readonly (readonly [type: string, day: string])[];
}): string {
  const transactions = [
    ['p1', '12', '2025-08-04', '1000000'],
    ['c1', '2', '2025-08-05', '1000000'],
    ['d1', '3', '2025-08-06', '400000'],
    ['d2', '3', '2025-08-07', '600000'],
  ].slice(0, options.transactions ?? 4);
  const dates = options.dates ?? [['2', '2025-08-04']];
  return `
 <iati-activity xml:lang="en" default-currency="EUR" last-updated-datetime="${options.updated}">
  <iati-identifier>NL-GOV-1-UA-${options.id}</iati-identifier>
  <reporting-org ref="NL-GOV-1" type="10"><narrative>Ministry of Defence of the Netherlands</narrative></reporting-org>
  <title><narrative>${options.title ?? 'Air defence radars'}</narrative></title>
  ${options.status ? `<activity-status code="${options.status}"/>` : ''}
  ${dates.map(([type, day]) => `<activity-date iso-date="${day}" type="${type}"/>`).join('\n  ')}
  <recipient-country code="UA"/>
  <sector vocabulary="1" code="15250"/>
  ${transactions
    .map(
      ([ref, type, day, value]) =>
        `<transaction ref="${ref}"><transaction-type code="${type}"/><transaction-date iso-date="${day}"/>` +
        `<value value-date="${day}">${value}</value></transaction>`,
    )
    .join('\n  ')}
 </iati-activity>`;
}
