/**
 * The workspace: the forms the organisations record their steps with, grouped by role. Until sign-in exists the user
 * says which organisation they act for; each command carries it (`X-Tranche-Actor`). With sign-in, the roles of the
 * signed-in user will choose which groups show (forms.ts maps roles to forms).
 */
import { lazy, Suspense, useId } from 'react';
import { Link, useParams } from 'wouter';
import { useOrganisations } from '../../api/reference.ts';
import { NotFound } from '../../components/NotFound.tsx';
import { Page } from '../../components/Page.tsx';
import { ActorProvider, useActor } from '../../forms/actor.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { type FormSpec, formSpec, formsOf, isFormId, ROLE_TITLES, ROLES } from './forms.ts';
import './workspace.css';

const FormView = lazy(() => import('./FormView.tsx').then((module) => ({ default: module.FormView })));

export function WorkspacePage() {
  const { form } = useParams<{ form?: string }>();
  return <ActorProvider>{form === undefined ? <WorkspaceHome /> : <WorkspaceForm form={form} />}</ActorProvider>;
}

function WorkspaceHome() {
  const t = useT();
  return (
    <Page title={t('workspace.title')} lead={t('workspace.lead')}>
      <ActingAs />
      <div className="roles">
        {ROLES.map((role) => (
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
    </Page>
  );
}

function FormLink({ spec }: { spec: FormSpec }) {
  const t = useT();
  return (
    <li>
      <Link href={`/workspace/${spec.id}`}>{t(spec.title)}</Link>
      <p className="hint">{t(spec.summary)}</p>
    </li>
  );
}

function WorkspaceForm({ form }: { form: string }) {
  const t = useT();
  const spec = isFormId(form) ? formSpec(form) : undefined;
  if (!spec) return <NotFound />;
  return (
    <Page title={t(spec.title)} lead={t(spec.summary)}>
      <p className="back">
        <Link href="/workspace">{t('workspace.back')}</Link> · {t(ROLE_TITLES[spec.role])}
      </p>
      <ActingAs />
      <Suspense
        fallback={
          <p className="loading" aria-busy="true">
            {t('common.loading')}
          </p>
        }
      >
        <FormView id={spec.id} />
      </Suspense>
    </Page>
  );
}

/** Which organisation the user acts for, until sign-in exists. */
function ActingAs() {
  const t = useT();
  const id = useId();
  const format = useFormat();
  const { actor, setActor } = useActor();
  const organisations = [...useOrganisations()].sort((a, b) =>
    format.name(a.names).localeCompare(format.name(b.names), format.locale),
  );
  return (
    <div className="acting-as field">
      <label htmlFor={id}>{t('workspace.actingAs')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('workspace.actingAs.hint')}
      </p>
      <select
        id={id}
        value={actor}
        onChange={(event) => setActor(event.currentTarget.value)}
        aria-describedby={`${id}-hint`}
      >
        <option value="">{t('workspace.actingAs.nobody')}</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {format.name(organisation.names)}
          </option>
        ))}
      </select>
    </div>
  );
}
