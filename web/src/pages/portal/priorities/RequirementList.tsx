import { Link } from 'wouter';
import { useCategoryNames } from '../../../api/reference.ts';
import type { PackageName, RequirementCoverage } from '../../../api/requirements.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { Coverage } from './Coverage.tsx';
import './priorities.css';

/** The requirements in rank order, each with how far packages cover, fund and deliver it, and those packages. */
export function RequirementList({
  requirements,
  packages,
}: {
  requirements: readonly RequirementCoverage[];
  packages: readonly PackageName[];
}) {
  const t = useT();
  if (requirements.length === 0) return <p>{t('priorities.requirements.none')}</p>;
  return (
    <ol className="requirements">
      {requirements.map((requirement) => (
        <Requirement key={requirement.id} requirement={requirement} packages={packages} />
      ))}
    </ol>
  );
}

export const requirementAnchor = (id: string): string => `requirement-${id}`;

function Requirement({
  requirement,
  packages,
}: {
  requirement: RequirementCoverage;
  packages: readonly PackageName[];
}) {
  const t = useT();
  const format = useFormat();
  const categoryName = useCategoryNames();
  const headingId = requirementAnchor(requirement.id);
  return (
    <li className="requirement">
      <div className="requirement-rank" aria-hidden="true">
        {requirement.priorityRank}
      </div>
      <div>
        <h3 id={headingId}>
          <span className="visually-hidden">
            {t('priorities.requirement.rank', { rank: requirement.priorityRank })}{' '}
          </span>
          {format.name(requirement.title)}
        </h3>
        <p className="requirement-meta">
          {categoryName(requirement.category)}
          {requirement.estimatedValue
            ? ` · ${t('priorities.requirement.estimate', { amount: format.money(requirement.estimatedValue) })}`
            : ''}
        </p>
        <Coverage requirement={requirement} />
        <PackageLinks ids={requirement.packageIds} packages={packages} />
      </div>
    </li>
  );
}

/** The packages that cover a requirement, by name, each with its status. */
function PackageLinks({ ids, packages }: { ids: readonly string[]; packages: readonly PackageName[] }) {
  const t = useT();
  const format = useFormat();
  if (ids.length === 0) return <p>{t('priorities.packages.none')}</p>;
  return (
    <>
      <p className="requirement-meta">{t('priorities.packages.count', { count: ids.length })}</p>
      <ul className="requirement-packages">
        {ids.map((id) => {
          const found = packages.find((candidate) => candidate.id === id);
          return (
            <li key={id}>
              <Link href={`/packages/${encodeURIComponent(id)}`}>{found ? format.name(found.title) : id}</Link>
              {found ? <span className="status">{t(`common.status.${found.status}`)}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
