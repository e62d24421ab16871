/**
 * The audit view (`/workspace/audit`): who recorded what and when, newest first, straight from the ledger
 * (`GET /api/audit`; auditors and administrators). The filters — actor, record, event type, since a day — and the page
 * (`before`) live in the address, so a view can be shared and the browser's back button steps back through it. A
 * person without the role, or a visitor, sees the API's refusal in their language.
 */
import { Link, useSearch, useSearchParams } from 'wouter';
import { ApiError } from '../../../api/client.ts';
import { useApi } from '../../../api/hooks.ts';
import type { AuditEntry } from '../../../api/people.ts';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useT } from '../../../i18n/useT.ts';
import { SignInLink } from '../SignInPrompt.tsx';
import { WorkspaceFrame } from '../WorkspaceNav.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { AUDIT_PAGE_SIZE, type AuditQuery, auditQueryOf, auditSearch, olderPage } from './audit-filters.ts';

const AUDIT_PATH = '/workspace/audit';

const auditHref = (query: AuditQuery): string => {
  const search = auditSearch(query);
  return search ? `${AUDIT_PATH}?${search}` : AUDIT_PATH;
};

export function AuditPage() {
  const t = useT();
  const search = useSearch();
  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <WorkspaceFrame>
        {(session) => (
          <>
            <AuditView />
            {session.signedIn ? null : <SignInLink next={search ? `${AUDIT_PATH}?${search}` : AUDIT_PATH} />}
          </>
        )}
      </WorkspaceFrame>
    </Page>
  );
}

function AuditView() {
  const [params, setParams] = useSearchParams();
  const query = auditQueryOf(params);
  const events = useApi<AuditEntry[]>('/audit', { ...query, limit: AUDIT_PAGE_SIZE });
  const problem = events.error instanceof ApiError ? events.error.problem : null;
  return (
    <>
      <AuditFilters
        query={query}
        problem={problem}
        types={events.data?.map((event) => event.type) ?? []}
        onApply={(next) => setParams(new URLSearchParams(auditSearch(next)))}
      />
      <QueryState query={events}>{(rows) => <AuditResults rows={rows} query={query} />}</QueryState>
    </>
  );
}

function AuditResults({ rows, query }: { rows: readonly AuditEntry[]; query: AuditQuery }) {
  const t = useT();
  const older = olderPage(
    query,
    rows.map((row) => row.seq),
  );
  const { before: _before, ...newest } = query;
  return (
    <section aria-labelledby="audit-events">
      <h2 id="audit-events">
        {query.before === undefined ? t('audit.newest') : t('audit.before', { seq: query.before })}
      </h2>
      {rows.length === 0 ? <p>{t('audit.empty')}</p> : <AuditTable rows={rows} />}
      {older || query.before !== undefined ? (
        <nav className="audit-paging" aria-label={t('audit.paging')}>
          {query.before !== undefined ? <Link href={auditHref(newest)}>{t('audit.toNewest')}</Link> : null}
          {older ? (
            <Link href={auditHref(older)} rel="next">
              {t('audit.older')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
