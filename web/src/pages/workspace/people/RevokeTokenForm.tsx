/**
 * Confirming a token's revocation (`POST /api/tokens/:id/revoke`): the token named again, what revoking does, an
 * optional reason, and a button to revoke or to keep it. Focus moves to the question when it opens.
 */
import { useEffect, useId, useRef } from 'react';
import type { Token } from '../../../api/people.ts';
import { CommandForm } from '../../../forms/CommandForm.tsx';
import { seg, text } from '../../../forms/form-values.ts';
import { useT } from '../../../i18n/useT.ts';
import { TextField, useOptionalLabel } from '../fields.tsx';

export function RevokeTokenForm({
  token,
  onCancel,
  onRevoked,
}: {
  token: Token;
  onCancel: () => void;
  onRevoked: (token: Token) => void;
}) {
  const t = useT();
  const optional = useOptionalLabel();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="confirm" aria-labelledby={id}>
      <h3 id={id} ref={heading} tabIndex={-1}>
        {t('people.token.confirm.title', { label: token.label, id: token.id })}
      </h3>
      <p>{t('people.token.confirm.text')}</p>
      <CommandForm
        submitLabel={t('people.token.confirm.submit')}
        onDone={() => onRevoked(token)}
        build={(data) => ({
          request: { method: 'POST', path: `/tokens/${seg(token.id)}/revoke`, body: { reason: text(data, 'reason') } },
        })}
      >
        <TextField name="reason" label={optional(t('people.token.confirm.reason'))} />
      </CommandForm>
      <p>
        <button type="button" onClick={onCancel}>
          {t('people.token.confirm.cancel')}
        </button>
      </p>
    </section>
  );
}
