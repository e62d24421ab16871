/**
 * Adding a person who signs in with a name and a password (`POST /api/people`, administrators). The password is sent
 * once and never shown again; the person changes it after signing in.
 */
import { CommandForm } from '../../../forms/CommandForm.tsx';
import { Field } from '../../../forms/Field.tsx';
import { secret, text } from '../../../forms/form-values.ts';
import { useT } from '../../../i18n/useT.ts';
import { TextField } from '../fields.tsx';

export function AddPersonForm() {
  const t = useT();
  return (
    <CommandForm
      submitLabel={t('people.add.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: '/people',
          body: { id: text(data, 'id'), name: text(data, 'name'), password: secret(data, 'password') },
        },
      })}
    >
      <TextField name="id" label={t('people.field.id')} hint={t('people.field.idHint')} />
      <TextField name="name" label={t('people.field.name')} hint={t('people.field.nameHint')} />
      <Field name="password" label={t('people.field.password')} hint={t('people.field.passwordHint')}>
        {(control) => <input {...control} type="password" autoComplete="new-password" />}
      </Field>
    </CommandForm>
  );
}
