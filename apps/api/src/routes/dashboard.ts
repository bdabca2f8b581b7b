import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { sendError } from '../middleware/error-handler';

/**
 * Headers for the dashboard's pages: scripts only from this origin, no framing, no
 * referrer (nothing of the page leaks with outgoing links).
 */
function dashboardHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

/**
 * `/ui`: the dashboard's static files (apps/dashboard, built by `npm run build`), same
 * origin as the API. Hashed assets are cached for good; every other path under /ui is
 * the single page (index.html, never cached), which routes in the browser. Without a
 * built dashboard, /ui answers 404 saying so. Middleware only, no API routes.
 */
export function dashboardRoutes(dashboardDir: string | null): Router {
  const router = Router();
  const index = dashboardDir ? path.join(dashboardDir, 'index.html') : null;
  router.use('/ui', dashboardHeaders);
  router.use('/ui', (req, res, next) => {
    if (!index || !fs.existsSync(index)) {
      sendError(res, 404, 'not_found', 'the dashboard is not built here (npm run build builds apps/dashboard)');
      return;
    }
    if (req.originalUrl === '/ui') {
      res.redirect(301, '/ui/');
      return;
    }
    next();
  });
  if (dashboardDir) {
    router.use('/ui/assets', express.static(path.join(dashboardDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
    router.use('/ui/assets', (req, res) => {
      sendError(res, 404, 'not_found', `no dashboard file ${req.path}`);
    });
    router.use('/ui', (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index as string);
    });
  }
  return router;
}
