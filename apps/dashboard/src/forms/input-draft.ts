import { schemaProblems, type JsonSchema, type Problems } from './schema-problems';

/**
 * A run input (or an action's default input) being edited: as fields generated from the
 * method's JSON Schema, or as JSON text. `value` is null while the text is not a JSON object.
 */
export interface InputDraft {
  value: Record<string, unknown> | null;
  text: string;
  asJson: boolean;
  /** Why the text is not a JSON object. */
  parseError?: string;
}

export function draftOf(value: Record<string, unknown> | null | undefined, asJson = false): InputDraft {
  const object = value ?? {};
  return { value: object, text: JSON.stringify(object, null, 2), asJson };
}

export function draftFromText(text: string): InputDraft {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return { value: parsed as Record<string, unknown>, text, asJson: true };
    return { value: null, text, asJson: true, parseError: 'must be a JSON object ({ … })' };
  } catch (error) {
    return { value: null, text, asJson: true, parseError: `is not JSON: ${(error as Error).message}` };
  }
}

export type PropertyKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum';

export interface FlatProperty {
  name: string;
  kind: PropertyKind;
  title: string;
  description?: string;
  required: boolean;
  choices: string[];
}

/** The properties of a schema that fields can show, or null when it is not a flat object of simple values (then: JSON text). */
export function flatProperties(schema: JsonSchema | null): FlatProperty[] | null {
  if (!schema || typeof schema.properties !== 'object' || schema.properties === null) return null;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const properties: FlatProperty[] = [];
  for (const [name, raw] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
    const choices = Array.isArray(raw.enum) && raw.enum.every((item) => typeof item === 'string') ? (raw.enum as string[]) : null;
    const kind: PropertyKind | null = choices ? 'enum' : (['string', 'number', 'integer', 'boolean'] as const).find((type) => raw.type === type) ?? null;
    if (!kind) return null;
    properties.push({
      name,
      kind,
      title: typeof raw.title === 'string' ? raw.title : name,
      description: typeof raw.description === 'string' ? raw.description : undefined,
      required: required.has(name),
      choices: choices ?? [],
    });
  }
  return properties;
}

/** The problems of a draft at `path`: not JSON, or not what the method's schema asks for. */
export function draftProblems(draft: InputDraft, schema: JsonSchema | null, path: string, partial = false): Problems {
  if (!draft.value) return new Map([[path, draft.parseError ?? 'must be a JSON object']]);
  return schema ? schemaProblems(draft.value, schema, { partial, prefix: path }) : new Map();
}
