/**
 * Records only partners or the parties themselves may read, recorded through the use cases next to a public history
 * (the suites' fixture or the PURL demo, both of which register ua, nsatu and us): a restricted donor, a partners-only
 * source, a restricted package and a partners-only pledge to it. SECRETS are strings of theirs that a public export
 * must not contain anywhere.
 */
import { commitContribution, pledgeContribution } from '../../src/app/contributions.ts';
import type { AppDeps, RequestContext } from '../../src/app/deps.ts';
import { registerOrganisation } from '../../src/app/organisations.ts';
import { proposePackage, validatePackage } from '../../src/app/packages.ts';
import { recordSource } from '../../src/app/sources.ts';

export const SECRETS = [
  'ruritania',
  'Ruritania',
  'Руританія',
  'Руритания',
  'partner-brief-1',
  'Ruritanian defence ministry',
  'covert-lot-7',
  'Covert air-defence lot',
  'Covert interceptors',
  '987654321',
] as const;

/** How many events recordPrivateHistory appends. */
export const PRIVATE_EVENTS = 6;

export async function recordPrivateHistory(deps: AppDeps, request: RequestContext, on = '2025-08-06'): Promise<void> {
  await registerOrganisation(deps, request, {
    id: 'ruritania',
    kind: 'other',
    names: { en: 'Ruritania', uk: 'Руританія', ru: 'Руритания' },
    visibility: 'restricted',
    occurredOn: on,
  });
  await recordSource(deps, request, {
    id: 'partner-brief-1',
    publisher: 'Ruritanian defence ministry',
    language: 'en',
    title: 'Briefing for partners',
    text: 'Ruritania will fund the lot with EUR 987654321.',
    visibility: 'partners',
    occurredOn: on,
  });
  await proposePackage(deps, request, {
    id: 'covert-lot-7',
    title: { en: 'Covert air-defence lot' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: { amount: '987654321', currency: 'EUR' },
    lines: [{ lineId: 'l1', description: 'Covert interceptors', quantity: 3 }],
    visibility: 'restricted',
    occurredOn: on,
  });
  await validatePackage(deps, request, 'covert-lot-7', { coordinatorId: 'nsatu', occurredOn: on });
  await pledgeContribution(deps, request, {
    id: 'ruritania-covert',
    donorId: 'ruritania',
    packageId: 'covert-lot-7',
    amount: { amount: '987654321', currency: 'EUR' },
    visibility: 'partners',
    evidence: ['partner-brief-1'],
    occurredOn: on,
  });
  await commitContribution(deps, request, 'ruritania-covert', { occurredOn: on });
}
