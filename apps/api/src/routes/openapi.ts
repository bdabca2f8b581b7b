import { Router } from 'express';
import { buildOpenApiDocument } from '../openapi/build-document';
import { allPathSpecs } from '../openapi/paths';

/** `GET /openapi.json`: built once per app from the per-resource path files. */
export function openApiRoutes(): Router {
  const router = Router();
  const document = buildOpenApiDocument(allPathSpecs, '0.1.0');
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
