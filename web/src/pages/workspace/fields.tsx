/**
 * The workspace's field widgets, on the form kit (web/src/forms): text, selects, money (amount and currency), titles
 * in three languages, a stated exchange rate, and the facts every command may carry (date, basis, evidence).
 */
import { type ChangeEvent, type ReactNode, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useApi } from '../../api/hooks.ts';
import type { Source } from '../../api/sources.ts';
import type { Localised } from '../../api/types.ts';
import { Field, FieldGroup } from '../../forms/Field.tsx';
import { useT } from '../../i18n/useT.ts';

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** "Unit (optional)": optional fields say so; required ones do not need to. */
export function useOptionalLabel(): (label: string) => string {
  const t = useT();
  return (label) => t('workspace.field.optional', { label });
}

export function TextField({
  name,
  label,
  hint,
  defaultValue,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  lang,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  defaultValue?: string | undefined;
  lang?: string;
  type?: 'text' | 'url' | 'date' | 'month' | 'number';
  inputMode?: 'decimal' | 'numeric' | 'text' | 'url';
  autoComplete?: string;
}) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          lang={lang}
          {...(type === 'number' ? { min: 1, step: 1 } : {})}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  rows = 4,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => <textarea {...control} rows={rows} />}
    </Field>
  );
}

/**
 * A select; controlled when `value` and `onChange` are given (its choice decides other fields), else it keeps its own
 * state from `defaultValue`. `placeholder` adds an empty first choice ("Choose…" or "None").
 */
export function SelectField({
  name,
  label,
  hint,
  options,
  placeholder,
  defaultValue,
  value,
  onChange,
  multiple,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  options: readonly Option[];
  placeholder?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  multiple?: boolean;
}) {
  const controlled = value !== undefined && onChange !== undefined;
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <select
          {...control}
          // Remounted once the choices arrive, so a default among them is applied.
          key={options.length > 0 ? 'ready' : 'loading'}
          multiple={multiple}
          {...(controlled
            ? { value, onChange: (event: ChangeEvent<HTMLSelectElement>) => onChange(event.currentTarget.value) }
            : { defaultValue })}
        >
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The currencies the ECB publishes reference rates for, and the hryvnia (with a stated rate). */
const CURRENCY_CODES = [
  'EUR',
  'USD',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'CHF',
  'NOK',
  'SEK',
  'DKK',
  'ISK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'TRY',
  'UAH',
  'ILS',
  'KRW',
  'SGD',
  'HKD',
  'CNY',
  'INR',
  'IDR',
  'MYR',
  'PHP',
  'THB',
  'BRL',
  'MXN',
  'ZAR',
] as const;

function useCurrencyOptions(): readonly Option[] {
  const { locale } = useIntl();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'currency' });
    return CURRENCY_CODES.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
  }, [locale]);
}

/** An amount and its currency, as `<name>.amount` and `<name>.currency`. */
export function MoneyField({
  name,
  legend,
  hint,
  defaultCurrency = 'EUR',
  defaultAmount,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  defaultCurrency?: string | undefined;
  defaultAmount?: string | undefined;
}) {
  const t = useT();
  const currencies = useCurrencyOptions();
  return (
    <FieldGroup legend={legend} hint={hint ?? t('workspace.field.amount.hint')} className="money">
      <TextField
        name={`${name}.amount`}
        label={t('workspace.field.amount')}
        inputMode="decimal"
        defaultValue={defaultAmount}
      />
      <SelectField
        key={defaultCurrency}
        name={`${name}.currency`}
        label={t('workspace.field.currency')}
        options={currencies}
        defaultValue={defaultCurrency}
      />
    </FieldGroup>
  );
}

/** A text in Ukrainian, English and Russian (at least one), as `<name>.uk`, `<name>.en`, `<name>.ru`. */
export function LocalizedFields({ name, legend, defaults }: { name: string; legend: string; defaults?: Localised }) {
  const t = useT();
  return (
    <FieldGroup name={name} legend={legend} hint={t('workspace.field.localized.hint')}>
      {(['uk', 'en', 'ru'] as const).map((language) => (
        <TextField
          key={language}
          name={`${name}.${language}`}
          label={t(`workspace.field.in.${language}`)}
          defaultValue={defaults?.[language]}
          lang={language}
        />
      ))}
    </FieldGroup>
  );
}

/** The exchange rate a source states, when it states one (else the ECB's rate of the day applies). */
export function RateFields() {
  const t = useT();
  const optional = useOptionalLabel();
  return (
    <details className="more">
      <summary>{optional(t('workspace.field.rate'))}</summary>
      <FieldGroup legend={t('workspace.field.rate')} hint={t('workspace.field.rate.hint')}>
        <TextField name="rate.eur" label={t('workspace.field.rate.eur')} inputMode="decimal" />
        <TextField name="rate.usd" label={t('workspace.field.rate.usd')} inputMode="decimal" />
      </FieldGroup>
    </details>
  );
}

export function VisibilityField() {
  const t = useT();
  const optional = useOptionalLabel();
  return (
    <SelectField
      name="visibility"
      label={optional(t('workspace.field.visibility'))}
      options={[
        { value: 'public', label: t('common.visibility.public') },
        { value: 'partners', label: t('common.visibility.partners') },
        { value: 'restricted', label: t('common.visibility.restricted') },
      ]}
      defaultValue="public"
    />
  );
}

/** When it happened (empty: today), and how it is known: basis and sources. */
export function FactFields({ dateLabel }: { dateLabel?: string }) {
  const t = useT();
  const optional = useOptionalLabel();
  const sources = useApi<Source[]>('/sources');
  const sourceOptions = (sources.data ?? []).map((source) => ({
    value: source.id,
    label: `${source.publisher}: ${source.title}${source.publishedOn ? ` (${source.publishedOn})` : ''}`,
  }));
  return (
    <>
      <TextField
        name="occurredOn"
        type="date"
        label={optional(dateLabel ?? t('workspace.field.occurredOn'))}
        hint={t('workspace.field.occurredOn.hint')}
      />
      <details className="more">
        <summary>{t('workspace.field.evidence.more')}</summary>
        <SelectField
          name="basis"
          label={optional(t('workspace.field.basis'))}
          options={[
            { value: 'official', label: t('common.basis.official') },
            { value: 'reported', label: t('common.basis.reported') },
            { value: 'estimate', label: t('common.basis.estimate') },
          ]}
          defaultValue="official"
        />
        <SelectField
          name="evidence"
          label={optional(t('workspace.field.evidence'))}
          hint={t('workspace.field.evidence.hint')}
          options={sourceOptions}
          multiple
        />
      </details>
    </>
  );
}
