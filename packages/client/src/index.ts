export { createInterflowClient, orThrow, etagOf, type InterflowClient, type InterflowClientOptions } from './interflow-client';
export { InterflowApiError, type ApiErrorDetail } from './api-error';
export type { paths, components, operations, JsonValue } from './generated/openapi';
/** The OpenAPI document the types were generated from (request schemas for validating ahead of a call). */
export { default as openApiDocument } from './generated/openapi.json';
import type { components } from './generated/openapi';

/** The api's named schemas (`Schemas['Error']`). */
export type Schemas = components['schemas'];
