/**
 * People and tokens (`/workspace/people`): everyone who signs in, with their roles, and the machines' API tokens.
 * Administrators add people, grant and revoke roles and issue and revoke tokens in the organisations they administer;
 * auditors read the same lists and change nothing. A person without either role, or a visitor, sees the API's
 * refusal in their language.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../../../api/hooks.ts';
import type { Person, Token } from '../../../api/people.ts';
import type { Session } from '../../../api/session.ts';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useT } from '../../../i18n/useT.ts';
import { SignInLink } from '../SignInPrompt.tsx';
import { mayManagePeople, mayReadPeople } from '../sections.ts';
import { WorkspaceFrame } from '../WorkspaceNav.tsx';
import { AddPersonForm } from './AddPersonForm.tsx';
import { IssueTokenForm } from './IssueTokenForm.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { RevokeTokenForm } from './RevokeTokenForm.tsx';
import { GrantRoleForm, RevokeRoleForm } from './RoleForms.tsx';
import { TokensTable } from './TokensTable.tsx';

export function PeoplePage() {
  const t = useT();
  return (
    <Page title={t('people.title')} lead={t('people.lead')}>
      <WorkspaceFrame>
        {(session) => (
          <>
            {mayReadPeople(session) && !mayManagePeople(session) ? (
              <p className="notice">{t('people.readOnly')}</p>
            ) : null}
            <PeopleSection session={session} />
            <TokensSection session={session} />
            {session.signedIn ? null : <SignInLink next="/workspace/people" />}
          </>
        )}
      </WorkspaceFrame>
    </Page>
  );
}

function PeopleSection({ session }: { session: Session }) {
  const t = useT();
  const people = useApi<Person[]>('/people');
  const admin = mayManagePeople(session);
  return (
    <section aria-labelledby="people-list">
      <h2 id="people-list">{t('people.list.title')}</h2>
      <QueryState query={people}>
        {(rows) => (
          <>
            {rows.length === 0 ? <p>{t('people.list.empty')}</p> : <PeopleTable rows={rows} />}
            {admin ? (
              <div className="people-forms">
                <section aria-labelledby="people-add">
                  <h3 id="people-add">{t('people.add.title')}</h3>
                  <AddPersonForm />
                </section>
                <section aria-labelledby="people-grant">
                  <h3 id="people-grant">{t('people.grant.title')}</h3>
                  <GrantRoleForm />
                </section>
                <section aria-labelledby="people-revoke">
                  <h3 id="people-revoke">{t('people.revoke.title')}</h3>
                  <RevokeRoleForm />
                </section>
              </div>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

function TokensSection({ session }: { session: Session }) {
  const t = useT();
  const tokens = useApi<Token[]>('/tokens');
  const admin = mayManagePeople(session);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revoked, setRevoked] = useState<Token | null>(null);
  const startRevoking = useCallback((token: Token) => {
    setRevoked(null);
    setRevoking(token);
  }, []);
  return (
    <section aria-labelledby="people-tokens">
      <h2 id="people-tokens">{t('people.token.title')}</h2>
      <p className="hint">{t('people.token.lead')}</p>
      <QueryState query={tokens}>
        {(rows) => (
          <>
            {rows.length === 0 ? (
              <p>{t('people.token.empty')}</p>
            ) : (
              <TokensTable rows={rows} grants={admin ? session.grants : []} onRevoke={startRevoking} />
            )}
            {revoking ? (
              <RevokeTokenForm
                key={revoking.id}
                token={revoking}
                onCancel={() => setRevoking(null)}
                onRevoked={(token) => {
                  setRevoking(null);
                  setRevoked(token);
                }}
              />
            ) : null}
            <div role="status" className={revoked ? 'form-status ok' : undefined}>
              {revoked ? <p>{t('people.token.revoked', { label: revoked.label, id: revoked.id })}</p> : null}
            </div>
            {admin ? (
              <section aria-labelledby="people-issue">
                <h3 id="people-issue">{t('people.token.issue.title')}</h3>
                <IssueTokenForm />
              </section>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
