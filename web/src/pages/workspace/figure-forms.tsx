/**
 * The curator's evidence: link a claim to the ledger event it supports, and, where sources disagree, adopt one
 * reported value (or a range) as the figure the portal shows.
 */
import { useId, useState } from 'react';
import { useApi } from '../../api/hooks.ts';
import type { Figure } from '../../api/packages.ts';
import type { Claim, TimelineEvent } from '../../api/types.ts';
import { CommandForm } from '../../forms/CommandForm.tsx';
import { FieldGroup } from '../../forms/Field.tsx';
import { facts, money, required, seg, text } from '../../forms/form-values.ts';
import { useFormat } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import type { SubjectType } from './api-types.ts';
import { ContributionSelect, PackageSelect, useSources } from './choices.tsx';
import { FactFields, MoneyField, SelectField, TextAreaField, useOptionalLabel } from './fields.tsx';
import { useStageOptions } from './source-forms.tsx';

const EVENT_TYPES: Readonly<Record<string, MessageKey>> = {
  PackageProposed: 'workspace.event.PackageProposed',
  PackageValidated: 'workspace.event.PackageValidated',
  PackageFunded: 'workspace.event.PackageFunded',
  PackageContracted: 'workspace.event.PackageContracted',
  ShipmentDispatched: 'workspace.event.ShipmentDispatched',
  DeliveryReceived: 'workspace.event.DeliveryReceived',
  PackageClosed: 'workspace.event.PackageClosed',
  PackageCancelled: 'workspace.event.PackageCancelled',
  ContributionPledged: 'workspace.event.ContributionPledged',
  ContributionCommitted: 'workspace.event.ContributionCommitted',
  ContributionPaid: 'workspace.event.ContributionPaid',
  ContributionAmended: 'workspace.event.ContributionAmended',
  ContributionWithdrawn: 'workspace.event.ContributionWithdrawn',
};

const shorten = (sentence: string): string => (sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence);
const asSubjectType = (value: string | undefined): SubjectType | '' =>
  value === 'package' || value === 'contribution' ? value : '';

/** "NATO: “Sweden pledges…” · pledged · 275 000 000 $". */
function useClaimLabel(): (claim: Claim) => string {
  const t = useT();
  const format = useFormat();
  return (claim) =>
    [
      `${claim.source.publisher}: “${shorten(claim.sentence)}”`,
      t(`common.stage.${claim.stage}`),
      claim.amount ? format.money(claim.amount) : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

/** A package or a contribution: its kind, then which one. */
function SubjectFields({
  type,
  id,
  onType,
  onId,
}: {
  type: SubjectType | '';
  id: string;
  onType: (type: SubjectType | '') => void;
  onId: (id: string) => void;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        name="subject.type"
        label={t('workspace.field.subject')}
        placeholder={t('workspace.choose')}
        options={[
          { value: 'package', label: t('workspace.subject.package') },
          { value: 'contribution', label: t('workspace.subject.contribution') },
        ]}
        value={type}
        onChange={(value) => onType(asSubjectType(value))}
      />
      {type === 'package' ? (
        <PackageSelect name="subject.id" label={t('workspace.subject.package')} value={id} onChange={onId} />
      ) : null}
      {type === 'contribution' ? (
        <ContributionSelect name="subject.id" label={t('workspace.subject.contribution')} value={id} onChange={onId} />
      ) : null}
    </>
  );
}

const timelinePath = (type: SubjectType | '', id: string): string | null =>
  type === '' || id === '' ? null : `/${type === 'package' ? 'packages' : 'contributions'}/${seg(id)}/timeline`;

export function LinkClaimForm() {
  const t = useT();
  const format = useFormat();
  const claimLabel = useClaimLabel();
  const claims = useSources().flatMap((source) => source.claims);
  const [claimId, setClaimId] = useState('');
  const [type, setType] = useState<SubjectType | ''>('');
  const [id, setId] = useState('');
  const events = useApi<TimelineEvent[]>(timelinePath(type, id)).data ?? [];
  const chooseClaim = (value: string) => {
    setClaimId(value);
    const subject = claims.find((claim) => claim.id === value)?.subject;
    setType(asSubjectType(subject?.type));
    setId(subject?.id ?? '');
  };
  return (
    <CommandForm
      submitLabel={t('workspace.form.link-claim.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: `/claims/${seg(required(data, 'claimId'))}/links`,
          body: { eventId: text(data, 'eventId'), ...facts(data) },
        },
      })}
      link={() => ({ href: '/sources', label: t('workspace.link.sources') })}
      onReset={() => chooseClaim('')}
    >
      <SelectField
        name="claimId"
        label={t('workspace.field.claim')}
        placeholder={t('workspace.choose')}
        options={claims.map((claim) => ({ value: claim.id, label: claimLabel(claim) }))}
        value={claimId}
        onChange={chooseClaim}
      />
      <SubjectFields type={type} id={id} onType={setType} onId={setId} />
      <SelectField
        key={`${type}:${id}`}
        name="eventId"
        label={t('workspace.field.event')}
        hint={t('workspace.field.event.hint')}
        placeholder={t('workspace.choose')}
        options={events.map((event) => {
          const kind = EVENT_TYPES[event.type];
          return {
            value: event.eventId,
            label: `${format.date(event.occurredOn)} · ${kind ? t(kind) : event.type} · #${event.seq}`,
          };
        })}
      />
      <FactFields />
    </CommandForm>
  );
}

export function AdoptFigureForm() {
  const t = useT();
  const radio = useId();
  const optional = useOptionalLabel();
  const claimLabel = useClaimLabel();
  const [type, setType] = useState<SubjectType | ''>('');
  const [id, setId] = useState('');
  const [stage, setStage] = useState('');
  /** The claim adopted, or '' for a range. */
  const [choice, setChoice] = useState('');
  const figures = useApi<Figure[]>(type && id ? '/figures' : null, { subjectType: type, subjectId: id }).data;
  const figure = figures?.find((candidate) => candidate.stage === stage);
  return (
    <CommandForm
      submitLabel={t('workspace.form.adopt-figure.submit')}
      build={(data) => {
        const claimId = text(data, 'claimId');
        return {
          request: {
            method: 'POST',
            path: '/figures/adopt',
            body: {
              subject: type === '' ? undefined : { type, id: text(data, 'subject.id') },
              stage: text(data, 'stage'),
              ...(claimId === undefined ? { low: money(data, 'low'), high: money(data, 'high') } : { claimId }),
              note: text(data, 'note') ?? null,
              ...facts(data),
            },
          },
        };
      }}
      link={() => ({
        href: type === 'package' ? `/packages/${seg(id)}` : '/sources',
        label: t(type === 'package' ? 'workspace.link.package' : 'workspace.link.sources'),
      })}
      onReset={() => {
        setType('');
        setId('');
        setStage('');
        setChoice('');
      }}
    >
      <SubjectFields
        type={type}
        id={id}
        onType={(value) => {
          setType(value);
          setChoice('');
        }}
        onId={(value) => {
          setId(value);
          setChoice('');
        }}
      />
      <SelectField
        name="stage"
        label={t('workspace.field.stage')}
        placeholder={t('workspace.choose')}
        options={useStageOptions()}
        value={stage}
        onChange={(value) => {
          setStage(value);
          setChoice('');
        }}
      />
      <FieldGroup name="claimId" legend={t('workspace.field.adopt')} hint={t('workspace.field.adopt.hint')}>
        {(figure?.claims ?? []).map((claim) => (
          <div key={claim.id} className="check">
            <input
              type="radio"
              id={`${radio}-${claim.id}`}
              name="claimId"
              value={claim.id}
              disabled={!claim.amount}
              checked={choice === claim.id}
              onChange={() => setChoice(claim.id)}
            />
            <label htmlFor={`${radio}-${claim.id}`}>
              {claimLabel(claim)}
              {figure?.adopted?.claimId === claim.id ? ` (${t('workspace.field.adopted')})` : ''}
            </label>
          </div>
        ))}
        <div className="check">
          <input
            type="radio"
            id={`${radio}-range`}
            name="claimId"
            value=""
            checked={choice === ''}
            onChange={() => setChoice('')}
          />
          <label htmlFor={`${radio}-range`}>{t('workspace.field.range')}</label>
        </div>
      </FieldGroup>
      {choice === '' ? (
        <>
          <MoneyField name="low" legend={t('workspace.field.rangeLow')} />
          <MoneyField name="high" legend={t('workspace.field.rangeHigh')} />
        </>
      ) : null}
      <TextAreaField name="note" label={optional(t('workspace.field.note'))} rows={2} />
      <FactFields />
    </CommandForm>
  );
}
