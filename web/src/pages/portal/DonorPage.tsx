import { Link, useParams } from 'wouter';
import { ApiError } from '../../api/client.ts';
import { organisationPath } from '../../api/donors.ts';
import { useApi } from '../../api/hooks.ts';
import { useOrganisationNames } from '../../api/reference.ts';
import type { OrganisationDetail } from '../../api/types.ts';
import { useCurrency } from '../../app/currency.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n/useT.ts';
import { ContributionsTable } from './donor/ContributionsTable.tsx';
import { DonorFigures } from './donor/DonorFigures.tsx';
import { DonorMonthsChart } from './donor/DonorMonthsChart.tsx';
import { DonorTimeline } from './donor/DonorTimeline.tsx';
import { DonorTrackers } from './donor/DonorTrackers.tsx';
import { JointTotals } from './donor/JointTotals.tsx';
import { MemberList } from './donor/MemberList.tsx';

/**
 * One donor: what it pledged, committed, paid and delivered on its own and jointly through its coalitions (a
 * coalition's page: jointly, with its members), month by month, with its median days from pledge to delivery; its
 * contributions, and beside them what imported trackers estimate it gave; and its history with the sources behind
 * each step.
 */
export function DonorPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const nameOf = useOrganisationNames();
  const { currency } = useCurrency();
  const detail = useApi<OrganisationDetail>(organisationPath(id), { currency });
  const name = nameOf(id);
  if (detail.error instanceof ApiError && detail.error.problem.status === 404) {
    return (
      <Page title={t('donor.notFound.title')}>
        <p>{t('donor.notFound.text', { id })}</p>
        <p>
          <Link href="/donors">{t('donor.backToList')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={name}>
      <p>
        <Link href="/donors">{t('donor.backToList')}</Link>
      </p>
      <QueryState query={detail}>
        {(organisation) => {
          const isCoalition = organisation.kind === 'coalition';
          const coalitions = organisation.donorSummary?.coalitions ?? [];
          return (
            <>
              <p className="lead">
                {t(`common.kind.${organisation.kind}`)}
                {coalitions.length > 0 ? ` · ${t('donor.memberOf', { names: coalitions.map(nameOf).join(', ') })}` : ''}
              </p>
              <section aria-labelledby="donor-totals">
                <h2 id="donor-totals">{t('donor.totals.heading', { name })}</h2>
                <h3>{isCoalition ? t('donor.coalition.heading') : t('donor.alone.heading')}</h3>
                <p>
                  {isCoalition
                    ? t('donor.coalition.note', { count: organisation.members.length, currency })
                    : t('donor.alone.note', { name, currency })}
                </p>
                {organisation.donorSummary ? (
                  <DonorFigures donorId={id} summary={organisation.donorSummary} />
                ) : (
                  <p>{t('donor.noMoney', { name })}</p>
                )}
                {isCoalition ? null : <JointTotals name={name} coalitionIds={coalitions} />}
              </section>
              {isCoalition ? <MemberList members={organisation.members} /> : null}
              <section aria-labelledby="donor-months">
                <h2 id="donor-months">{t('donor.months.heading')}</h2>
                <DonorMonthsChart donorId={id} name={name} isCoalition={isCoalition} coalitionIds={coalitions} />
              </section>
              <section aria-labelledby="donor-contributions">
                <h2 id="donor-contributions">{t('donor.contributions.heading')}</h2>
                <ContributionsTable donorId={id} coalitionIds={coalitions} />
              </section>
              <DonorTrackers donorId={id} name={name} />
              <section aria-labelledby="donor-timeline">
                <h2 id="donor-timeline">{t('donor.timeline.heading')}</h2>
                <DonorTimeline donorId={id} />
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
