/** The curator's sources and claims: record an article or statement, and one fact it states. */
import { useState } from 'react';
import { useOrganisations } from '../../api/reference.ts';
import { STAGES } from '../../api/types.ts';
import { CommandForm } from '../../forms/CommandForm.tsx';
import { CheckField, FieldGroup } from '../../forms/Field.tsx';
import { facts, money, text, texts } from '../../forms/form-values.ts';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import type { SubjectType } from './api-types.ts';
import { ContributionSelect, PackageSelect, SourceSelect } from './choices.tsx';
import {
  FactFields,
  MoneyField,
  SelectField,
  TextAreaField,
  TextField,
  useOptionalLabel,
  VisibilityField,
} from './fields.tsx';

function useSourcesLink() {
  const t = useT();
  return () => ({ href: '/sources', label: t('workspace.link.sources') });
}

export function useStageOptions() {
  const t = useT();
  return STAGES.map((stage) => ({ value: stage, label: t(`common.stage.${stage}`) }));
}

export function RecordSourceForm() {
  const t = useT();
  const optional = useOptionalLabel();
  return (
    <CommandForm
      submitLabel={t('workspace.form.record-source.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: '/sources',
          body: {
            url: text(data, 'url'),
            publisher: text(data, 'publisher'),
            author: text(data, 'author'),
            title: text(data, 'title'),
            language: text(data, 'language'),
            publishedOn: text(data, 'publishedOn'),
            text: text(data, 'text'),
            visibility: text(data, 'visibility'),
            ...facts(data),
          },
        },
      })}
      link={useSourcesLink()}
    >
      <TextField name="url" type="url" inputMode="url" label={optional(t('workspace.field.url'))} />
      <TextField name="publisher" label={t('workspace.field.publisher')} />
      <TextField name="author" label={optional(t('workspace.field.author'))} />
      <TextField name="title" label={t('workspace.field.sourceTitle')} />
      <SelectField
        name="language"
        label={t('workspace.field.language')}
        placeholder={t('workspace.choose')}
        options={(['uk', 'en', 'ru'] as const).map((language) => ({
          value: language,
          label: t(`common.languageName.${language}`),
        }))}
      />
      <TextField name="publishedOn" type="date" label={optional(t('workspace.field.publishedOn'))} />
      <TextAreaField name="text" label={t('workspace.field.text')} hint={t('workspace.field.text.hint')} rows={8} />
      <VisibilityField />
      <FactFields />
    </CommandForm>
  );
}

export function RecordClaimForm() {
  const t = useT();
  const format = useFormat();
  const optional = useOptionalLabel();
  const organisations = [...useOrganisations()].sort((a, b) =>
    format.name(a.names).localeCompare(format.name(b.names), format.locale),
  );
  const [subjectType, setSubjectType] = useState<SubjectType | ''>('');
  return (
    <CommandForm
      submitLabel={t('workspace.form.record-claim.submit')}
      build={(data) => {
        const subjectId = text(data, 'subject.id');
        return {
          request: {
            method: 'POST',
            path: '/claims',
            body: {
              sourceId: text(data, 'sourceId'),
              subject: subjectType === '' ? null : { type: subjectType, id: subjectId },
              donorIds: texts(data, 'donorIds'),
              stage: text(data, 'stage'),
              amount: money(data, 'amount') ?? null,
              statedOn: text(data, 'statedOn') ?? null,
              sentence: text(data, 'sentence'),
              visibility: text(data, 'visibility'),
              ...facts(data),
            },
          },
        };
      }}
      link={useSourcesLink()}
      onReset={() => setSubjectType('')}
    >
      <SourceSelect name="sourceId" label={t('workspace.field.source')} />
      <TextAreaField
        name="sentence"
        label={t('workspace.field.sentence')}
        hint={t('workspace.field.sentence.hint')}
        rows={3}
      />
      <FieldGroup name="donorIds" legend={t('workspace.field.donors')} className="checks">
        {organisations.map((organisation) => (
          <CheckField
            key={organisation.id}
            name="donorIds"
            inGroup
            value={organisation.id}
            label={format.name(organisation.names)}
          />
        ))}
      </FieldGroup>
      <SelectField
        name="stage"
        label={t('workspace.field.stage')}
        placeholder={t('workspace.choose')}
        options={useStageOptions()}
      />
      <MoneyField name="amount" legend={optional(t('workspace.field.claimAmount'))} />
      <TextField name="statedOn" type="date" label={optional(t('workspace.field.statedOn'))} />
      <SelectField
        name="subject.type"
        label={optional(t('workspace.field.subject'))}
        placeholder={t('workspace.none')}
        options={[
          { value: 'package', label: t('workspace.subject.package') },
          { value: 'contribution', label: t('workspace.subject.contribution') },
        ]}
        value={subjectType}
        onChange={(value) => setSubjectType(value === 'package' || value === 'contribution' ? value : '')}
      />
      {subjectType === 'package' ? <PackageSelect name="subject.id" label={t('workspace.subject.package')} /> : null}
      {subjectType === 'contribution' ? (
        <ContributionSelect name="subject.id" label={t('workspace.subject.contribution')} />
      ) : null}
      <VisibilityField />
      <FactFields />
    </CommandForm>
  );
}
