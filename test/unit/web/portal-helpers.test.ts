/** The pure parts of the donor pages, priority list and sources feed: what each page computes before drawing. */
import { describe, expect, it } from 'vitest';
import type { RequirementCoverage } from '../../../web/src/api/requirements.ts';
import type { Source, Story } from '../../../web/src/api/sources.ts';
import type { Contribution, Organisation, TimelineEvent, TotalRow } from '../../../web/src/api/types.ts';
import { donorRows } from '../../../web/src/pages/portal/donor/donor-rows.ts';
import { timelineItems } from '../../../web/src/pages/portal/donor/timeline-items.ts';
import { byRank, coverageOf } from '../../../web/src/pages/portal/priorities/coverage.ts';
import { feedParams, feedSearch } from '../../../web/src/pages/portal/sources/feed-params.ts';
import { feedRows, groupByStory, storyGroups } from '../../../web/src/pages/portal/sources/story-groups.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const org = (id: string, kind: Organisation['kind'], members: string[] = []): Organisation => ({
  id,
  kind,
  iso3166: null,
  names: { en: id },
  members,
  visibility: 'public',
});

describe('donorRows', () => {
  it('lists donors with money and the members of coalitions with money, with the coalitions they give through', () => {
    const totals: TotalRow[] = [
      { stage: 'pledged', donorId: 'se', amount: eur('10') },
      { stage: 'paid', donorId: 'se', amount: eur('4') },
      { stage: 'pledged', donorId: 'nb8', amount: eur('30') },
    ];
    const rows = donorRows(totals, [
      org('se', 'state'),
      org('ee', 'state'),
      org('nb8', 'coalition', ['se', 'ee']),
      org('us', 'state'),
    ]);
    expect(rows.map((row) => [row.id, row.coalitions])).toEqual([
      ['se', ['nb8']],
      ['ee', ['nb8']],
      ['nb8', []],
    ]);
    expect(rows[0]?.totals).toEqual({ pledged: eur('10'), paid: eur('4') });
    expect(rows[1]?.totals).toEqual({});
  });
});

const requirement = (fields: Partial<RequirementCoverage>): RequirementCoverage => ({
  id: 'r',
  recipientId: 'ua',
  title: { en: 'R' },
  category: 'air-defence',
  priorityRank: 1,
  status: 'listed',
  quantity: null,
  unit: null,
  estimatedValue: null,
  covered: 7,
  funded: 6,
  delivered: 4,
  packageIds: [],
  visibility: 'public',
  ...fields,
});

describe('coverageOf', () => {
  it('measures against what packages cover when the need has no quantity', () => {
    expect(coverageOf(requirement({}))).toEqual({
      basis: 'covered',
      bars: [
        { step: 'funded', value: 6, max: 7 },
        { step: 'delivered', value: 4, max: 7 },
      ],
    });
  });

  it('measures against the quantity needed when the recipient stated one', () => {
    expect(coverageOf(requirement({ quantity: 10 })).bars.map((bar) => [bar.step, bar.value, bar.max])).toEqual([
      ['covered', 7, 10],
      ['funded', 6, 10],
      ['delivered', 4, 10],
    ]);
  });

  it('orders by rank, then id', () => {
    const ranked = byRank([
      requirement({ id: 'c', priorityRank: 2 }),
      requirement({ id: 'b' }),
      requirement({ id: 'a' }),
    ]);
    expect(ranked.map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });
});

const source = (id: string, language: string, storyId: string | null, claims: Source['claims'] = []): Source => ({
  id,
  url: null,
  publisher: 'P',
  author: null,
  publishedOn: '2025-08-10',
  language,
  title: id,
  storyId,
  visibility: 'public',
  recordedAt: '2026-01-01T00:00:00Z',
  claims,
});

describe('story groups', () => {
  const claim = {
    id: 'c1',
    sourceId: 'b-uk',
    subject: { type: 'package', id: 'p' },
    donorIds: ['se'],
    stage: 'delivered' as const,
    amount: null,
    statedOn: null,
    sentence: 'Уже прибули.',
    linkedEventIds: [],
    visibility: 'public',
    source: { publisher: 'Укрінформ', title: 'b', url: null, publishedOn: null, language: 'uk' },
  };

  it('groups a page of the feed by story, versions in uk, en, ru order', () => {
    const groups = groupByStory([source('b-en', 'en', 'b'), source('a', 'en', null), source('b-uk', 'uk', 'b')]);
    expect(groups.map((group) => [group.id, group.versions.map((version) => version.id)])).toEqual([
      ['b', ['b-uk', 'b-en']],
      ['a', ['a']],
    ]);
  });

  it('gives the versions of listed stories their claims, and one row per claim to download', () => {
    const story: Story = {
      id: 'b',
      languages: ['en', 'ru', 'uk'],
      sources: ['b-en', 'b-ru', 'b-uk'].map((id) => ({
        id,
        publisher: 'P',
        language: id.slice(2),
        title: id,
        publishedOn: null,
        url: null,
      })),
    };
    const groups = storyGroups([story], [source('b-uk', 'uk', 'b', [claim]), source('b-en', 'en', 'b')]);
    expect(groups[0]?.versions.map((version) => [version.id, version.claims?.length])).toEqual([
      ['b-uk', 1],
      ['b-en', 0],
      ['b-ru', undefined],
    ]);
    expect(feedRows(groups).map((row) => [row.version.id, row.claim?.id ?? null])).toEqual([
      ['b-uk', 'c1'],
      ['b-en', null],
      ['b-ru', null],
    ]);
  });
});

describe('feed params', () => {
  it('reads and writes the language and page, ignoring what it does not know', () => {
    expect(feedParams('language=uk&page=2')).toEqual({ language: 'uk', page: 2 });
    expect(feedParams('language=de&page=-1')).toEqual({ language: 'all', page: 1 });
    expect(feedSearch({ language: 'ru', page: 3 })).toBe('?language=ru&page=3');
    expect(feedSearch({ language: 'all', page: 1 })).toBe('');
  });
});

describe('timelineItems', () => {
  const entry = (seq: number, type: string, streamId: string, occurredOn: string, data: unknown): TimelineEvent => ({
    seq,
    eventId: `e${seq}`,
    streamId,
    type,
    occurredOn,
    recordedAt: '2026-01-01T00:00:00Z',
    actor: 'demo',
    basis: 'official',
    visibility: 'public',
    data,
    evidence: [],
  });
  const contribution: Contribution = {
    id: 'se-1',
    donorId: 'se',
    packageId: 'purl-nordic-1',
    category: 'air-defence',
    status: 'committed',
    amount: eur('1'),
    paidAmount: eur('1'),
    reporting: { amount: eur('1'), paid: eur('1'), delivered: eur('1') },
    rate: { date: '2025-08-05', source: 'ecb' },
    dates: { pledged: '2025-08-05', committed: null, lastPaid: null, withdrawn: null },
    visibility: 'public',
  };

  it("merges the donor's events with its packages' deliveries, oldest first, each event once", () => {
    const own = [
      entry(5, 'ContributionPaid', 'contribution-se-1', '2025-08-20', { amount: { amount: '275', currency: 'USD' } }),
      entry(1, 'ContributionPledged', 'contribution-se-1', '2025-08-05', { packageId: 'purl-nordic-1' }),
    ];
    const pkg = [
      entry(1, 'ContributionPledged', 'contribution-se-1', '2025-08-05', {}),
      entry(3, 'PackageValidated', 'package-purl-nordic-1', '2025-08-05', {}),
      entry(4, 'DeliveryReceived', 'package-purl-nordic-1', '2025-08-09', { full: true }),
    ];
    const items = timelineItems(own, [pkg], [contribution]);
    expect(
      items.map((item) => [item.entry.seq, item.event, item.packageId, item.amount?.amount ?? null, item.full]),
    ).toEqual([
      [1, 'ContributionPledged', 'purl-nordic-1', null, null],
      [4, 'DeliveryReceived', 'purl-nordic-1', null, true],
      [5, 'ContributionPaid', 'purl-nordic-1', '275', null],
    ]);
  });
});
