import type express from 'express';

export interface RouteEntry {
  method: string;
  /** In OpenAPI form: `/v1/tokens/{id}`. */
  path: string;
}

interface StackLayer {
  rawPath?: unknown;
  slash?: boolean;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: StackLayer[] };
}

/** `/v1/tokens/:id` → `/v1/tokens/{id}`. */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Every route of an express 5 app, found by walking the router stack: route layers
 * carry their path and methods, mounted routers their mount path (`rawPath`).
 */
export function listExpressRoutes(app: express.Express): RouteEntry[] {
  const root = (app as unknown as { router: { stack: StackLayer[] } }).router;
  const routes: RouteEntry[] = [];
  const walk = (stack: StackLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        if (typeof layer.route.path !== 'string') throw new Error(`route path ${String(layer.route.path)} is not a string`);
        for (const [method, enabled] of Object.entries(layer.route.methods)) {
          if (enabled && method !== '_all') routes.push({ method, path: toOpenApiPath(prefix + layer.route.path) });
        }
      } else if (layer.handle?.stack) {
        const mount = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk(root.stack, '');
  return routes;
}
