export { createInterflowClient, orThrow, etagOf, type InterflowClient, type InterflowClientOptions } from './interflow-client';
export { InterflowApiError, type ApiErrorDetail } from './api-error';
export type { paths, components, operations, JsonValue } from './generated/openapi';
import type { components } from './generated/openapi';

/** The api's named schemas (`Schemas['Error']`). */
export type Schemas = components['schemas'];
