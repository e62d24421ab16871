import { Link } from 'wouter';
import { PACKAGE_STATUSES, STAGES, type Summary } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';

/**
 * The headline figures: the four stages' totals, what is pledged but not delivered and how long delivery takes, and
 * the packages by status. Each figure is a link to the records (or packages) it is summed from.
 */
export function Figures({ summary }: { summary: Summary }) {
  const t = useT();
  const format = useFormat();
  const lag = summary.gap.medianLagDays;
  return (
    <ul className="figures">
      {STAGES.map((stage) => (
        <Figure
          key={stage}
          href={`/records?stage=${stage}`}
          label={t(`overview.figure.${stage}`)}
          value={format.moneyShort(summary.totals[stage])}
          notes={[
            t(`overview.figure.${stage}.note`),
            t('overview.figure.exact', { amount: format.money(summary.totals[stage]) }),
          ]}
        />
      ))}
      <Figure
        href="/records"
        label={t('overview.gap.label')}
        value={format.moneyShort(summary.gap.amount)}
        notes={[t('overview.gap.note'), t('overview.figure.exact', { amount: format.money(summary.gap.amount) })]}
      />
      <Figure
        href="/records?stage=delivered"
        label={t('overview.lag.label')}
        value={lag === null ? t('overview.lag.none') : t('common.days', { count: lag })}
        notes={[t('overview.lag.note', { count: summary.gap.deliveredContributions })]}
      />
    </ul>
  );
}

/** Packages by status, in the order a package moves through them; each count lists those packages. */
export function StatusFigures({ summary }: { summary: Summary }) {
  const t = useT();
  const counts = PACKAGE_STATUSES.flatMap((status) => {
    const count = summary.packagesByStatus[status] ?? 0;
    return count > 0 ? [{ status, count }] : [];
  });
  if (counts.length === 0) return <p>{t('overview.packages.none')}</p>;
  return (
    <ul className="figures overview-statuses">
      {counts.map(({ status, count }) => (
        <Figure
          key={status}
          href={`/packages?status=${status}`}
          label={t(`common.status.${status}`)}
          value={t('package.count', { count })}
          notes={[]}
        />
      ))}
    </ul>
  );
}

function Figure({ href, label, value, notes }: { href: string; label: string; value: string; notes: string[] }) {
  return (
    <li className="figure">
      <Link href={href}>
        {/* Blocks on screen; the spaces keep the words apart in the link's accessible name. */}
        <span className="figure-label">{label}</span> <span className="figure-value">{value}</span>
        {notes.map((note) => (
          <span key={note}>
            {' '}
            <span className="figure-note">{note}</span>
          </span>
        ))}
      </Link>
    </li>
  );
}
