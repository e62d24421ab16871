import type { FlowSum } from '../../../api/flows.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useFlowLabels } from './labels.ts';

/** A tracker's sums over the period, one figure per stage and category, each with its exact amount and its flows. */
export function FlowFigures({ totals }: { totals: readonly FlowSum[] }) {
  const t = useT();
  const format = useFormat();
  const labels = useFlowLabels();
  return (
    <ul className="figures tracker-figures">
      {totals.map((sum) => (
        <li className="figure" key={`${sum.stage}:${sum.category}`}>
          <div className="figure-label">{labels.key(sum)}</div>
          <div className="figure-value">{format.moneyShort(sum.amount)}</div>
          <div className="figure-note">{format.money(sum.amount)}</div>
          <div className="figure-note">{t('trackers.flows', { count: sum.flows })}</div>
        </li>
      ))}
    </ul>
  );
}
