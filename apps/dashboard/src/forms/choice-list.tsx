import { useId } from 'react';
import type { KeysOf } from './fields';
import type { CheckedForm, FormValues } from './use-checked-form';

/**
 * A set of ids chosen with checkboxes (deployments a token reaches, the groups of a
 * recipient, the addressees of a notification), bound to a string[] value of the form.
 * Its problem is the fieldset's description, as a field's is.
 */
export function ChoiceList<V extends FormValues>({
  form,
  path,
  legend,
  choices,
  empty = 'None to choose from.',
}: {
  form: CheckedForm<V>;
  path: KeysOf<V, string[]>;
  legend: string;
  choices: { id: string; name: string }[];
  empty?: string;
}) {
  const problemId = useId();
  const chosen = new Set(form.values[path] as string[]);
  const problem = form.problemAt(path);
  const toggle = (id: string, on: boolean) => form.set(path, (on ? [...chosen, id] : [...chosen].filter((other) => other !== id)) as V[typeof path]);
  return (
    <fieldset aria-describedby={problemId}>
      <legend>{legend}</legend>
      {choices.length === 0 && <p className="hint">{empty}</p>}
      {choices.map((choice) => (
        <label key={choice.id} className="check-label">
          <input type="checkbox" checked={chosen.has(choice.id)} onChange={(event) => toggle(choice.id, event.target.checked)} /> {choice.name}
        </label>
      ))}
      <p className="problem" id={problemId}>
        {problem ? `${legend}: ${problem}` : ''}
      </p>
    </fieldset>
  );
}
