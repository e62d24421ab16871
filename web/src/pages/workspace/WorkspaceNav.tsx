/**
 * The workspace's own navigation, for a signed-in person: the forms, the audit view and people (for auditors and
 * administrators only, as sections.ts says), and their account.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { type Session, useSession } from '../../api/session.ts';
import { QueryState } from '../../components/QueryState.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { SECTION_PATHS, type SectionId, sectionsOf } from './sections.ts';
import './workspace.css';

const SECTION_LABELS: Readonly<Record<SectionId, MessageKey>> = {
  forms: 'workspace.nav.forms',
  audit: 'workspace.nav.audit',
  people: 'workspace.nav.people',
  account: 'workspace.nav.account',
};

/** Whether `path` (under the locale) is the section's page; the forms section is also each form's page. */
function isCurrent(id: SectionId, path: string): boolean {
  if (id !== 'forms') return path === SECTION_PATHS[id];
  const others = Object.values(SECTION_PATHS).filter((other) => other !== SECTION_PATHS.forms);
  return path === SECTION_PATHS.forms || (path.startsWith(`${SECTION_PATHS.forms}/`) && !others.includes(path));
}

export function WorkspaceNav({ session }: { session: Session }) {
  const t = useT();
  const [path] = useLocation();
  return (
    <nav className="workspace-nav" aria-label={t('workspace.nav.label')}>
      <ul>
        {sectionsOf(session).map((id) => (
          <li key={id}>
            <Link href={SECTION_PATHS[id]} aria-current={isCurrent(id, path) ? 'page' : undefined}>
              {t(SECTION_LABELS[id])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A workspace page beside the forms: its navigation once the session is known (none for a visitor), then the page. */
export function WorkspaceFrame({ children }: { children: (session: Session) => ReactNode }) {
  const session = useSession();
  return (
    <QueryState query={session}>
      {(current) => (
        <>
          {current.signedIn ? <WorkspaceNav session={current} /> : null}
          {children(current)}
        </>
      )}
    </QueryState>
  );
}
