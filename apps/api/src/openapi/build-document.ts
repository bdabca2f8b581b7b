import { z } from 'zod';
import { HTTP_METHODS, type OperationSpec, type PathSpecs } from './operation-spec';
import { danglingRefs, SchemaComponents } from './schema-components';

type JsonObject = Record<string, unknown>;

/**
 * JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) of a zod schema, without `$schema`;
 * its definitions go to the document's components (the only way a schema reaches the
 * document, so no operation can carry a reference that points nowhere).
 */
function jsonSchemaOf(components: SchemaComponents, schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  return components.hoist(rootSchemaOf(schema, io));
}

function rootSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonObject {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  const { $schema: _dialect, ...rest } = converted;
  return rest;
}

function parametersOf(components: SchemaComponents, location: 'path' | 'query', schema: z.ZodObject | undefined): JsonObject[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    return {
      name,
      in: location,
      // A field that accepts `undefined` (optional or defaulted) is not required.
      required: location === 'path' || !fieldSchema.safeParse(undefined).success,
      schema: jsonSchemaOf(components, fieldSchema, 'input'),
    };
  });
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { description: 'for a 400, [{field, message}] naming each bad field; otherwise an object, at least {}' },
      },
    },
  },
};

const errorResponse = (description: string, headers?: Record<string, string>) => ({
  description,
  ...(headers
    ? { headers: Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }])) }
    : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Methods whose body the api reads (as JSON, whether or not the operation needs one). */
const BODY_METHODS = new Set(['post', 'put', 'patch']);

/**
 * The error responses the edge can give an operation whatever its handler does: server.ts
 * mounts the request-line guard and the JSON body reader in front of every `/v1` route.
 */
function edgeResponses(method: string, path: string): JsonObject {
  const responses: JsonObject = {};
  if (path.startsWith('/v1/')) {
    responses['400'] = errorResponse(
      'the request is invalid or malformed (a path or query not valid percent-encoded UTF-8, a NUL character, ' +
        'a body that is not UTF-8 JSON, a bad field); details name each field',
    );
    responses['431'] = errorResponse('the request line and headers together exceed 16 KB (a path or query string that long)');
  }
  if (BODY_METHODS.has(method)) {
    responses['413'] = errorResponse('the request body is larger than the configured BODY_LIMIT (measured after inflating)');
    responses['415'] = errorResponse(
      'the request body is not application/json (or is in another charset than UTF-8), or its Content-Encoding is not identity, gzip, deflate or br',
    );
  }
  return responses;
}

function operationObject(components: SchemaComponents, spec: OperationSpec, operationId: string, method: string, path: string): JsonObject {
  const parameters = [
    ...parametersOf(components, 'path', spec.params),
    ...parametersOf(components, 'query', spec.query),
    ...Object.entries(spec.headers ?? {}).map(([name, header]) => ({
      name,
      in: 'header',
      required: header.required ?? false,
      description: header.description,
      schema: { type: 'string' },
    })),
  ];
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? { content: { 'application/json': { schema: jsonSchemaOf(components, response.schema, 'output') } } } : {}),
      ...(response.content ? { content: { [response.content.mediaType]: { schema: response.content.schema } } } : {}),
      ...(response.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
            ),
          }
        : {}),
    };
  }
  for (const [status, response] of Object.entries(edgeResponses(method, path))) responses[status] ??= response;
  if (spec.params || spec.query || spec.body) responses['400'] ??= errorResponse('the request is invalid; details name each field');
  if (spec.auth !== 'none') {
    responses['401'] ??= errorResponse('no valid bearer token', {
      'WWW-Authenticate': 'the Bearer challenge (RFC 6750): realm, and error=invalid_request|invalid_token when a header was sent',
    });
    responses['403'] ??= errorResponse(`the token's role is weaker than ${spec.auth}`);
    responses['503'] ??= {
      ...errorResponse('the database is unavailable (down or restarting) or this instance is shutting down: retry'),
      headers: { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'string' } } },
    };
  }
  return {
    operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    security: spec.auth === 'none' ? [] : [{ bearer: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(components, spec.body, 'input') } } } }
      : {}),
    responses,
  };
}

/** `get /v1/tokens/{id}` → `getV1TokensById`: stable, unique operation ids for client generators. */
function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith('{') ? `By${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${method}${words.join('')}`;
}

/** The OpenAPI 3.1 document of the given path specs. */
export function buildOpenApiDocument(pathSpecs: PathSpecs[], version: string): JsonObject {
  const components = new SchemaComponents({ Error: errorSchema }, { JsonValue: rootSchemaOf(z.json()) });
  const paths: Record<string, JsonObject> = {};
  for (const specs of pathSpecs) {
    for (const [path, operations] of Object.entries(specs)) {
      const item = (paths[path] ??= {});
      for (const method of HTTP_METHODS) {
        const spec = operations[method];
        if (!spec) continue;
        if (item[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is documented twice`);
        item[method] = operationObject(components, spec, operationIdOf(method, path), method, path);
      }
    }
  }
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Interflow API',
      version,
      description: 'Connector registry, message queue and scheduler management API. JSON in and out, snake_case fields.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'an Interflow API token (ifw_...)' } },
      schemas: components.all(),
    },
    paths,
  };
  const dangling = danglingRefs(document);
  if (dangling.length > 0) throw new Error(`OpenAPI: references that point nowhere: ${dangling.join(', ')}`);
  return document;
}
