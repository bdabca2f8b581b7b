import { useId, type ReactNode } from 'react';
import { ErrorNote } from '../components/bits';
import type { CheckedForm, FormValues } from './use-checked-form';

/** The keys of V whose values are of type T. */
export type KeysOf<V, T> = { [K in keyof V & string]: V[K] extends T ? K : never }[keyof V & string];

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string;
}

/**
 * A labelled control with its hint and its problem. The problem names the field
 * ("Timeout (ms): must be at most 3600000") and is the control's description, so a screen
 * reader says it when the control takes the focus.
 */
export function Field({ problem, label, hint, children }: { problem: string | undefined; label: string; hint?: string; children(control: ControlProps): ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem !== undefined, 'aria-describedby': hint ? `${id}-hint ${id}-problem` : `${id}-problem` })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <p className="problem" id={`${id}-problem`}>
        {problem === undefined ? '' : `${label}: ${problem}`}
      </p>
    </div>
  );
}

interface FieldProps<V extends FormValues, T> {
  form: CheckedForm<V>;
  path: KeysOf<V, T>;
  label: string;
  hint?: string;
}

/** A text (or number, URL, password, date) control bound to a string value of the form. */
export function TextField<V extends FormValues>({
  form,
  path,
  label,
  hint,
  type = 'text',
  autoComplete,
  list,
}: FieldProps<V, string> & { type?: 'text' | 'number' | 'url' | 'password' | 'datetime-local'; autoComplete?: string; list?: string }) {
  return (
    <Field problem={form.problemAt(path)} label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          type={type}
          list={list}
          autoComplete={autoComplete ?? 'off'}
          spellCheck={false}
          value={form.values[path] as string}
          onChange={(event) => form.set(path, event.target.value as V[typeof path])}
        />
      )}
    </Field>
  );
}

/** A longer text (a notification's text, a comment) bound to a string value of the form. */
export function TextAreaField<V extends FormValues>({ form, path, label, hint, rows = 4 }: FieldProps<V, string> & { rows?: number }) {
  return (
    <Field problem={form.problemAt(path)} label={label} hint={hint}>
      {(control) => <textarea {...control} rows={rows} value={form.values[path] as string} onChange={(event) => form.set(path, event.target.value as V[typeof path])} />}
    </Field>
  );
}

/** A yes/no bound to a boolean value of the form. */
export function CheckField<V extends FormValues>({ form, path, label, hint }: FieldProps<V, boolean>) {
  return (
    <Field problem={form.problemAt(path)} label={label} hint={hint}>
      {(control) => (
        <input {...control} type="checkbox" className="check" checked={form.values[path] as boolean} onChange={(event) => form.set(path, event.target.checked as V[typeof path])} />
      )}
    </Field>
  );
}

export function SelectField<V extends FormValues>({ form, path, label, hint, options, placeholder }: FieldProps<V, string> & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Field problem={form.problemAt(path)} label={label} hint={hint}>
      {(control) => (
        <select {...control} value={form.values[path] as string} onChange={(event) => form.set(path, event.target.value as V[typeof path])}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What the api expects for a number field: a number, nothing when empty, the text itself when it is none (the schema names that). */
export function numberOrText(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

/** The form's way out: what was refused without naming a field, the send button, and Cancel for an edit. */
export function FormActions({ form, label, onCancel }: { form: Pick<CheckedForm<FormValues>, 'error' | 'pending'>; label: string; onCancel?: () => void }) {
  return (
    <>
      <ErrorNote error={form.error} />
      <div className="row">
        <button type="submit" disabled={form.pending}>
          {label}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
