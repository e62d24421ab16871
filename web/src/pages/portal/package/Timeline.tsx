import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useApi } from '../../../api/hooks.ts';
import type { PackageDetail } from '../../../api/packages.ts';
import { useOrganisationNames } from '../../../api/reference.ts';
import type { Money, TimelineEvent } from '../../../api/types.ts';
import { ExportButtons, type ExportColumn } from '../../../components/ExportButtons.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { EvidenceItem } from './Evidence.tsx';
import { knownSentence } from './evidence.ts';
import { useLabels } from './keys.ts';
import { contributionIdOf, type TimelineStep, timelineSteps, withoutReports } from './timeline.ts';

/** Every step from proposal to receipt, in order, each with its date, when it was recorded, and its evidence. */
export function Timeline({ pkg }: { pkg: PackageDetail }) {
  const t = useT();
  const headingId = useId();
  const toggleId = useId();
  const [showReports, setShowReports] = useState(true);
  const query = useApi<TimelineEvent[]>(`/packages/${encodeURIComponent(pkg.id)}/timeline`);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('package.section.timeline')}</h2>
      <p className="lead">{t('package.timeline.lead')}</p>
      <QueryState query={query}>
        {(events) => {
          const all = timelineSteps(events, pkg.contributions);
          const steps = showReports ? all : withoutReports(all);
          return (
            <>
              <div className="table-tools">
                <input
                  id={toggleId}
                  type="checkbox"
                  checked={showReports}
                  onChange={(event) => setShowReports(event.target.checked)}
                />
                <label htmlFor={toggleId}>{t('package.timeline.showReports')}</label>
                <span className="count" aria-live="polite">
                  {t('package.timeline.caption', { count: steps.length })}
                </span>
                <TimelineExport name={`${pkg.id}-timeline`} steps={steps} />
              </div>
              <ol className="pkg-timeline">
                {steps.map((step) => (
                  <Step key={step.event.eventId} step={step} pkg={pkg} />
                ))}
              </ol>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function useStepText(pkg: PackageDetail): (step: TimelineStep) => string {
  const t = useT();
  const format = useFormat();
  const labels = useLabels();
  const nameOf = useOrganisationNames();
  return useMemo(() => {
    const money = (amount: Money | null) => (amount ? format.money(amount) : t('package.step.noAmount'));
    return (step: TimelineStep) => {
      const donor = step.donorIds.map(nameOf).join(', ');
      const amount =
        step.amount && step.amountHigh
          ? t('package.step.range', { low: money(step.amount), high: money(step.amountHigh) })
          : money(step.amount);
      const stage = step.stage ? labels.stage(step.stage) : '';
      switch (step.kind) {
        case 'proposed':
          return t('package.step.proposed', { amount: money(step.amount ?? pkg.target) });
        case 'pledged':
        case 'committed':
        case 'paid':
        case 'amended':
        case 'withdrawn':
          return t(`package.step.${step.kind}`, { donor, amount });
        case 'reported':
        case 'adopted':
          return t(`package.step.${step.kind}`, { stage, amount });
        case 'other':
          return t('package.step.other', { type: step.event.type });
        default:
          return t(`package.step.${step.kind}`);
      }
    };
  }, [t, format, labels, nameOf, pkg.target]);
}

function Step({ step, pkg }: { step: TimelineStep; pkg: PackageDetail }) {
  const t = useT();
  const intl = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const text = useStepText(pkg);
  const { event } = step;
  const lineName = (lineId: string) => pkg.lines.find((line) => line.lineId === lineId)?.description ?? lineId;
  const unitOf = (lineId: string) => pkg.lines.find((line) => line.lineId === lineId)?.unit ?? '';
  const contributionId = contributionIdOf(event.streamId);
  const subjectIds = contributionId ? [pkg.id, contributionId] : [pkg.id];
  const recorded = intl.formatDate(event.recordedAt, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return (
    <li className={`pkg-step pkg-step-${step.kind}`}>
      <p className="pkg-step-head">
        <time dateTime={event.occurredOn}>{format.date(event.occurredOn)}</time> <strong>{text(step)}</strong>{' '}
        <span className="status">{t('package.timeline.basis', { basis: labels.basis(event.basis) })}</span>
      </p>
      <p className="pkg-muted pkg-step-recorded">
        {t('package.timeline.recorded')} <time dateTime={event.recordedAt}>{recorded}</time>
      </p>
      {step.quantities.length > 0 ? (
        <ul className="pkg-quantities">
          {step.quantities.map((line) => (
            <li key={line.lineId}>
              {t('package.step.quantity', {
                line: lineName(line.lineId),
                quantity: format.number(line.quantity),
                unit: unitOf(line.lineId),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {step.deliveredShare !== null ? (
        <p>
          {step.delivered
            ? t('package.timeline.delivered')
            : t('package.timeline.deliveredShare', { share: format.share(step.deliveredShare) })}
        </p>
      ) : null}
      {step.reason ? (
        <p>
          {step.kind === 'adopted'
            ? t('package.timeline.note', { note: step.reason })
            : t('package.timeline.reason', { reason: step.reason })}
        </p>
      ) : null}
      {event.evidence.length > 0 ? (
        <ul className="pkg-evidence" aria-label={t('package.timeline.evidence')}>
          {event.evidence.map((evidence) => (
            <li key={`${evidence.sourceId}:${evidence.claimId ?? ''}`}>
              <EvidenceItem
                evidence={evidence}
                sentence={knownSentence(evidence, { sourceId: step.claimSourceId, sentence: step.sentence })}
                subjectIds={subjectIds}
              />
            </li>
          ))}
        </ul>
      ) : step.kind === 'adopted' ? null : (
        <p className="pkg-muted">{t('package.timeline.noEvidence')}</p>
      )}
    </li>
  );
}

function TimelineExport({ name, steps }: { name: string; steps: readonly TimelineStep[] }) {
  const columns = useMemo<ExportColumn<TimelineStep>[]>(
    () => [
      { name: 'seq', value: (step) => step.event.seq },
      { name: 'eventId', value: (step) => step.event.eventId },
      { name: 'type', value: (step) => step.event.type },
      { name: 'step', value: (step) => step.kind },
      { name: 'occurredOn', value: (step) => step.event.occurredOn },
      { name: 'recordedAt', value: (step) => step.event.recordedAt },
      { name: 'basis', value: (step) => step.event.basis },
      { name: 'donorIds', value: (step) => step.donorIds.join(';') },
      { name: 'amount', value: (step) => step.amount?.amount ?? null },
      { name: 'amountHigh', value: (step) => step.amountHigh?.amount ?? null },
      { name: 'currency', value: (step) => step.amount?.currency ?? null },
      { name: 'quantities', value: (step) => step.quantities.map((q) => `${q.lineId}:${q.quantity}`).join(';') },
      { name: 'deliveredShare', value: (step) => step.deliveredShare },
      { name: 'sourceIds', value: (step) => step.event.evidence.map((e) => e.sourceId).join(';') },
      {
        name: 'sentence',
        value: (step) => step.sentence ?? step.event.evidence.find((e) => e.sentence)?.sentence ?? null,
      },
    ],
    [],
  );
  return <ExportButtons name={name} columns={columns} rows={steps} />;
}
