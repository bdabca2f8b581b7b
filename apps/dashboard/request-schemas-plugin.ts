import fs from 'node:fs';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:request-schemas';
const RESOLVED_ID = `\0${MODULE_ID}`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `#/components/schemas/X` → `#/$defs/X`, so each request schema stands alone. */
function localRefs(schema: Json, used: Set<string>): Json {
  if (Array.isArray(schema)) return schema.map((item) => localRefs(item, used));
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        used.add(name);
        return [key, `#/$defs/${name}`];
      }
      return [key, localRefs(value, used)];
    }),
  );
}

/**
 * `virtual:request-schemas`: the JSON Schema of every request body in the api's OpenAPI
 * document, keyed `"POST /v1/actions"`, taken at build time. The forms check what they
 * send against the same schemas the api validates with, and only these few KB ship
 * (the whole document is about 30 KB gzipped).
 */
export function requestSchemas(openApiPath: string): Plugin {
  return {
    name: 'interflow-request-schemas',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(openApiPath);
      const document = JSON.parse(fs.readFileSync(openApiPath, 'utf8')) as {
        paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Json }> } }>>;
        components?: { schemas?: Record<string, Json> };
      };
      const schemas: Record<string, Json> = {};
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          if (schema === undefined) continue;
          const used = new Set<string>();
          const local = localRefs(schema, used);
          const defs = Object.fromEntries([...used].map((name) => [name, localRefs(document.components?.schemas?.[name] ?? {}, new Set())]));
          schemas[`${method.toUpperCase()} ${path}`] = used.size > 0 && local && typeof local === 'object' && !Array.isArray(local) ? { ...local, $defs: defs } : local;
        }
      }
      return `export default ${JSON.stringify(schemas)};`;
    },
  };
}
