import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { ApiError, getJson } from '../../api/client.ts';
import type { PackageDetail } from '../../api/packages.ts';
import type { Currency } from '../../api/types.ts';
import { useCurrency } from '../../app/currency.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { Contributions } from './package/Contributions.tsx';
import { Deliveries } from './package/Deliveries.tsx';
import { Figures } from './package/Figures.tsx';
import { PackageHeader } from './package/PackageHeader.tsx';
import { Timeline } from './package/Timeline.tsx';
import './package/package-page.css';

/**
 * One package (`/packages/:id`): who coordinates, supplies and receives it; its history from proposal to receipt
 * with the evidence for each step; who funds what share; what was shipped and received; and the values sources
 * reported about it, side by side, with the adopted one marked.
 */
export function PackagePage() {
  const t = useT();
  const format = useFormat();
  const { id } = useParams<{ id: string }>();
  const { currency } = useCurrency();
  const query = usePackage(id, currency);
  if (isNotFound(query.error)) {
    return (
      <Page title={t('package.notFound.title')}>
        <p role="alert">{t('package.notFound.text', { id })}</p>
        <p>
          <Link href="/packages">{t('package.notFound.back')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={query.data ? format.name(query.data.title) : t('package.title')}>
      <QueryState query={query}>
        {(pkg) => (
          <>
            <PackageHeader pkg={pkg} />
            <Timeline pkg={pkg} />
            <Contributions pkg={pkg} />
            <Deliveries pkg={pkg} />
            <Figures packageId={pkg.id} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

const isNotFound = (error: Error | null): boolean => error instanceof ApiError && error.problem.status === 404;

/**
 * GET /api/packages/:id, cached under the same key as `useApi` would use (so live updates refetch it), except that
 * an unknown id is not asked again: the not-found page shows at once.
 */
function usePackage(id: string, currency: Currency): UseQueryResult<PackageDetail, Error> {
  const path = `/packages/${encodeURIComponent(id)}`;
  const params = { currency };
  return useQuery({
    queryKey: [path, params],
    queryFn: ({ signal }) => getJson<PackageDetail>(path, params, signal),
    retry: (failures, error) => !isNotFound(error) && failures < 1,
  });
}
