import { interflowOpenApiDocument } from './openapi/interflow-document';

/**
 * Writes the OpenAPI document to stdout without starting a server or reading any
 * configuration: `node apps/api/dist/print-openapi.js > openapi.json`. The client
 * package's generator runs it.
 */
process.stdout.write(`${JSON.stringify(interflowOpenApiDocument(), null, 2)}\n`);
