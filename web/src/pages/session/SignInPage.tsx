/**
 * Signing in: a name and a password, sent to `POST /api/session`, which sets an HttpOnly session cookie and answers
 * with the session (and its CSRF token). A refusal is translated by its code (a wrong name or password, too many
 * attempts) beside the field it names or above the form; a success goes back where the person came from (`?next=`),
 * the workspace by default. After a password change (every session ended) it says so above the form.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import type { FieldProblem, Problem } from '../../api/client.ts';
import { useSession, useSignIn } from '../../api/session.ts';
import { Page } from '../../components/Page.tsx';
import { useProblemText } from '../../components/problem-text.ts';
import { isPasswordChanged, safeNext } from '../../components/sign-in-path.ts';
import { Field, FieldErrorsProvider } from '../../forms/Field.tsx';
import { firstInvalid, type MappedProblems, mapProblem } from '../../forms/field-errors.ts';
import { text } from '../../forms/form-values.ts';
import { useT } from '../../i18n/useT.ts';

const FIELDS = ['personId', 'password'] as const;

/** The fields left empty, as the API would refuse them (so an empty form spends none of the sign-in attempts). */
function emptyFields(data: FormData): Problem | null {
  const errors: FieldProblem[] = FIELDS.filter((field) =>
    field === 'password' ? !data.get(field) : text(data, field) === undefined,
  ).map((field) => ({ field, code: 'field-required', message: 'required' }));
  if (errors.length === 0) return null;
  return {
    type: 'about:blank',
    title: 'Request is not valid',
    status: 400,
    detail: 'required',
    code: 'request-invalid',
    errors,
  };
}

export function SignInPage() {
  const t = useT();
  const session = useSession();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  const [, navigate] = useLocation();
  const signIn = useSignIn();
  const problemText = useProblemText();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<{ mapped: MappedProblems; attempt: number } | null>(null);
  const passwordChanged = isPasswordChanged(useHistoryState<unknown>());

  useEffect(() => {
    if (!problems) return;
    const first = firstInvalid(problems.mapped, FIELDS);
    const field = first ? formRef.current?.elements.namedItem(first) : null;
    if (field instanceof HTMLInputElement) field.focus();
    else alertRef.current?.focus();
  }, [problems]);

  const refuse = (problem: Problem) =>
    setProblems((previous) => ({ mapped: mapProblem(problem, FIELDS), attempt: (previous?.attempt ?? 0) + 1 }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const empty = emptyFields(data);
    if (empty) {
      refuse(empty);
      return;
    }
    const password = data.get('password');
    signIn.mutate(
      { personId: text(data, 'personId') ?? '', password: typeof password === 'string' ? password : '' },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: (error) => refuse(error.problem),
      },
    );
  }

  const signedIn = session.data?.signedIn === true && !signIn.isPending && !signIn.isSuccess;
  const general = problems?.mapped.general ?? [];
  return (
    <Page title={t('session.title')} lead={t('session.lead')}>
      {passwordChanged && !signedIn && !signIn.isSuccess ? (
        <p className="form-status ok" role="status">
          {t('session.passwordChanged')}
        </p>
      ) : null}
      {signedIn ? (
        <p className="form-status ok">
          {t('session.already', { name: session.data?.name ?? '' })} <Link href={next}>{t('session.continue')}</Link>
        </p>
      ) : null}
      <FieldErrorsProvider value={problems?.mapped.fields ?? new Map()}>
        <form ref={formRef} className="form" noValidate onSubmit={submit} aria-busy={signIn.isPending || undefined}>
          {problems ? (
            <div ref={alertRef} className="form-status failed" role="alert" tabIndex={-1}>
              {general.length > 0 ? (
                [...new Set(general.map((problem) => problemText(problem)))].map((message) => (
                  <p key={message}>{message}</p>
                ))
              ) : (
                <p>{t('session.checkFields')}</p>
              )}
            </div>
          ) : null}
          <Field name="personId" label={t('session.name')} hint={t('session.name.hint')}>
            {(control) => (
              <input {...control} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} />
            )}
          </Field>
          <Field name="password" label={t('session.password')}>
            {(control) => <input {...control} type="password" autoComplete="current-password" />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={signIn.isPending}>
              {signIn.isPending ? t('session.signingIn') : t('session.submit')}
            </button>
          </div>
        </form>
      </FieldErrorsProvider>
    </Page>
  );
}
