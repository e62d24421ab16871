import { useApi } from '../../api/hooks.ts';
import type { PackageName, PriorityList, RequirementCoverage } from '../../api/requirements.ts';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n/useT.ts';
import { byRank } from './priorities/coverage.ts';
import { PriorityLists } from './priorities/PriorityLists.tsx';
import { RequirementList } from './priorities/RequirementList.tsx';
import { RequirementsTable } from './priorities/RequirementsTable.tsx';

/**
 * The recipient's requirements in rank order, with how much of each packages cover, fund and deliver; the approved
 * monthly priority lists; and the same requirements as a table to download.
 */
export function PrioritiesPage() {
  const t = useT();
  const requirements = useApi<RequirementCoverage[]>('/requirements');
  const lists = useApi<PriorityList[]>('/priority-lists');
  const packages = useApi<PackageName[]>('/packages');
  return (
    <Page title={t('priorities.title')} lead={t('priorities.lead')}>
      <QueryState query={requirements}>
        {(rows) => {
          const ranked = byRank(rows);
          return (
            <>
              <section aria-labelledby="priorities-requirements">
                <h2 id="priorities-requirements">{t('priorities.requirements.heading')}</h2>
                <p>{t('priorities.requirements.lead')}</p>
                <RequirementList requirements={ranked} packages={packages.data ?? []} />
              </section>
              <section aria-labelledby="priorities-lists">
                <h2 id="priorities-lists">{t('priorities.lists.title')}</h2>
                <QueryState query={lists}>
                  {(found) => <PriorityLists lists={found} requirements={ranked} />}
                </QueryState>
              </section>
              <section aria-labelledby="priorities-table">
                <h2 id="priorities-table">{t('priorities.table.heading')}</h2>
                <RequirementsTable requirements={ranked} />
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
