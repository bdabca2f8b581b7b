import { createHash } from 'node:crypto';

type JsonObject = Record<string, unknown>;

const LOCAL_DEF = /^#\/\$defs\/(.+)$/;
const COMPONENT_PREFIX = '#/components/schemas/';

/** Replaces every `$ref` in `value` through `rewrite`, returning a copy. */
function mapRefs(value: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, rewrite));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? rewrite(inner) : mapRefs(inner, rewrite)]),
  );
}

/**
 * The shared `components/schemas` of one OpenAPI document.
 *
 * zod writes a recursive or reused schema (`z.json()`, anything with a `.meta({ id })`) into
 * the converted schema's own `$defs` and points at it with `#/$defs/…`. Inside an OpenAPI
 * document `#` is the document root, so such a reference dangles once the schema is placed
 * under a path. Every converted schema goes through `hoist`: its `$defs` move here, under a
 * name that does not depend on where they were found, and its references follow them.
 */
export class SchemaComponents {
  private readonly schemas: Record<string, JsonObject> = {};

  constructor(initial: Record<string, JsonObject> = {}) {
    Object.assign(this.schemas, initial);
  }

  /** `schema` without `$defs`, its local references pointing into the components. */
  hoist(schema: JsonObject): JsonObject {
    const { $defs, ...rest } = schema;
    const defs = ($defs ?? {}) as Record<string, JsonObject>;
    const names = new Map(Object.entries(defs).map(([localName, def]) => [localName, this.componentName(localName, def)]));
    const rewrite = (ref: string): string => {
      const local = LOCAL_DEF.exec(ref)?.[1];
      if (local === undefined) return ref;
      const name = names.get(local);
      if (name === undefined) throw new Error(`OpenAPI: the reference ${ref} names no definition of its schema`);
      return `${COMPONENT_PREFIX}${name}`;
    };
    for (const [localName, def] of Object.entries(defs)) {
      const name = names.get(localName) as string;
      const component = mapRefs(def, rewrite) as JsonObject;
      const existing = this.schemas[name];
      if (existing && JSON.stringify(existing) !== JSON.stringify(component)) {
        throw new Error(`OpenAPI: two different schemas are both named ${name} (give one another .meta({ id }))`);
      }
      this.schemas[name] = component;
    }
    return mapRefs(rest, rewrite) as JsonObject;
  }

  all(): Record<string, JsonObject> {
    return { ...this.schemas };
  }

  /**
   * An id given with `.meta({ id })` is kept; zod's positional names (`__schema0`) are
   * replaced by a hash of the definition with its self-references neutralised, so the same
   * schema found under many operations becomes one component.
   */
  private componentName(localName: string, def: JsonObject): string {
    if (!localName.startsWith('__schema')) return localName;
    const canonical = JSON.stringify(mapRefs(def, (ref) => (ref === `#/$defs/${localName}` ? '#self' : ref)));
    return `Schema${createHash('sha256').update(canonical).digest('hex').slice(0, 10)}`;
  }
}

/** Every `$ref` in the document that is not a JSON pointer to something in it. */
export function danglingRefs(document: JsonObject): string[] {
  const dangling = new Set<string>();
  const resolves = (ref: string): boolean => {
    if (!ref.startsWith('#')) return false;
    let node: unknown = document;
    for (const token of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
      node = (node as JsonObject)[key];
    }
    return true;
  };
  mapRefs(document, (ref) => {
    if (!resolves(ref)) dangling.add(ref);
    return ref;
  });
  return [...dangling].sort();
}
