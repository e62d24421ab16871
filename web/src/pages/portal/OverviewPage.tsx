import { lazy, Suspense, useId } from 'react';
import { useApi } from '../../api/hooks.ts';
import type { Summary, TotalRow } from '../../api/types.ts';
import { useCurrency } from '../../app/currency.tsx';
import { AfterPaint } from '../../components/AfterPaint.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n/useT.ts';
import { Figures, StatusFigures } from './overview/Figures.tsx';
import { TrackerLine } from './overview/TrackerLine.tsx';
import './overview/overview.css';

/** Chart.js comes with the charts, and d3-geo and the atlas with the map: both after the figures are shown. */
const Charts = lazy(() => import('./overview/Charts.tsx').then((module) => ({ default: module.Charts })));
const WorldMap = lazy(() => import('../../charts/WorldMap.tsx').then((module) => ({ default: module.WorldMap })));

/**
 * The portal's front page, in the currency chosen in the header: the totals from pledge to delivery (with a line on
 * the imported trackers' estimates, which stand beside them), packages by status, the totals by donor, month and
 * category, and the donor states on a map. Every figure, bar and state links to what it is summed from.
 */
export function OverviewPage() {
  const t = useT();
  const { currency } = useCurrency();
  const summary = useApi<Summary>('/summary', { currency });
  const byDonor = useApi<TotalRow[]>('/totals', { currency, by: 'donor' });
  const ids = { figures: useId(), packages: useId(), charts: useId(), map: useId() };
  const loading = (
    <p className="loading" aria-busy="true">
      {t('common.loading')}
    </p>
  );
  return (
    <div className="overview">
      <Page title={t('overview.title')} lead={t('overview.lead')}>
        <section aria-labelledby={ids.figures}>
          <h2 id={ids.figures}>{t('overview.figures.heading')}</h2>
          <QueryState query={summary}>{(data) => <Figures summary={data} />}</QueryState>
          <TrackerLine />
        </section>
        <section aria-labelledby={ids.packages}>
          <h2 id={ids.packages}>{t('overview.packages.heading')}</h2>
          <QueryState query={summary}>{(data) => <StatusFigures summary={data} />}</QueryState>
        </section>
        <section aria-labelledby={ids.charts}>
          <h2 id={ids.charts}>{t('overview.charts.heading')}</h2>
          <AfterPaint fallback={loading}>
            <Suspense fallback={loading}>
              <Charts currency={currency} />
            </Suspense>
          </AfterPaint>
        </section>
        <section aria-labelledby={ids.map}>
          <h2 id={ids.map}>{t('overview.map.heading')}</h2>
          <QueryState query={byDonor}>
            {(rows) => (
              <AfterPaint fallback={loading}>
                <Suspense fallback={loading}>
                  <WorldMap rows={rows} currency={currency} />
                </Suspense>
              </AfterPaint>
            )}
          </QueryState>
        </section>
      </Page>
    </div>
  );
}
