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
  /** Canonical text of a well-known shape → its readable component name. */
  private readonly wellKnown = new Map<string, string>();

  /**
   * `initial`: components written by hand (e.g. `Error`); `wellKnown`: schemas, as
   * converted on their own, that get a readable name wherever they turn up (`JsonValue`).
   */
  constructor(initial: Record<string, JsonObject> = {}, wellKnown: Record<string, JsonObject> = {}) {
    Object.assign(this.schemas, initial);
    for (const [name, schema] of Object.entries(wellKnown)) this.wellKnown.set(canonical(schema, '#'), name);
  }

  /** `schema` without `$defs`, its local references pointing into the components. */
  hoist(converted: JsonObject): JsonObject {
    const { $defs, ...root } = converted;
    const defs = { ...(($defs ?? {}) as Record<string, JsonObject>) };
    let schema = root;
    if (refersTo(root, '#')) {
      // A bare recursive schema refers to itself as `#`: it becomes a definition of its own.
      defs.__schemaRoot = mapRefs(root, (ref) => (ref === '#' ? '#/$defs/__schemaRoot' : ref)) as JsonObject;
      schema = { $ref: '#/$defs/__schemaRoot' };
    }
    const names = new Map(
      Object.entries(defs).map(([localName, def]) => [
        localName,
        localName.startsWith('__schema') ? this.componentName(def, `#/$defs/${localName}`) : localName,
      ]),
    );
    const rewrite = (ref: string): string => {
      const local = LOCAL_DEF.exec(ref)?.[1];
      if (local === undefined) return ref;
      const name = names.get(local);
      if (name === undefined) throw new Error(`OpenAPI: the reference ${ref} names no definition of its schema`);
      return `${COMPONENT_PREFIX}${name}`;
    };
    for (const [localName, def] of Object.entries(defs)) this.register(names.get(localName) as string, mapRefs(def, rewrite) as JsonObject);
    return mapRefs(schema, rewrite) as JsonObject;
  }

  private register(name: string, component: JsonObject): void {
    const existing = this.schemas[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(component)) {
      throw new Error(`OpenAPI: two different schemas are both named ${name} (give one another .meta({ id }))`);
    }
    this.schemas[name] = component;
  }

  all(): Record<string, JsonObject> {
    return { ...this.schemas };
  }

  /**
   * zod's positional names (`__schema0`) are replaced by a well-known name, or else by a
   * hash of the definition with its self-references neutralised, so the same schema found
   * under many operations becomes one component. (An id given with `.meta({ id })` is kept.)
   */
  private componentName(def: JsonObject, selfRef: string): string {
    const text = canonical(def, selfRef);
    return this.wellKnown.get(text) ?? `Schema${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
  }
}

function canonical(def: JsonObject, selfRef: string): string {
  return JSON.stringify(mapRefs(def, (ref) => (ref === selfRef ? '#self' : ref)));
}

function refersTo(value: unknown, target: string): boolean {
  let found = false;
  mapRefs(value, (ref) => {
    found ||= ref === target;
    return ref;
  });
  return found;
}

/** Every `$ref` in the document that is not a JSON pointer to something in it. */
export function danglingRefs(document: JsonObject): string[] {
  const dangling = new Set<string>();
  const resolves = (ref: string): boolean => {
    // `#` alone is the whole document, never a schema.
    if (!ref.startsWith('#/')) return false;
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
