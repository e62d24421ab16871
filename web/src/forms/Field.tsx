/**
 * A form field: its label, a hint, the API's errors for it (translated by code) and the control, tied together with
 * `aria-describedby` and marked `aria-invalid` when refused. `FieldGroup` is the same for a fieldset (a money amount,
 * a title in three languages, a package's lines). Errors arrive through `FieldErrorsProvider` (see CommandForm).
 */
import { createContext, type ReactNode, useContext, useId } from 'react';
import type { FieldProblem } from '../api/client.ts';
import { useProblemText } from '../components/problem-text.ts';

const FieldErrors = createContext<ReadonlyMap<string, readonly FieldProblem[]>>(new Map());
export const FieldErrorsProvider = FieldErrors.Provider;

/** What a control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  readonly id: string;
  readonly name: string;
  readonly 'aria-invalid'?: true;
  readonly 'aria-describedby'?: string;
}

function useDescription(name: string, hint: ReactNode | undefined) {
  const id = useId();
  const problems = useContext(FieldErrors).get(name) ?? [];
  const problemText = useProblemText();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [problems.length > 0 ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const hintNode = hint ? (
    <p id={hintId} className="hint">
      {hint}
    </p>
  ) : null;
  const errorNode =
    problems.length > 0 ? (
      <p id={errorId} className="field-error">
        {[...new Set(problems.map((problem) => problemText(problem)))].join(' ')}
      </p>
    ) : null;
  return { id, invalid: problems.length > 0, describedBy: describedBy || undefined, hintNode, errorNode };
}

export function Field({
  name,
  label,
  hint,
  children,
}: {
  /** The input's path in the request body: `amount.amount`, `lines[0].quantity`. */
  name: string;
  label: string;
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const { id, invalid, describedBy, hintNode, errorNode } = useDescription(name, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintNode}
      {errorNode}
      {children({
        id,
        name,
        ...(invalid ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
    </div>
  );
}

/** A checkbox with its label after it, and its errors. */
export function CheckField({
  name,
  label,
  hint,
  value = 'true',
  defaultChecked,
  checked,
  onChange,
  inGroup = false,
}: {
  name: string;
  label: string;
  /** One of several boxes of one name (a `FieldGroup` of that name shows their errors, once). */
  inGroup?: boolean;
  hint?: ReactNode;
  value?: string;
  defaultChecked?: boolean;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  const { id, invalid, describedBy, hintNode, errorNode } = useDescription(inGroup ? '' : name, hint);
  return (
    <div className="field check-field">
      {errorNode}
      <div className="check">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          checked={checked}
          onChange={onChange ? (event) => onChange(event.currentTarget.checked) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hintNode}
    </div>
  );
}

/**
 * A fieldset whose legend names the group. With a `name`, errors about the group as a whole (`lines`, `title`) show
 * under its legend; without one, an error naming the group goes to its first field (`amount` → `amount.amount`).
 */
export function FieldGroup({
  name,
  legend,
  hint,
  className,
  children,
}: {
  name?: string;
  legend: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const { describedBy, hintNode, errorNode } = useDescription(name ?? '', hint);
  return (
    <fieldset
      name={name}
      className={['field-group', className].filter(Boolean).join(' ')}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hintNode}
      {errorNode}
      {children}
    </fieldset>
  );
}
