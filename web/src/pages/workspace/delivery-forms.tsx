/** Goods moving: the coordinator records a shipment; the recipient confirms what arrived, partly or in full. */
import { useId, useState } from 'react';
import { useApi } from '../../api/hooks.ts';
import type { PackageDetail, PackageLine } from '../../api/packages.ts';
import { CommandForm } from '../../forms/CommandForm.tsx';
import { CheckField, FieldGroup } from '../../forms/Field.tsx';
import { facts, numberOf, required, seg, text } from '../../forms/form-values.ts';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { PackageSelect } from './choices.tsx';
import { FactFields, SelectField, TextField } from './fields.tsx';
import { usePackageLink } from './package-forms.tsx';

interface LineAmount {
  readonly line: PackageLine;
  /** How many may still go (shipped: ordered − shipped; received: carried − received); null when not counted. */
  readonly open: number | null;
  readonly hint: string;
}

/**
 * The lines the form names, as the request names them: only the rows filled in are sent, so the API's `lines[0]` may
 * be the form's `lines[2]` (the aliases say which).
 */
function lineRequest(data: FormData, amounts: readonly LineAmount[]) {
  const lines: { lineId: string; quantity: number | string | null }[] = [];
  const aliases = new Map<string, string>();
  amounts.forEach(({ line }, index) => {
    const field = `lines[${index}]`;
    if (line.quantity === null) {
      if (text(data, `${field}.included`) === undefined) return;
      aliases.set(`lines[${lines.length}]`, `${field}.included`);
      lines.push({ lineId: line.lineId, quantity: null });
      return;
    }
    const quantity = numberOf(data, `${field}.quantity`);
    if (quantity === undefined) return;
    aliases.set(`lines[${lines.length}]`, field);
    lines.push({ lineId: line.lineId, quantity });
  });
  return { lines, aliases };
}

function LineInputs({
  amounts,
  legend,
  includeLabel,
}: {
  amounts: readonly LineAmount[];
  legend: string;
  includeLabel: string;
}) {
  const t = useT();
  return (
    <FieldGroup name="lines" legend={legend} hint={t('workspace.field.lineQuantities.hint')}>
      {amounts.map(({ line, open, hint }, index) =>
        line.quantity === null ? (
          <CheckField
            key={line.lineId}
            name={`lines[${index}].included`}
            label={t('workspace.field.lineIncluded', { line: line.description, included: includeLabel })}
            hint={hint}
          />
        ) : (
          <TextField
            key={line.lineId}
            name={`lines[${index}].quantity`}
            type="number"
            label={t('workspace.field.lineQuantity', { line: line.description })}
            hint={hint}
            defaultValue={open && open > 0 ? String(open) : undefined}
          />
        ),
      )}
    </FieldGroup>
  );
}

export function DispatchShipmentForm() {
  const t = useT();
  const [id, setId] = useState('');
  const detail = useApi<PackageDetail>(id ? `/packages/${seg(id)}` : null).data;
  const amounts: LineAmount[] =
    detail?.id === id
      ? detail.lines.map((line) => ({
          line,
          open: line.quantity === null ? null : line.quantity - line.shipped,
          hint:
            line.quantity === null
              ? t('workspace.field.uncounted')
              : t('workspace.field.shippedSoFar', {
                  ordered: line.quantity,
                  shipped: line.shipped,
                  unit: line.unit ?? '',
                }),
        }))
      : [];
  return (
    <CommandForm
      submitLabel={t('workspace.form.dispatch-shipment.submit')}
      build={(data) => {
        const { lines, aliases } = lineRequest(data, amounts);
        return {
          request: {
            method: 'POST',
            path: `/packages/${seg(required(data, 'packageId'))}/shipments`,
            body: { lines, ...facts(data) },
          },
          aliases,
        };
      }}
      link={usePackageLink()}
      onReset={() => setId('')}
    >
      <PackageSelect
        name="packageId"
        label={t('workspace.field.package')}
        statuses={['contracted', 'in-transit', 'partially-delivered']}
        value={id}
        onChange={setId}
      />
      {amounts.length > 0 ? (
        <LineInputs
          key={id}
          amounts={amounts}
          legend={t('workspace.field.shippedLines')}
          includeLabel={t('workspace.field.inShipment')}
        />
      ) : null}
      <FactFields dateLabel={t('workspace.field.dispatchedOn')} />
    </CommandForm>
  );
}

export function ConfirmReceiptForm() {
  const t = useT();
  const format = useFormat();
  const [id, setId] = useState('');
  const [shipmentId, setShipment] = useState('');
  const detail = useApi<PackageDetail>(id ? `/packages/${seg(id)}` : null).data;
  const current = detail?.id === id ? detail : undefined;
  const shipment = current?.shipments.find((candidate) => candidate.shipmentId === shipmentId);
  const received = new Map<string, number>();
  for (const receipt of current?.receipts ?? []) {
    if (receipt.shipmentId !== shipmentId) continue;
    for (const line of receipt.lines) {
      received.set(line.lineId, (received.get(line.lineId) ?? 0) + (line.quantity ?? 1));
    }
  }
  const amounts: LineAmount[] = shipment
    ? shipment.lines.flatMap((carried) => {
        const line = current?.lines.find((candidate) => candidate.lineId === carried.lineId);
        if (!line) return [];
        const got = received.get(line.lineId) ?? 0;
        const count = carried.quantity ?? 1;
        return [
          {
            line,
            open: line.quantity === null ? null : count - got,
            hint: t('workspace.field.receivedSoFar', { carried: count, received: got, unit: line.unit ?? '' }),
          },
        ];
      })
    : [];
  return (
    <CommandForm
      submitLabel={t('workspace.form.confirm-receipt.submit')}
      build={(data) => {
        const { lines, aliases } = lineRequest(data, amounts);
        return {
          request: {
            method: 'POST',
            path: `/packages/${seg(required(data, 'packageId'))}/receipts`,
            body: { shipmentId: text(data, 'shipmentId'), lines, full: text(data, 'full') === 'true', ...facts(data) },
          },
          aliases,
        };
      }}
      link={usePackageLink()}
      onReset={() => {
        setId('');
        setShipment('');
      }}
    >
      <PackageSelect
        name="packageId"
        label={t('workspace.field.package')}
        statuses={['in-transit', 'partially-delivered']}
        value={id}
        onChange={(value) => {
          setId(value);
          setShipment('');
        }}
      />
      {current ? (
        <SelectField
          name="shipmentId"
          label={t('workspace.field.shipment')}
          placeholder={t('workspace.choose')}
          options={current.shipments.map((candidate) => ({
            value: candidate.shipmentId,
            label: t('workspace.field.shipmentOption', {
              id: candidate.shipmentId,
              date: format.date(candidate.dispatchedOn),
            }),
          }))}
          value={shipmentId}
          onChange={setShipment}
        />
      ) : null}
      {amounts.length > 0 ? (
        <LineInputs
          key={shipmentId}
          amounts={amounts}
          legend={t('workspace.field.receivedLines')}
          includeLabel={t('workspace.field.arrived')}
        />
      ) : null}
      <ReceiptKind />
      <FactFields dateLabel={t('workspace.field.receivedOn')} />
    </CommandForm>
  );
}

/** Partly or in full: a full receipt says everything counted has arrived (the API checks it). */
function ReceiptKind() {
  const t = useT();
  const id = useId();
  return (
    <FieldGroup name="full" legend={t('workspace.field.receiptKind')}>
      <div className="check">
        <input type="radio" id={`${id}-partial`} name="full" value="false" defaultChecked />
        <label htmlFor={`${id}-partial`}>{t('workspace.field.receiptPartial')}</label>
      </div>
      <div className="check">
        <input type="radio" id={`${id}-full`} name="full" value="true" />
        <label htmlFor={`${id}-full`}>{t('workspace.field.receiptFull')}</label>
      </div>
    </FieldGroup>
  );
}
