/**
 * Issuing an API token for one role in one organisation (`POST /api/tokens`, administrators of that organisation).
 * The answer holds the token itself, this once: it is shown in a read-only field to copy, with a warning that it will
 * not be shown again, until the administrator hides it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { IssuedToken } from '../../../api/people.ts';
import { CommandForm } from '../../../forms/CommandForm.tsx';
import { text } from '../../../forms/form-values.ts';
import { useT } from '../../../i18n/useT.ts';
import { TextField, useOptionalLabel } from '../fields.tsx';
import { ManagedOrganisationSelect, RoleSelect } from './admin-fields.tsx';

export function IssueTokenForm() {
  const t = useT();
  const optional = useOptionalLabel();
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  return (
    <>
      <CommandForm<IssuedToken>
        submitLabel={t('people.token.issue.submit')}
        onDone={(answer) => setIssued(answer)}
        build={(data) => {
          setIssued(null);
          return {
            request: {
              method: 'POST',
              path: '/tokens',
              body: {
                organisationId: text(data, 'organisationId'),
                role: text(data, 'role'),
                label: text(data, 'label'),
                expiresOn: text(data, 'expiresOn'),
              },
            },
          };
        }}
      >
        <ManagedOrganisationSelect name="organisationId" label={t('people.field.organisation')} />
        <RoleSelect name="role" label={t('people.field.role')} />
        <TextField name="label" label={t('people.field.label')} hint={t('people.field.labelHint')} />
        <TextField
          name="expiresOn"
          type="date"
          label={optional(t('people.field.expiresOn'))}
          hint={t('people.field.expiresOnHint')}
        />
      </CommandForm>
      {issued ? <TokenOnce token={issued.token} onHide={() => setIssued(null)} /> : null}
    </>
  );
}

/** The new token, to copy now: focused and selected when it appears, copied to the clipboard with one button. */
function TokenOnce({ token, onHide }: { token: string; onHide: () => void }) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // No clipboard here (an insecure page, a refusal): the field is selected for copying by hand.
      field.current?.select();
      setCopied(false);
    }
  }
  return (
    <section className="token-once" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('people.token.once.title')}</h3>
      <p className="warning" id={`${id}-warning`}>
        <strong>{t('people.token.once.warning')}</strong> {t('people.token.once.use')}
      </p>
      <div className="field">
        <label htmlFor={id}>{t('people.token.once.label')}</label>
        <input
          ref={field}
          id={id}
          type="text"
          readOnly
          value={token}
          aria-describedby={`${id}-warning`}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          {t('people.token.once.copy')}
        </button>
        <button type="button" onClick={onHide}>
          {t('people.token.once.hide')}
        </button>
      </div>
      <p role="status">
        {copied === true ? t('people.token.once.copied') : copied === false ? t('people.token.once.copyByHand') : ''}
      </p>
    </section>
  );
}
