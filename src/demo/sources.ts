import type { z } from 'zod';
import type { recordClaimSchema, recordSourceSchema } from '../app/schemas.ts';

type Source = z.infer<typeof recordSourceSchema>;
type Claim = z.infer<typeof recordClaimSchema>;

/**
 * Short summaries of the announcements behind the demo packages, written for the demo (so no URL is claimed);
 * each names its publisher and the day. The seed article itself is recorded with its full text.
 */
function summary(id: string, publisher: string, publishedOn: string, title: string, text: string): Source {
  return {
    id,
    publisher,
    publishedOn,
    language: 'en',
    title,
    text: `Summary for the Tranche demo. ${text}`,
    occurredOn: publishedOn,
  };
}

export const DEMO_SOURCES: readonly Source[] = [
  summary(
    'nl-2025-08-04',
    'Government of the Netherlands',
    '2025-08-04',
    'The Netherlands funds the first PURL package',
    'The Netherlands will fund a package of US air-defence equipment for Ukraine worth EUR 500 million under the Prioritised Ukraine Requirements List (PURL).',
  ),
  summary(
    'nato-2025-08-05-nordic',
    'NATO',
    '2025-08-05',
    'Denmark, Norway and Sweden fund a joint PURL package',
    'Denmark, Norway and Sweden will jointly fund a package of about USD 500 million of US equipment for Ukraine. Sweden contributes USD 275 million, Norway USD 135 million and Denmark the rest.',
  ),
  summary(
    'de-2025-08-13',
    'Federal Government of Germany',
    '2025-08-13',
    'Germany funds a PURL package',
    'Germany will finance a package of US weapons for Ukraine worth USD 500 million through PURL.',
  ),
  summary(
    'ca-2025-08-24',
    'Prime Minister of Canada',
    '2025-08-24',
    'Canada funds a PURL package',
    'Canada will provide USD 500 million for a PURL package of US equipment for Ukraine.',
  ),
  summary(
    'nb8-2025-10-15',
    'NATO',
    '2025-10-15',
    'Nordic and Baltic states fund a joint PURL package',
    'The eight Nordic and Baltic states will jointly fund a further PURL package of USD 500 million; the shares of each state were not announced.',
  ),
  summary(
    'december-2025-pledges',
    'NATO',
    '2025-12-03',
    'New PURL pledges in December',
    'In December Canada pledged CAD 200 million, the Netherlands EUR 214 million, and Norway, Poland and Germany jointly EUR 429 million for further PURL packages.',
  ),
  summary(
    'press-nordic-486',
    'Press report A',
    '2025-08-05',
    'Nordic countries to buy US arms for Ukraine',
    'Denmark, Norway and Sweden will pay $486 million for US weapons for Ukraine.',
  ),
  summary(
    'press-nordic-495',
    'Press report B',
    '2025-08-06',
    'Three Nordic states fund US weapons for Kyiv',
    "The Nordic package is worth $495 million, according to the governments' figures converted into dollars.",
  ),
  summary(
    'press-nordic-585',
    'Press report C',
    '2025-08-06',
    'Scandinavian package for Ukraine',
    'The three Scandinavian countries together committed $585 million to the PURL mechanism.',
  ),
];

/** The seed article (RBC-Ukraine, published in uk, en and ru); its text is read from the shared seed file. */
export const SEED_SOURCE: Omit<Source, 'text'> = {
  id: 'rbc-2025-08-10-rutte',
  publisher: 'RBC-Ukraine',
  author: 'Bohdan Babaiev',
  publishedOn: '2025-08-10',
  language: 'en',
  title: 'NATO vows ongoing arms deliveries to Ukraine despite upcoming US-Russia talks',
  storyId: 'rbc-2025-08-10-rutte',
  occurredOn: '2025-08-10',
};

function nordic(id: string, sourceId: string, amount: number, sentence: string, statedOn: string): Claim {
  return {
    id,
    sourceId,
    subject: { type: 'package', id: 'purl-nordic-1' },
    donorIds: ['dk', 'no', 'se'],
    stage: 'pledged',
    amount: { amount: String(amount * 1_000_000), currency: 'USD' },
    statedOn,
    sentence,
    basis: 'reported',
    occurredOn: statedOn,
  };
}

/** The Nordic package's value as four sources give it. */
export const NORDIC_FIGURES: readonly Claim[] = [
  nordic(
    'nordic-usd-500m-nato',
    'nato-2025-08-05-nordic',
    500,
    'Denmark, Norway and Sweden will jointly fund a package of about USD 500 million of US equipment for Ukraine.',
    '2025-08-05',
  ),
  nordic(
    'nordic-usd-486m-press',
    'press-nordic-486',
    486,
    'Denmark, Norway and Sweden will pay $486 million for US weapons for Ukraine.',
    '2025-08-05',
  ),
  nordic(
    'nordic-usd-495m-press',
    'press-nordic-495',
    495,
    "The Nordic package is worth $495 million, according to the governments' figures converted into dollars.",
    '2025-08-06',
  ),
  nordic(
    'nordic-usd-585m-press',
    'press-nordic-585',
    585,
    'The three Scandinavian countries together committed $585 million to the PURL mechanism.',
    '2025-08-06',
  ),
];
