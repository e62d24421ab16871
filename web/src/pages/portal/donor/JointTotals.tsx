import { Link } from 'wouter';
import { useOrganisationDetails } from '../../../api/donors.ts';
import { useOrganisationNames } from '../../../api/reference.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useT } from '../../../i18n/useT.ts';
import { DonorFigures } from './DonorFigures.tsx';

/**
 * What a donor gives jointly: each coalition it belongs to, with the coalition's own totals. A joint figure stays
 * with the coalition (it is never split among the members), so it is shown whole and named as joint.
 */
export function JointTotals({ name, coalitionIds }: { name: string; coalitionIds: readonly string[] }) {
  const t = useT();
  const nameOf = useOrganisationNames();
  const { currency } = useCurrency();
  const details = useOrganisationDetails(coalitionIds, currency);
  if (coalitionIds.length === 0) return <p>{t('donor.joint.none', { name })}</p>;
  return (
    <>
      {coalitionIds.map((coalitionId, index) => {
        const query = details[index];
        if (!query) return null;
        return (
          <div key={coalitionId}>
            <h3>{t('donor.joint.heading', { coalition: nameOf(coalitionId) })}</h3>
            <QueryState query={query}>
              {(coalition) => (
                <>
                  <p>
                    {t('donor.joint.note', { name, count: coalition.members.length, currency })}{' '}
                    <Link href={`/donors/${encodeURIComponent(coalitionId)}`}>
                      {t('donor.joint.link', { coalition: nameOf(coalitionId) })}
                    </Link>
                  </p>
                  {coalition.donorSummary ? (
                    <DonorFigures donorId={coalitionId} summary={coalition.donorSummary} />
                  ) : (
                    <p>{t('donor.noMoney', { name: nameOf(coalitionId) })}</p>
                  )}
                </>
              )}
            </QueryState>
          </div>
        );
      })}
    </>
  );
}
