/**
 * The workspace: the forms the organisations record their steps with, grouped by role. A visitor is asked to sign in;
 * a signed-in person sees the workspace's navigation (WorkspaceNav.tsx: the audit view and people for auditors and
 * administrators, their account for everyone) and the forms of the roles they hold (forms.ts maps roles to forms,
 * mirroring the API's permission map), and each form acts only for the organisations of their grants.
 */
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'wouter';
import { useOrganisationNames } from '../../api/reference.ts';
import { EVERY_ORGANISATION, type Session, useSession } from '../../api/session.ts';
import { NotFound } from '../../components/NotFound.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n/useT.ts';
import { ActingProvider } from './acting.ts';
import { actingFor, type FormSpec, formSpec, formsOf, isFormId, mayUse, rolesOf } from './forms.ts';
import { SignInPrompt } from './SignInPrompt.tsx';
import { mayManagePeople } from './sections.ts';
import { formSummary, formTitle, ROLE_TITLES } from './titles.ts';
import { WorkspaceNav } from './WorkspaceNav.tsx';
import './workspace.css';

const FormView = lazy(() => import('./FormView.tsx').then((module) => ({ default: module.FormView })));

export function WorkspacePage() {
  const { form } = useParams<{ form?: string }>();
  const session = useSession();
  const spec = isFormId(form) ? formSpec(form) : undefined;
  const heading = useHeading(spec);
  if (form !== undefined && !spec) return <NotFound />;
  return (
    <Page title={heading.title} lead={heading.lead}>
      <QueryState query={session}>
        {(current) =>
          !current.signedIn ? (
            <SignInPrompt next={spec ? `/workspace/${spec.id}` : '/workspace'} />
          ) : (
            <>
              <WorkspaceNav session={current} />
              {spec ? <WorkspaceForm spec={spec} session={current} /> : <WorkspaceHome session={current} />}
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

/** The workspace's heading, or the open form's. */
function useHeading(spec: FormSpec | undefined): { title: string; lead: string } {
  const t = useT();
  return spec
    ? { title: t(formTitle(spec.id)), lead: t(formSummary(spec.id)) }
    : { title: t('workspace.title'), lead: t('workspace.lead') };
}

function WorkspaceHome({ session }: { session: Session }) {
  const t = useT();
  const roles = rolesOf(session).filter((role) => formsOf(role).length > 0);
  const auditorOnly = rolesOf(session).every((role) => role === 'auditor');
  const none = auditorOnly
    ? 'workspace.readOnly'
    : mayManagePeople(session)
      ? 'workspace.adminOnly'
      : 'workspace.noForms';
  return (
    <>
      <SignedInAs session={session} />
      {roles.length === 0 ? (
        <p className="notice">{t(none)}</p>
      ) : (
        <div className="roles">
          {roles.map((role) => (
            <section key={role} className="role" aria-labelledby={`role-${role}`}>
              <h2 id={`role-${role}`}>{t(ROLE_TITLES[role])}</h2>
              <ul className="form-list">
                {formsOf(role).map((spec) => (
                  <FormLink key={spec.id} spec={spec} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

/** Who is signed in, and each role they hold with the organisations it is held in. */
function SignedInAs({ session }: { session: Session }) {
  const t = useT();
  const organisationName = useOrganisationNames();
  const roles = rolesOf(session).map((role) => {
    const where = session.grants.filter((grant) => grant.role === role).map((grant) => grant.organisationId);
    const names = where.includes(EVERY_ORGANISATION)
      ? t('workspace.everyOrganisation')
      : where.map(organisationName).join(', ');
    return t('workspace.roleIn', { role: t(ROLE_TITLES[role]), organisations: names });
  });
  return (
    <div className="signed-in-as">
      <p>{t('workspace.signedInAs', { name: session.name ?? session.actor })}</p>
      {roles.length > 0 ? <p className="hint">{t('workspace.yourRoles', { roles: roles.join('; ') })}</p> : null}
    </div>
  );
}

function FormLink({ spec }: { spec: FormSpec }) {
  const t = useT();
  return (
    <li>
      <Link href={`/workspace/${spec.id}`}>{t(formTitle(spec.id))}</Link>
      <p className="hint">{t(formSummary(spec.id))}</p>
    </li>
  );
}

function WorkspaceForm({ spec, session }: { spec: FormSpec; session: Session }) {
  const t = useT();
  const back = (
    <p className="back">
      <Link href="/workspace">{t('workspace.back')}</Link>
    </p>
  );
  if (!mayUse(session, spec.id)) {
    return (
      <>
        {back}
        <p className="notice">{t('workspace.formNotYours')}</p>
      </>
    );
  }
  return (
    <>
      {back}
      <ActingProvider value={actingFor(session.grants, spec.id)}>
        <Suspense
          fallback={
            <p className="loading" aria-busy="true">
              {t('common.loading')}
            </p>
          }
        >
          <FormView id={spec.id} />
        </Suspense>
      </ActingProvider>
    </>
  );
}
