import { Link } from 'wouter';
import { type DonorSummary, STAGES } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import './donor.css';

/** `/records?donor=se&stage=paid`: the records behind a figure. */
const recordsHref = (donorId: string, stage: string): string =>
  `/records?donor=${encodeURIComponent(donorId)}&stage=${encodeURIComponent(stage)}`;

/** A donor's four totals, each a link to the records behind it, and its median days from pledge to delivery. */
export function DonorFigures({ donorId, summary }: { donorId: string; summary: DonorSummary }) {
  const t = useT();
  const format = useFormat();
  const median = summary.medianLagDays;
  return (
    <ul className="figures donor-figures">
      {STAGES.map((stage) => (
        <li className="figure" key={stage}>
          <Link href={recordsHref(donorId, stage)}>
            <div className="figure-label">{t(`donor.stage.${stage}`)}</div>
            <div className="figure-value">{format.moneyShort(summary.totals[stage])}</div>
            <div className="figure-note">{format.money(summary.totals[stage])}</div>
          </Link>
        </li>
      ))}
      <li className="figure">
        <div className="figure-label">{t('donor.median.label')}</div>
        <div className="figure-value">{median === null ? '—' : t('common.days', { count: median })}</div>
        <div className="figure-note">{median === null ? t('donor.median.none') : t('donor.median.note')}</div>
      </li>
    </ul>
  );
}
