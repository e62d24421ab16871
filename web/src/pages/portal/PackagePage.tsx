import { Link, useParams } from 'wouter';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import type { PackageDetail } from '../../api/packages.ts';
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
  const query = useApi<PackageDetail>(`/packages/${encodeURIComponent(id)}`, { currency });
  if (query.error instanceof ApiError && query.error.problem.status === 404) {
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
