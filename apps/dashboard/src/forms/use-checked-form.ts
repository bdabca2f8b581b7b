import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { InterflowApiError } from '../api';
import { mergeProblems, schemaProblems, type JsonSchema, type Problems } from './schema-problems';

export type FormValues = Record<string, unknown>;

export interface CheckedFormOptions<V extends FormValues, B, R> {
  initial: V | (() => V);
  /** The body the form sends, built from its values. */
  toBody(values: V): B;
  /** The JSON Schema of the body: the api's own, from its OpenAPI document. */
  schema: JsonSchema;
  /** Checks the body schema cannot make: an input against its method's schema, JSON text that does not parse. */
  extraProblems?(values: V): Problems;
  send(body: B): Promise<R>;
  onSent?(result: R, values: V): void;
}

export interface CheckedForm<V extends FormValues, R = unknown> {
  values: V;
  set<K extends keyof V & string>(key: K, value: V[K]): void;
  /** The problem to show at a field (or below it): once it was changed, or a send was tried. */
  problemAt(path: string): string | undefined;
  /** Every problem, shown or not: the send button can say how many remain. */
  problems: Problems;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  /** The api's refusal of the last send, as a whole (its fields are also at their fields). */
  error: unknown;
  /** What the last send answered; a reset keeps it (a secret shown once stays on screen). */
  result: R | undefined;
  reset(values: V): void;
}

/** Does `path` lie at or below `key` (or `key` below `path`)? Dotted paths. */
function overlaps(path: string, key: string): boolean {
  return path === key || path.startsWith(`${key}.`) || key.startsWith(`${path}.`);
}

/** The body as it goes over the wire (JSON: no undefined fields), which is what the api checks. */
function asSent(body: unknown): unknown {
  return body === undefined ? undefined : (JSON.parse(JSON.stringify(body)) as unknown);
}

function serverProblems(error: unknown): Problems {
  return new Map(error instanceof InterflowApiError ? error.fields.map((detail) => [detail.field, detail.message] as const) : []);
}

/**
 * A form checked as it is filled in, against the JSON Schema the api checks the request
 * with, so a mistake is named at its field before anything is sent; the api's own field
 * errors land at the same fields. Value keys are the body's dotted paths
 * (`retry_policy.max_attempts`), which is how both name a field.
 */
export function useCheckedForm<V extends FormValues, B, R>(options: CheckedFormOptions<V, B, R>): CheckedForm<V, R> {
  const [values, setValues] = useState<V>(options.initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempts, setAttempts] = useState(0);
  const [refused, setRefused] = useState<Problems>(new Map());
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: (result) => {
      setTouched(new Set());
      setAttempts(0);
      options.onSent?.(result, values);
    },
    onError: (error) => {
      setRefused(serverProblems(error));
      setAttempts((count) => count + 1);
    },
  });
  // Checked when first asked for in a render (not before): `extraProblems` may use what the
  // component computes from the values after this hook, such as the chosen method's schema.
  let checkedNow: Problems | null = null;
  const checked = () =>
    (checkedNow ??= mergeProblems(options.extraProblems?.(values) ?? new Map(), schemaProblems(asSent(options.toBody(values)), options.schema)));
  const problems = () => mergeProblems(refused, checked());

  // after a send that was stopped or refused, the first field in trouble takes the focus (its problem is its description)
  useEffect(() => {
    if (attempts === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const shown = (path: string) => attempts > 0 || refused.has(path) || [...touched].some((key) => overlaps(path, key));
  return {
    values,
    get problems() {
      return problems();
    },
    formRef,
    set: (key, value) => {
      setValues((current) => ({ ...current, [key]: value }));
      setTouched((current) => new Set(current).add(key));
      setRefused((current) => new Map([...current].filter(([path]) => !overlaps(path, key))));
    },
    problemAt: (path) => {
      for (const [at, message] of problems()) {
        if (!shown(at)) continue;
        if (at === path) return message;
        if (at.startsWith(`${path}.`)) return `${at.slice(path.length + 1)} ${message}`;
      }
      return undefined;
    },
    onSubmit: (event) => {
      event.preventDefault();
      setAttempts((count) => count + 1);
      if (checked().size > 0) return; // what the api refused last time it may accept now: it checks again
      mutation.mutate(options.toBody(values));
    },
    pending: mutation.isPending,
    // also when it names fields: one the form does not show would otherwise go unsaid
    error: mutation.error,
    result: mutation.data,
    reset: (next) => {
      setValues(next);
      setTouched(new Set());
      setAttempts(0);
      setRefused(new Map());
    },
  };
}
