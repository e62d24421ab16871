/**
 * A command's form: reads its controls when submitted, sends the command, and shows how it went. Refusals appear
 * beside the fields they name (a problem naming none at the top, role="alert") and focus moves to the first invalid
 * field; a success says so (role="status"), with a link to the record on the portal when it has one, and the form is
 * reset.
 */
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useProblemText } from '../components/problem-text.ts';
import { useT } from '../i18n/useT.ts';
import { FieldErrorsProvider } from './Field.tsx';
import { firstInvalid, type MappedProblems, mapProblem, placeByCode } from './field-errors.ts';
import { MissingField, missingFieldProblem } from './form-values.ts';
import { type CommandRequest, type CommandResult, useCommand } from './useCommand.ts';

/** What a form sends, and, when it leaves rows out, which of its rows the request's indices stand for. */
export interface Built {
  readonly request: CommandRequest;
  readonly aliases?: ReadonlyMap<string, string>;
}

/** Where the new or changed record can be seen on the portal. */
export interface RecordLink {
  readonly href: string;
  readonly label: string;
}

const NO_PROBLEMS: MappedProblems = { fields: new Map(), general: [] };

/** The names of a form's fields and groups, in the order they appear. */
function namesIn(form: HTMLFormElement): string[] {
  const names: string[] = [];
  for (const element of Array.from(form.elements)) {
    const name = element.getAttribute('name');
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

function focusField(form: HTMLFormElement, name: string): boolean {
  const element = Array.from(form.elements).find((candidate) => candidate.getAttribute('name') === name);
  if (!element) return false;
  const target =
    element instanceof HTMLFieldSetElement
      ? element.querySelector<HTMLElement>('input, select, textarea, button')
      : element instanceof HTMLElement
        ? element
        : null;
  if (!target) return false;
  const details = target.closest('details');
  if (details) details.open = true;
  target.focus();
  return true;
}

export function CommandForm<Answer = CommandResult>({
  build,
  link,
  submitLabel,
  onReset,
  onDone,
  fieldOfCode,
  children,
}: {
  build: (data: FormData) => Built;
  /** Where the record can be seen on the portal; none for records the portal does not show (people, tokens). */
  link?: (result: Answer, request: CommandRequest) => RecordLink | null;
  submitLabel: string;
  /** Called when the form is reset after a success, to reset what the form keeps in state (rows, choices). */
  onReset?: () => void;
  /** Called with the API's answer after a success (a token shown once, a sign-in page to go to). */
  onDone?: (result: Answer, request: CommandRequest) => void;
  /** The field a refusal naming none belongs beside, by its code. */
  fieldOfCode?: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  const t = useT();
  const problemText = useProblemText();
  const command = useCommand<Answer>();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  /** The refusal shown (null: none), and how many times one was shown, so focus moves again on each. */
  const [problems, setProblems] = useState<{ mapped: MappedProblems; attempt: number } | null>(null);
  const [done, setDone] = useState<{ link: RecordLink | null } | null>(null);

  useEffect(() => {
    const form = formRef.current;
    if (!problems || !form) return;
    const first = firstInvalid(problems.mapped, namesIn(form));
    if (!(first && focusField(form, first))) alertRef.current?.focus();
  }, [problems]);

  const refuse = (mapped: MappedProblems) =>
    setProblems((previous) => ({ mapped, attempt: (previous?.attempt ?? 0) + 1 }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setDone(null);
    let built: Built;
    try {
      built = build(new FormData(form));
    } catch (error) {
      if (!(error instanceof MissingField)) throw error;
      refuse(mapProblem(missingFieldProblem(error.field), namesIn(form)));
      return;
    }
    const state = await command.run(built.request);
    if (state.status === 'done') {
      setProblems(null);
      setDone({ link: link?.(state.result, state.request) ?? null });
      form.reset();
      onReset?.();
      onDone?.(state.result, state.request);
    } else if (state.status === 'failed') {
      refuse(mapProblem(placeByCode(state.error.problem, fieldOfCode), namesIn(form), built.aliases));
    }
  }

  const pending = command.status === 'pending';
  const general = problems?.mapped.general ?? [];
  return (
    <FieldErrorsProvider value={problems?.mapped.fields ?? NO_PROBLEMS.fields}>
      <form ref={formRef} className="form command-form" noValidate onSubmit={submit} aria-busy={pending || undefined}>
        {problems ? (
          <div ref={alertRef} className="form-status failed" role="alert" tabIndex={-1}>
            {general.length > 0 ? (
              [...new Set(general.map((problem) => problemText(problem)))].map((message) => (
                <p key={message}>{message}</p>
              ))
            ) : (
              <p>{t('workspace.form.checkFields')}</p>
            )}
          </div>
        ) : null}
        {children}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('workspace.form.sending') : submitLabel}
          </button>
        </div>
        <div role="status" className={done ? 'form-status ok' : undefined}>
          {done ? (
            <p>
              {t('workspace.form.recorded')}
              {done.link ? (
                <>
                  {' '}
                  <Link href={done.link.href}>{done.link.label}</Link>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
