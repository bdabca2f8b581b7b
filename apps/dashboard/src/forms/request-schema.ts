import schemas from 'virtual:request-schemas';
import type { paths } from '@interflow/client';
import type { JsonSchema } from './schema-problems';

type WriteMethod = 'post' | 'patch' | 'put';
type OperationsOf<P extends keyof paths> = {
  [M in WriteMethod & keyof paths[P]]: [paths[P][M]] extends [never] | [undefined] ? never : `${Uppercase<M>} ${P & string}`;
}[WriteMethod & keyof paths[P]];
type Operation = { [P in keyof paths]: OperationsOf<P> }[keyof paths];

/** The JSON Schema the api checks the body of `operation` with (from its OpenAPI document). */
export function requestSchema(operation: Operation): JsonSchema {
  const schema = schemas[operation];
  if (!schema) throw new Error(`the OpenAPI document has no request body for ${operation}`);
  return schema;
}
