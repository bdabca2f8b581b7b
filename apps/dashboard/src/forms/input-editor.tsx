import { Field, numberOrText, type KeysOf } from './fields';
import { draftFromText, draftOf, flatProperties, type FlatProperty, type InputDraft } from './input-draft';
import type { JsonSchema } from './schema-problems';
import type { CheckedForm, FormValues } from './use-checked-form';

/**
 * A method input: one field per property when the method's JSON Schema is a flat object
 * of simple values, JSON text otherwise (or on request). Properties the schema does not
 * name are kept as they are. Problems come from the form, checked against that schema.
 */
export function InputEditor<V extends FormValues>({
  form,
  path,
  label,
  schema,
  partial = false,
}: {
  form: CheckedForm<V>;
  path: KeysOf<V, InputDraft>;
  label: string;
  schema: JsonSchema | null;
  partial?: boolean;
}) {
  const draft = form.values[path] as InputDraft;
  const properties = flatProperties(schema);
  const setDraft = (next: InputDraft) => form.set(path, next as V[typeof path]);
  const asJson = draft.asJson || !properties;
  const propertyProblem = (name: string) => form.problemAt(`${path}.${name}`);
  const rootProblem = properties?.some((property) => propertyProblem(property.name)) ? undefined : form.problemAt(path);
  return (
    <fieldset className="input-editor">
      <legend>{label}</legend>
      {asJson ? (
        <Field problem={form.problemAt(path)} label={`${label} as JSON`} hint={schema ? "Checked against the method's JSON Schema as you type." : undefined}>
          {(control) => <textarea {...control} rows={6} spellCheck={false} value={draft.text} onChange={(event) => setDraft(draftFromText(event.target.value))} />}
        </Field>
      ) : (
        <>
          {properties.map((property) => (
            <PropertyField
              key={property.name}
              property={property}
              partial={partial}
              problem={propertyProblem(property.name)}
              value={draft.value?.[property.name]}
              onChange={(value) => {
                const next = { ...draft.value };
                if (value === undefined) delete next[property.name];
                else next[property.name] = value;
                setDraft(draftOf(next));
              }}
            />
          ))}
          {rootProblem && <p className="problem">{`${label}: ${rootProblem}`}</p>}
        </>
      )}
      {properties && draft.value && (
        <button type="button" className="link-like" onClick={() => setDraft(draftOf(draft.value, !asJson))}>
          {asJson ? `Edit ${label.toLowerCase()} as fields` : `Edit ${label.toLowerCase()} as JSON`}
        </button>
      )}
    </fieldset>
  );
}

function PropertyField({
  property,
  partial,
  problem,
  value,
  onChange,
}: {
  property: FlatProperty;
  partial: boolean;
  problem: string | undefined;
  value: unknown;
  onChange(value: unknown): void;
}) {
  const hint = [property.description, property.required && !partial ? 'required' : undefined].filter(Boolean).join(' · ') || undefined;
  return (
    <Field problem={problem} label={property.title} hint={hint}>
      {(control) => {
        switch (property.kind) {
          case 'boolean':
            return <input {...control} type="checkbox" className="check" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
          case 'enum':
            return (
              <select {...control} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value || undefined)}>
                <option value="">—</option>
                {property.choices.map((choice) => (
                  <option key={choice}>{choice}</option>
                ))}
              </select>
            );
          case 'number':
          case 'integer':
            return <input {...control} type="number" value={value === undefined ? '' : String(value)} onChange={(event) => onChange(numberOrText(event.target.value))} />;
          default:
            return (
              <input
                {...control}
                type="text"
                spellCheck={false}
                autoComplete="off"
                value={value === undefined ? '' : String(value)}
                onChange={(event) => onChange(event.target.value === '' && partial ? undefined : event.target.value)}
              />
            );
        }
      }}
    </Field>
  );
}
