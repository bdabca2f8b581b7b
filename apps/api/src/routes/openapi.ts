import { Router } from 'express';
import { interflowOpenApiDocument } from '../openapi/interflow-document';

/** `GET /openapi.json`: built once per app from the per-resource path files. */
export function openApiRoutes(): Router {
  const router = Router();
  const document = interflowOpenApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
