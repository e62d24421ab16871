/**
 * The audit view's filters: an actor (`person:<id>`, `token:<id>`), a record (a stream id such as
 * `package-purl-nl-2`, or a kind of record such as `token`), an event type, and a first day. Applying them starts again
 * from the newest event. A filter the API refuses shows its reason beside it.
 */
import { type FormEvent, useId } from 'react';
import type { FieldProblem, Problem } from '../../../api/client.ts';
import { useApi } from '../../../api/hooks.ts';
import type { Person, Token } from '../../../api/people.ts';
import { Field, FieldErrorsProvider } from '../../../forms/Field.tsx';
import { mapProblem } from '../../../forms/field-errors.ts';
import { text } from '../../../forms/form-values.ts';
import { useT } from '../../../i18n/useT.ts';
import { AUDIT_FILTERS, type AuditQuery, auditSearch } from './audit-filters.ts';

/** Who may be named as an actor: the people and tokens the API lists (none when the reader may not list them). */
function useActors(): readonly { value: string; label: string }[] {
  const people = useApi<Person[]>('/people').data ?? [];
  const tokens = useApi<Token[]>('/tokens').data ?? [];
  return [
    ...people.map((person) => ({ value: `person:${person.id}`, label: person.name })),
    ...tokens.map((token) => ({ value: `token:${token.id}`, label: token.label })),
  ];
}

const NO_FIELDS: ReadonlyMap<string, readonly FieldProblem[]> = new Map();

export function AuditFilters({
  query,
  problem,
  types,
  onApply,
}: {
  query: AuditQuery;
  /** The API's refusal of the current filters, if it refused them. */
  problem: Problem | null;
  /** Event types to suggest (those on the page shown). */
  types: readonly string[];
  onApply: (query: AuditQuery) => void;
}) {
  const t = useT();
  const actorsId = useId();
  const typesId = useId();
  const actors = useActors();
  const fields = problem ? mapProblem(problem, AUDIT_FILTERS).fields : NO_FIELDS;
  const { before: _before, ...filters } = query;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: { -readonly [Name in keyof AuditQuery]: AuditQuery[Name] } = {};
    for (const name of AUDIT_FILTERS) {
      const value = text(data, name);
      if (value !== undefined) next[name] = value;
    }
    onApply(next);
  }

  return (
    <FieldErrorsProvider value={fields}>
      <search aria-label={t('audit.filters')}>
        {/* Rebuilt when the address changes (back, a link), so the fields always show the filters applied. */}
        <form key={auditSearch(filters)} className="form audit-filters" noValidate onSubmit={submit}>
          <Field name="actor" label={t('audit.filter.actor')} hint={t('audit.filter.actorHint')}>
            {(control) => (
              <input
                {...control}
                type="text"
                list={actorsId}
                defaultValue={filters.actor}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <datalist id={actorsId}>
            {actors.map((actor) => (
              <option key={actor.value} value={actor.value} label={actor.label} />
            ))}
          </datalist>
          <Field name="stream" label={t('audit.filter.stream')} hint={t('audit.filter.streamHint')}>
            {(control) => (
              <input {...control} type="text" defaultValue={filters.stream} autoComplete="off" spellCheck={false} />
            )}
          </Field>
          <Field name="type" label={t('audit.filter.type')} hint={t('audit.filter.typeHint')}>
            {(control) => (
              <input
                {...control}
                type="text"
                list={typesId}
                defaultValue={filters.type}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <datalist id={typesId}>
            {[...new Set(types)].sort().map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <Field name="since" label={t('audit.filter.since')}>
            {(control) => <input {...control} type="date" defaultValue={filters.since} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('audit.filter.apply')}
            </button>
            <button type="button" onClick={() => onApply({})}>
              {t('audit.filter.clear')}
            </button>
          </div>
        </form>
      </search>
    </FieldErrorsProvider>
  );
}
