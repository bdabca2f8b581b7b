import { Field } from './fields';
import type { Problems } from './schema-problems';

/**
 * One credential in a form. Values are write-only: a set credential shows its name and an
 * empty box; typing a value replaces it, "remove" deletes it, leaving both alone keeps it.
 */
export interface CredentialRow {
  name: string;
  value: string;
  /** Already stored (its value is not known here and never will be). */
  stored: boolean;
  remove: boolean;
}

export function storedCredentialRows(names: string[]): CredentialRow[] {
  return names.map((name) => ({ name, value: '', stored: true, remove: false }));
}

/** What to send: new and replaced values, null for removed ones; undefined when nothing changed. */
export function credentialsBody(rows: CredentialRow[]): Record<string, string | null> | undefined {
  const entries = rows.flatMap((row): [string, string | null][] => {
    if (row.stored && row.remove) return [[row.name, null]];
    return row.name.trim() !== '' && row.value !== '' ? [[row.name.trim(), row.value]] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A value without a name, or a name twice. */
export function credentialProblems(rows: CredentialRow[], path: string): Problems {
  const problems: Problems = new Map();
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (!row.stored && name === '' && row.value !== '') problems.set(`${path}.${index}.name`, 'needs a name');
    else if (name !== '' && seen.has(name)) problems.set(`${path}.${index}.name`, `"${name}" is given twice`);
    seen.add(name);
  });
  return problems;
}

export function CredentialsEditor({
  rows,
  onChange,
  problemAt,
  path,
}: {
  rows: CredentialRow[];
  onChange(rows: CredentialRow[]): void;
  problemAt(path: string): string | undefined;
  path: string;
}) {
  const update = (index: number, patch: Partial<CredentialRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset>
      <legend>Credentials (encrypted at rest, never shown again)</legend>
      {rows.length === 0 && <p className="hint">None set.</p>}
      {rows.map((row, index) =>
        row.stored ? (
          <div className="fields-row" key={`stored-${row.name}`}>
            <Field problem={problemAt(`${path}.${row.name}`)} label={`New value of ${row.name}`} hint="empty: keep the stored value">
              {(control) => (
                <input {...control} type="password" autoComplete="new-password" value={row.value} disabled={row.remove} onChange={(event) => update(index, { value: event.target.value })} />
              )}
            </Field>
            <label className="check-label">
              <input type="checkbox" checked={row.remove} onChange={(event) => update(index, { remove: event.target.checked, value: '' })} /> Remove {row.name}
            </label>
          </div>
        ) : (
          <div className="fields-row" key={`new-${index}`}>
            <Field problem={problemAt(`${path}.${index}.name`)} label={`Credential ${index + 1} name`}>
              {(control) => <input {...control} autoComplete="off" spellCheck={false} value={row.name} onChange={(event) => update(index, { name: event.target.value })} />}
            </Field>
            <Field problem={undefined} label={`Credential ${index + 1} value`}>
              {(control) => <input {...control} type="password" autoComplete="new-password" value={row.value} onChange={(event) => update(index, { value: event.target.value })} />}
            </Field>
          </div>
        ),
      )}
      <button type="button" onClick={() => onChange([...rows, { name: '', value: '', stored: false, remove: false }])}>
        Add a credential
      </button>
    </fieldset>
  );
}
