import { useId } from 'react';
import { useApi } from '../../../api/hooks.ts';
import type { Figure } from '../../../api/packages.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { SourceQuote } from './Evidence.tsx';
import { type StageFigures, stageFigures } from './figures.ts';
import { useLabels } from './keys.ts';

/**
 * Conflicting reported values side by side: for each stage, every value a source reported, with the source and the
 * sentence, and the adopted one marked in words, by a badge and a heavier border (not by colour alone).
 */
export function Figures({ packageId }: { packageId: string }) {
  const t = useT();
  const headingId = useId();
  const query = useApi<Figure[]>('/figures', { subjectType: 'package', subjectId: packageId });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('package.section.figures')}</h2>
      <p className="lead">{t('package.figures.lead')}</p>
      <QueryState query={query}>
        {(figures) => {
          const stages = stageFigures(figures);
          if (stages.length === 0) return <p>{t('package.figures.none')}</p>;
          return stages.map((stage) => <StageValues key={stage.stage} stage={stage} />);
        }}
      </QueryState>
    </section>
  );
}

function StageValues({ stage }: { stage: StageFigures }) {
  const t = useT();
  const format = useFormat();
  const labels = useLabels();
  const headingId = useId();
  const { adopted } = stage;
  return (
    <section aria-labelledby={headingId} className="pkg-figure">
      <h3 id={headingId}>{t('package.figures.stage', { stage: labels.stage(stage.stage) })}</h3>
      {stage.distinctValues > 0 ? (
        <p className="pkg-muted">{t('package.figures.values', { count: stage.distinctValues })}</p>
      ) : null}
      {adopted ? (
        <p className="pkg-adopted-summary">
          <strong>
            {stage.isRange
              ? t('package.figures.adoptedRange', {
                  low: format.money(adopted.low),
                  high: format.money(adopted.high),
                  date: format.date(adopted.adoptedOn),
                })
              : t('package.figures.adoptedValue', {
                  amount: format.money(adopted.low),
                  date: format.date(adopted.adoptedOn),
                })}
          </strong>
          {adopted.note ? (
            <>
              <br />
              {t('package.figures.note', { note: adopted.note })}
            </>
          ) : null}
        </p>
      ) : (
        <p>{t('package.figures.noneAdopted')}</p>
      )}
      <ul className="pkg-values">
        {stage.values.map(({ claim, adopted: isAdopted, inRange }) => (
          <li
            key={claim.id}
            className={isAdopted ? 'pkg-value pkg-value-adopted' : 'pkg-value'}
            aria-current={isAdopted ? 'true' : undefined}
          >
            <p className="pkg-value-amount">
              {isAdopted ? (
                <span className="pkg-badge">
                  <span aria-hidden="true">✓ </span>
                  {t('package.figures.adopted')}
                </span>
              ) : null}
              {isAdopted ? (
                <strong>{claim.amount ? format.money(claim.amount) : t('package.figures.noAmount')}</strong>
              ) : (
                <span>{claim.amount ? format.money(claim.amount) : t('package.figures.noAmount')}</span>
              )}
            </p>
            {inRange && !isAdopted && stage.isRange ? (
              <p className="pkg-muted">{t('package.figures.inRange')}</p>
            ) : null}
            {claim.statedOn ? (
              <p className="pkg-muted">{t('package.figures.stated', { date: format.date(claim.statedOn) })}</p>
            ) : null}
            <SourceQuote source={claim.source} quotes={[{ sentence: claim.sentence, excerpt: false }]} />
          </li>
        ))}
      </ul>
    </section>
  );
}
