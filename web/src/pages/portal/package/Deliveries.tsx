import { useId } from 'react';
import { Link } from 'wouter';
import { useApi } from '../../../api/hooks.ts';
import type { LineQuantity, PackageDetail, RequirementRef } from '../../../api/packages.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { FitTable } from './FitTable.tsx';

/** What the package holds, line by line, and each shipment and receipt with its quantities. */
export function Deliveries({ pkg }: { pkg: PackageDetail }) {
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const requirements = useApi<RequirementRef[]>('/requirements').data ?? [];
  const count = (value: number | null) => (value === null ? t('package.lines.notCounted') : format.number(value));
  const lineOf = (lineId: string) => pkg.lines.find((line) => line.lineId === lineId);
  const quantities = (lines: readonly LineQuantity[]) => (
    <ul className="pkg-quantities">
      {lines.map((entry) => {
        const line = lineOf(entry.lineId);
        return (
          <li key={entry.lineId}>
            {t('package.step.quantity', {
              line: line?.description ?? entry.lineId,
              quantity: format.number(entry.quantity),
              unit: line?.unit ?? '',
            })}
          </li>
        );
      })}
    </ul>
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('package.section.deliveries')}</h2>
      <p className="lead">{t('package.deliveries.lead')}</p>
      <FitTable
        caption={t('package.lines.caption')}
        columns={[
          t('package.lines.item'),
          t('package.lines.requirement'),
          t('package.lines.quantity'),
          t('package.lines.shipped'),
          t('package.lines.received'),
        ]}
        numeric={[2, 3, 4]}
        rows={pkg.lines.map((line) => {
          const requirement = requirements.find((entry) => entry.id === line.requirementId);
          return {
            key: line.lineId,
            head: line.description,
            cells: [
              line.requirementId ? (
                <>
                  <Link href="/priorities">{requirement ? format.name(requirement.title) : line.requirementId}</Link>
                  {requirement?.priorityRank ? (
                    <span className="pkg-muted"> ({t('package.lines.rank', { rank: requirement.priorityRank })})</span>
                  ) : null}
                </>
              ) : (
                t('common.none')
              ),
              `${count(line.quantity)}${line.quantity !== null && line.unit ? ` ${line.unit}` : ''}`,
              format.number(line.shipped),
              format.number(line.received),
            ],
          };
        })}
      />
      {pkg.shipments.length === 0 ? (
        <p>{t('package.shipments.none')}</p>
      ) : (
        <FitTable
          caption={t('package.shipments.caption')}
          columns={[t('package.shipments.id'), t('package.shipments.date'), t('package.shipments.lines')]}
          rows={pkg.shipments.map((shipment) => ({
            key: shipment.shipmentId,
            head: shipment.shipmentId,
            cells: [
              <time key="date" dateTime={shipment.dispatchedOn}>
                {format.date(shipment.dispatchedOn)}
              </time>,
              quantities(shipment.lines),
            ],
          }))}
        />
      )}
      {pkg.receipts.length === 0 ? (
        <p>{t('package.receipts.none')}</p>
      ) : (
        <FitTable
          caption={t('package.receipts.caption')}
          columns={[
            t('package.receipts.id'),
            t('package.receipts.date'),
            t('package.receipts.shipment'),
            t('package.receipts.extent'),
            t('package.shipments.lines'),
          ]}
          rows={pkg.receipts.map((receipt) => ({
            key: receipt.receiptId,
            head: receipt.receiptId,
            cells: [
              <time key="date" dateTime={receipt.receivedOn}>
                {format.date(receipt.receivedOn)}
              </time>,
              receipt.shipmentId,
              <span key="extent" className="status">
                {receipt.full ? t('package.receipts.full') : t('package.receipts.partial')}
              </span>,
              quantities(receipt.lines),
            ],
          }))}
        />
      )}
    </section>
  );
}
