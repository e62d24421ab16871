/** The coordinator proposes a package: what it is, who coordinates, supplies and receives it, its value and lines. */
import { CommandForm } from '../../forms/CommandForm.tsx';
import { FieldGroup } from '../../forms/Field.tsx';
import { facts, localized, money, numberOf, rate, text } from '../../forms/form-values.ts';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import {
  ActingOrganisationSelect,
  CategorySelect,
  OrganisationSelect,
  RequirementSelect,
  useRequirements,
} from './choices.tsx';
import {
  FactFields,
  LocalizedFields,
  MoneyField,
  RateFields,
  TextField,
  useOptionalLabel,
  VisibilityField,
} from './fields.tsx';
import { usePackageLink } from './package-forms.tsx';
import { type Row, useRows } from './rows.ts';

/** A line as the form reads it, at position `index`, in the package's currency. */
function lineOf(data: FormData, index: number, currency: string | undefined) {
  const field = `lines[${index}]`;
  const value = text(data, `${field}.value.amount`);
  return {
    requirementId: text(data, `${field}.requirementId`) ?? null,
    description: text(data, `${field}.description`) ?? '',
    category: text(data, `${field}.category`),
    quantity: numberOf(data, `${field}.quantity`) ?? null,
    unit: text(data, `${field}.unit`) ?? null,
    value: value === undefined ? null : { amount: value, currency: currency ?? '' },
  };
}

export function ProposePackageForm() {
  const t = useT();
  const optional = useOptionalLabel();
  const lines = useRows<string>(['']);
  return (
    <CommandForm
      submitLabel={t('workspace.form.propose-package.submit')}
      build={(data) => {
        const targetValue = money(data, 'targetValue');
        return {
          request: {
            method: 'POST',
            path: '/packages',
            body: {
              title: localized(data, 'title'),
              recipientId: text(data, 'recipientId'),
              coordinatorId: text(data, 'coordinatorId'),
              supplierId: text(data, 'supplierId') ?? null,
              category: text(data, 'category'),
              targetValue,
              rate: rate(data),
              lines: lines.rows.map((_, index) => lineOf(data, index, targetValue?.currency)),
              visibility: text(data, 'visibility'),
              ...facts(data),
            },
          },
        };
      }}
      link={usePackageLink()}
      onReset={() => lines.reset([''])}
    >
      <LocalizedFields name="title" legend={t('workspace.field.title')} />
      <ActingOrganisationSelect name="coordinatorId" label={t('workspace.field.coordinator')} />
      <OrganisationSelect
        name="supplierId"
        label={optional(t('workspace.field.supplier'))}
        placeholder={t('workspace.none')}
      />
      <OrganisationSelect name="recipientId" label={t('workspace.field.recipient')} />
      <CategorySelect name="category" label={t('workspace.field.category')} />
      <MoneyField name="targetValue" legend={t('workspace.field.targetValue')} />
      <RateFields />
      <FieldGroup name="lines" legend={t('workspace.field.lines')} hint={t('workspace.field.lines.hint')}>
        {lines.rows.map((row, index) => (
          <LineFields
            key={row.key}
            row={row}
            index={index}
            onRequirement={(id) => lines.update(row.key, id)}
            onRemove={lines.rows.length > 1 ? () => lines.remove(row.key) : undefined}
          />
        ))}
        <button type="button" onClick={() => lines.add('')}>
          {t('workspace.rows.addLine')}
        </button>
      </FieldGroup>
      <VisibilityField />
      <FactFields />
    </CommandForm>
  );
}

/** One line: the requirement it covers (its title, category, quantity and unit become the line's defaults). */
function LineFields({
  row,
  index,
  onRequirement,
  onRemove,
}: {
  row: Row<string>;
  index: number;
  onRequirement: (id: string) => void;
  onRemove: (() => void) | undefined;
}) {
  const t = useT();
  const format = useFormat();
  const optional = useOptionalLabel();
  const requirement = useRequirements().find((candidate) => candidate.id === row.value);
  const field = `lines[${index}]`;
  const number = index + 1;
  return (
    <FieldGroup name={field} legend={t('workspace.field.line', { number })} className="line">
      <RequirementSelect
        name={`${field}.requirementId`}
        label={optional(t('workspace.field.requirement'))}
        placeholder={t('workspace.none')}
        value={row.value}
        onChange={onRequirement}
      />
      <div key={row.value} className="line-fields">
        <TextField
          name={`${field}.description`}
          label={t('workspace.field.description')}
          defaultValue={requirement ? format.name(requirement.title) : undefined}
        />
        <CategorySelect
          name={`${field}.category`}
          label={optional(t('workspace.field.category'))}
          hint={t('workspace.field.lineCategory.hint')}
          placeholder={t('workspace.field.packageCategory')}
          defaultValue={requirement?.category}
        />
        <TextField
          name={`${field}.quantity`}
          type="number"
          label={optional(t('workspace.field.quantity'))}
          defaultValue={requirement?.quantity == null ? undefined : String(requirement.quantity)}
        />
        <TextField
          name={`${field}.unit`}
          label={optional(t('workspace.field.unit'))}
          defaultValue={requirement?.unit ?? undefined}
        />
        <TextField
          name={`${field}.value.amount`}
          label={optional(t('workspace.field.lineValue'))}
          hint={t('workspace.field.lineValue.hint')}
          inputMode="decimal"
        />
      </div>
      {onRemove ? (
        <button type="button" onClick={onRemove}>
          {t('workspace.rows.removeLine', { number })}
        </button>
      ) : null}
    </FieldGroup>
  );
}
