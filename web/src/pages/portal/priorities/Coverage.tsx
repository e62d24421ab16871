import { useId } from 'react';
import type { RequirementCoverage } from '../../../api/requirements.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { type CoverageBar, coverageOf } from './coverage.ts';
import './priorities.css';

/** A requirement's coverage as labelled progress bars, the numbers written out beside each. */
export function Coverage({ requirement }: { requirement: RequirementCoverage }) {
  const t = useT();
  const coverage = coverageOf(requirement);
  return (
    <div className="coverage">
      <p className="coverage-basis">
        {coverage.basis === 'need'
          ? t('priorities.coverage.ofNeed', {
              quantity: requirement.quantity ?? 0,
              unit: requirement.unit ?? t('priorities.coverage.units'),
            })
          : t('priorities.coverage.ofCovered', { count: requirement.covered })}
      </p>
      {coverage.bars.map((bar) => (
        <Bar key={bar.step} bar={bar} />
      ))}
    </div>
  );
}

function Bar({ bar }: { bar: CoverageBar }) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const values = { value: bar.value, max: bar.max };
  const share = bar.max > 0 ? format.share(Math.min(bar.value / bar.max, 1)) : null;
  return (
    <div className={`coverage-bar coverage-${bar.step}`}>
      <label htmlFor={id}>
        {t(`priorities.coverage.${bar.step}`, values)}
        {share ? ` (${share})` : ''}
      </label>
      <progress id={id} value={Math.min(bar.value, bar.max)} max={Math.max(bar.max, 1)} />
    </div>
  );
}
