import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { PackageDetail } from '../../../api/packages.ts';
import { useCategoryNames, useOrganisationNames } from '../../../api/reference.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useLabels } from './keys.ts';
import { ShareBar } from './ShareBar.tsx';

/** Who and what: status, donors, coordinator, supplier, recipient, category, target, and how far it has come. */
export function PackageHeader({ pkg }: { pkg: PackageDetail }) {
  const t = useT();
  const format = useFormat();
  const labels = useLabels();
  const nameOf = useOrganisationNames();
  const categoryOf = useCategoryNames();
  const sameCurrency = pkg.target.currency === pkg.targetReporting.currency;
  return (
    <dl className="pkg-facts">
      <Fact term={t('package.field.status')}>
        <span className="status">{labels.status(pkg.status)}</span>
      </Fact>
      <Fact term={t('package.field.donors')}>
        {pkg.donorIds.length > 0 ? (
          <ul className="pkg-inline-list">
            {pkg.donorIds.map((donorId) => (
              <li key={donorId}>
                <Link href={`/donors/${encodeURIComponent(donorId)}`}>{nameOf(donorId)}</Link>
              </li>
            ))}
          </ul>
        ) : (
          t('common.none')
        )}
      </Fact>
      <Fact term={t('package.field.coordinator')}>{nameOf(pkg.coordinatorId)}</Fact>
      <Fact term={t('package.field.supplier')}>{pkg.supplierId ? nameOf(pkg.supplierId) : t('common.unknown')}</Fact>
      <Fact term={t('package.field.recipient')}>{nameOf(pkg.recipientId)}</Fact>
      <Fact term={t('package.field.category')}>{categoryOf(pkg.category)}</Fact>
      <Fact term={t('package.field.target')}>
        <strong>{format.money(pkg.target)}</strong>
        {sameCurrency ? null : (
          <span className="pkg-muted">
            {' '}
            ({t('package.field.targetIn', { amount: format.money(pkg.targetReporting) })})
          </span>
        )}
      </Fact>
      <Fact term={t('package.field.progress')}>
        <ul className="pkg-progress">
          <li>
            <ShareBar value={pkg.fundedShare} label={t('common.stage.committed')} tone="committed" />
          </li>
          <li>
            <ShareBar value={pkg.paidShare} label={t('common.stage.paid')} tone="paid" />
          </li>
          <li>
            <ShareBar value={pkg.deliveredShare} label={t('common.stage.delivered')} tone="delivered" />
          </li>
        </ul>
      </Fact>
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
