import { buildOpenApiDocument } from './build-document';
import { allPathSpecs } from './paths';

/** The api's version as documented; bumped with the package. */
export const API_VERSION = '0.1.0';

/** The document `GET /openapi.json` serves and `packages/client` is generated from. */
export function interflowOpenApiDocument(): Record<string, unknown> {
  return buildOpenApiDocument(allPathSpecs, API_VERSION);
}
