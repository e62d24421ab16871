/**
 * Your account (`/workspace/account`): who you are signed in as, and changing your password
 * (`PUT /api/session/password`). Changing it ends every session of yours, this one too, so the page then treats you as
 * signed out and sends you to the sign-in page, which says why.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { type Session, sessionEnded } from '../../api/session.ts';
import { Page } from '../../components/Page.tsx';
import { PASSWORD_CHANGED } from '../../components/sign-in-path.ts';
import { CommandForm } from '../../forms/CommandForm.tsx';
import { Field } from '../../forms/Field.tsx';
import { secret } from '../../forms/form-values.ts';
import { useT } from '../../i18n/useT.ts';
import { SignInPrompt } from './SignInPrompt.tsx';
import { WorkspaceFrame } from './WorkspaceNav.tsx';

export function AccountPage() {
  const t = useT();
  return (
    <Page title={t('session.account.title')} lead={t('session.account.lead')}>
      <WorkspaceFrame>
        {(session) =>
          session.signedIn ? (
            <Account session={session} />
          ) : (
            <SignInPrompt next="/workspace/account" message={t('session.account.signInPrompt')} />
          )
        }
      </WorkspaceFrame>
    </Page>
  );
}

function Account({ session }: { session: Session }) {
  const t = useT();
  return (
    <>
      <p className="signed-in-as">{t('workspace.signedInAs', { name: session.name ?? session.actor })}</p>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{t('session.password.title')}</h2>
        <p className="hint">{t('session.password.lead')}</p>
        <ChangePasswordForm />
      </section>
    </>
  );
}

function ChangePasswordForm() {
  const t = useT();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  return (
    <CommandForm<void>
      submitLabel={t('session.password.submit')}
      fieldOfCode={{ 'password-wrong': 'currentPassword' }}
      onDone={() => {
        sessionEnded(client);
        navigate('/sign-in', { state: PASSWORD_CHANGED });
      }}
      build={(data) => ({
        request: {
          method: 'PUT',
          path: '/session/password',
          body: { currentPassword: secret(data, 'currentPassword'), newPassword: secret(data, 'newPassword') },
        },
      })}
    >
      <Field name="currentPassword" label={t('session.password.current')}>
        {(control) => <input {...control} type="password" autoComplete="current-password" />}
      </Field>
      <Field name="newPassword" label={t('session.password.new')} hint={t('session.password.newHint')}>
        {(control) => <input {...control} type="password" autoComplete="new-password" />}
      </Field>
    </CommandForm>
  );
}
