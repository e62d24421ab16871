import { useOrganisationNames } from '../../../api/reference.ts';
import type { PriorityList, RequirementCoverage } from '../../../api/requirements.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { requirementAnchor } from './RequirementList.tsx';
import './priorities.css';

/** The monthly priority lists, newest first: the period, whether approved and by whom, the ranked requirements. */
export function PriorityLists({
  lists,
  requirements,
}: {
  lists: readonly PriorityList[];
  requirements: readonly RequirementCoverage[];
}) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  if (lists.length === 0) return <p>{t('priorities.lists.none')}</p>;
  const titleOf = (id: string) => {
    const requirement = requirements.find((candidate) => candidate.id === id);
    return requirement ? format.name(requirement.title) : id;
  };
  return (
    <>
      {lists.map((list) => (
        <div className="priority-list" key={`${list.recipientId}:${list.period}`}>
          <h3>
            {t('priorities.lists.heading', { recipient: nameOf(list.recipientId), period: format.month(list.period) })}{' '}
            <span className="status">{t(`priorities.listStatus.${list.status}`)}</span>
          </h3>
          <p>
            {list.approvals.length > 0
              ? t('priorities.lists.approvedBy', { names: list.approvals.map(nameOf).join(', ') })
              : t('priorities.lists.notApproved')}
          </p>
          <ol>
            {list.requirementIds.map((id) => (
              <li key={id}>
                {requirements.some((candidate) => candidate.id === id) ? (
                  <a href={`#${requirementAnchor(id)}`}>{titleOf(id)}</a>
                ) : (
                  titleOf(id)
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}
