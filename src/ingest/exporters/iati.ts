/**
 * Packages as IATI 2.03 activities and their contributions as transactions: the mapping alone, from the rows the
 * export reads (projections/queries/iati.ts) to what the IATI writer writes. docs/iati.md, "Export",
 * gives the reasons for each choice.
 */
import { CATEGORIES } from '../../domain/categories.ts';
import { LANGUAGES, type Language } from '../../domain/facts.ts';
import { addMoney, type Money, money } from '../../domain/money.ts';
import type { OrganisationKind } from '../../domain/organisation/organisation.ts';
import type { PackageStatus } from '../../domain/package/types.ts';
import type {
  IatiContributionRow,
  IatiOrganisationRow,
  IatiPackageRow,
  IatiPage,
} from '../../projections/queries/iati.ts';
import type { ActivityDateType, ActivityStatus } from '../formats/iati-codes.ts';
import type { IatiContributionOut, IatiOrgOut, IatiPackageOut, IatiStageOut, Texts } from '../formats/iati-write.ts';
import type { IatiPublisher } from './iati-publisher.ts';

/** The language of narratives without xml:lang. */
const DEFAULT_LANGUAGE: Language = 'en';

const ACTIVITY_STATUS: Readonly<Record<PackageStatus, ActivityStatus>> = {
  proposed: 'pipeline',
  validated: 'pipeline',
  funded: 'implementation',
  contracted: 'implementation',
  'in-transit': 'implementation',
  'partially-delivered': 'implementation',
  delivered: 'finalisation',
  closed: 'closed',
  cancelled: 'cancelled',
};

/** IATI OrganisationType by kind; none where the kind does not say (a coalition, an NGO of unknown reach). */
const ORGANISATION_TYPE: Readonly<Record<OrganisationKind, string | null>> = {
  state: '10',
  'eu-body': '40',
  'coordinating-command': '40',
  supplier: '70',
  coalition: null,
  'international-organisation': '40',
  ngo: null,
  other: null,
};

function activityStatus(pkg: IatiPackageRow): ActivityStatus {
  const status = Object.hasOwn(ACTIVITY_STATUS, pkg.status) ? ACTIVITY_STATUS[pkg.status as PackageStatus] : null;
  if (!status) throw new Error(`export: package ${pkg.id} has a status no IATI status stands for: ${pkg.status}`);
  return status;
}

function organisation(page: IatiPage, id: string, pkg: IatiPackageRow): IatiOrganisationRow {
  const found = page.organisations.get(id);
  if (!found) throw new Error(`export: package ${pkg.id} names organisation ${id}, which is not registered`);
  return found;
}

function orgOut(row: IatiOrganisationRow): IatiOrgOut {
  const type = Object.hasOwn(ORGANISATION_TYPE, row.kind) ? ORGANISATION_TYPE[row.kind as OrganisationKind] : null;
  return { type, names: row.names };
}

/** Texts in uk, en and ru order, the empty ones left out. */
function texts(values: Readonly<Partial<Record<Language, string>>>): Texts {
  return Object.fromEntries(LANGUAGES.flatMap((lang) => (values[lang] ? [[lang, values[lang]]] : [])));
}

/** The category in each language of the title, then the contents as recorded (they are recorded in one language). */
function description(pkg: IatiPackageRow): Texts {
  const category = CATEGORIES.find((candidate) => candidate.id === pkg.category);
  const contents = pkg.lines
    .map((line) =>
      line.quantity === null
        ? line.description
        : `${line.description} (${line.quantity}${line.unit ? ` ${line.unit}` : ''})`,
    )
    .join('; ');
  return Object.fromEntries(
    LANGUAGES.filter((lang) => pkg.title[lang]).map((lang) => {
      const label = category?.label[lang] ?? pkg.category;
      return [lang, contents === '' ? label : `${label}: ${contents}`];
    }),
  );
}

function dates(pkg: IatiPackageRow): IatiPackageOut['dates'] {
  const { proposed, funded, contracted, firstShipped, delivered, closed, cancelled } = pkg.dates;
  const started = funded ?? contracted ?? firstShipped;
  const ended = delivered ?? closed ?? cancelled;
  const out: { type: ActivityDateType; date: string }[] = [{ type: 'planned-start', date: proposed }];
  if (started) out.push({ type: 'actual-start', date: started });
  if (ended) out.push({ type: 'actual-end', date: ended });
  return out;
}

/** Pledge, commitment, then each payment; the sum of the payments must be what the read model says was paid. */
function stages(contribution: IatiContributionRow): IatiStageOut[] {
  const { currency, rateDate } = contribution;
  const amount = money(contribution.amount, currency);
  const out: IatiStageOut[] = [
    { type: 'outgoing-pledge', date: contribution.pledgedOn, value: amount, valueDate: rateDate },
  ];
  if (contribution.committedOn) {
    out.push({ type: 'outgoing-commitment', date: contribution.committedOn, value: amount, valueDate: rateDate });
  }
  let paid: Money = { currency, minor: 0n };
  for (const payment of contribution.payments) {
    const value = money(payment.amount, currency);
    paid = addMoney(paid, value);
    out.push({ type: 'disbursement', date: payment.paidOn, value, valueDate: payment.rateDate });
  }
  if (paid.minor !== money(contribution.paidAmount, currency).minor) {
    throw new Error(
      `export: contribution ${contribution.id}'s payments in the ledger do not add up to its paid amount ${contribution.paidAmount}`,
    );
  }
  return out;
}

/** One package as an activity, reported by `publisher` as a secondary reporter; its contributions' stages as transactions. */
export function iatiActivity(page: IatiPage, pkg: IatiPackageRow, publisher: IatiPublisher): IatiPackageOut {
  const coordinator = orgOut(organisation(page, pkg.coordinatorId, pkg));
  const recipient = organisation(page, pkg.recipientId, pkg);
  const donorIds = [...new Set(pkg.contributions.map((contribution) => contribution.donorId))];
  const contributions = pkg.contributions.map(
    (contribution): IatiContributionOut => ({
      id: contribution.id,
      donor: orgOut(organisation(page, contribution.donorId, pkg)),
      recipient: coordinator,
      stages: stages(contribution),
    }),
  );
  const category = CATEGORIES.find((candidate) => candidate.id === pkg.category);
  return {
    identifier: `${publisher.ref}-${pkg.id}`,
    defaultLanguage: DEFAULT_LANGUAGE,
    defaultCurrency: pkg.targetCurrency,
    reportingOrg: {
      ref: publisher.ref,
      type: publisher.type,
      names: { [DEFAULT_LANGUAGE]: publisher.name },
      secondaryReporter: true,
    },
    title: texts(pkg.title),
    description: description(pkg),
    participatingOrgs: [
      ...donorIds.map((id) => ({ ...orgOut(organisation(page, id, pkg)), role: 'funding' as const })),
      { ...coordinator, role: 'accountable' },
      ...(pkg.supplierId
        ? [{ ...orgOut(organisation(page, pkg.supplierId, pkg)), role: 'implementing' as const }]
        : []),
    ],
    status: activityStatus(pkg),
    dates: dates(pkg),
    recipientCountries: recipient.kind === 'state' && recipient.iso3166 ? [{ code: recipient.iso3166 }] : [],
    sectors: category ? [{ vocabulary: '1', code: category.dacSector }] : [],
    contributions,
  };
}

/** Every activity of the pages, one at a time. */
export async function* iatiActivities(
  pages: AsyncIterable<IatiPage>,
  publisher: IatiPublisher,
): AsyncGenerator<IatiPackageOut> {
  for await (const page of pages) {
    for (const pkg of page.packages) yield iatiActivity(page, pkg, publisher);
  }
}
