import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Validator, type Schema } from '@cfworker/json-schema';
import { orThrow, useClient } from '../api';

/** The JSON Schema of a deployment's method input (null when the method declares none). */
export function useMethodSchema(deploymentId: string | undefined, method: string | undefined): Record<string, unknown> | null {
  const client = useClient();
  const deployment = useQuery({
    queryKey: ['deployment', deploymentId],
    enabled: Boolean(deploymentId),
    queryFn: () => orThrow(client.GET('/v1/deployments/{id}', { params: { path: { id: deploymentId ?? '' } } })),
  });
  const serviceId = deployment.data?.service_id;
  const service = useQuery({
    queryKey: ['service', serviceId],
    enabled: Boolean(serviceId),
    queryFn: () => orThrow(client.GET('/v1/services/{id}', { params: { path: { id: serviceId ?? '' } } })),
  });
  return (service.data?.methods.find((m) => m.name === method)?.input_schema as Record<string, unknown> | null | undefined) ?? null;
}

/** Problems of `text` as a JSON object valid against `schema`; empty when it is fine. */
export function checkJson(text: string, schema: Record<string, unknown> | null, partial = false): { value: Record<string, unknown> | null; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { value: null, problems: [`not JSON: ${(error as Error).message}`] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { value: null, problems: ['expected a JSON object'] };
  if (schema) {
    const checked = partial ? { ...schema, required: [] } : schema;
    const result = new Validator(checked as Schema, '2020-12', false).validate(value);
    if (!result.valid) {
      const problems = result.errors
        .filter((error) => error.keyword !== 'properties' && error.keyword !== 'allOf')
        .map((error) => `${error.instanceLocation === '#' ? 'input' : error.instanceLocation.replace(/^#\//, '')}: ${error.error}`);
      return { value: null, problems: problems.length > 0 ? problems : ['does not match the schema'] };
    }
  }
  return { value: value as Record<string, unknown>, problems: [] };
}

/**
 * A JSON object field checked as you type against a JSON Schema (the same rules the api
 * applies); the form gets the value only while it is valid. `partial`: defaults that the
 * run input completes later, so required fields may be missing.
 */
export function JsonInput({
  id,
  label,
  initial,
  schema,
  partial = false,
  onValid,
}: {
  id: string;
  label: string;
  initial: unknown;
  schema: Record<string, unknown> | null;
  partial?: boolean;
  onValid(value: Record<string, unknown> | null): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(initial ?? {}, null, 2));
  const { problems } = checkJson(text, schema, partial);
  const problemsId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={6}
        spellCheck={false}
        value={text}
        aria-invalid={problems.length > 0}
        aria-describedby={problemsId}
        onChange={(event) => {
          setText(event.target.value);
          onValid(checkJson(event.target.value, schema, partial).value);
        }}
      />
      <ul id={problemsId} className="problems" aria-live="polite">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
