import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { inCallSpan } from './call-trace';
import { CONTEXT_HEADER, decodeCallEnvelope, signedPayloadOf } from './call-wire';
import { ConnectorError, RateLimitedError } from './errors';
import { describeMethod, type ResolvedMethod } from './method';
import { verifyCallSignature } from './verify-call';

export interface ConnectorOptions {
  /** The service's name, shown by GET /methods. */
  name: string;
  /** The service's signing secret (the same the service was registered with). */
  signingSecret: string;
  methods: ResolvedMethod[];
  /** Accepted clock difference between runner and connector. Default 5 minutes. */
  signatureToleranceMs?: number;
  /**
   * Also accept calls signed only with the original `x-interflow-signature` scheme
   * (runners from before Standard Webhooks). Default true during the transition.
   */
  acceptLegacySignature?: boolean;
  /** Largest accepted request, e.g. '1mb' (default). */
  bodyLimit?: string;
  /** Tests drive the clock; default the system clock. */
  now?: () => Date;
  /** Called with every error a handler throws that is not a ConnectorError (answered 500). */
  onUnexpectedError?: (error: unknown, method: string) => void;
}

/**
 * A connector as an express app: `GET /methods` describes the methods, `GET /healthz`
 * answers, and each method listens on its verb and path. A method call is verified
 * (signature and freshness, 401 otherwise), its context decoded (400 when malformed), its
 * input checked against the method's schema (400 naming the fields), then handed to the
 * handler; what the handler returns is the 200 JSON response, what it throws becomes the
 * status the runner acts on. Mount it, or `listen` on it directly.
 */
export function createConnector(options: ConnectorOptions): express.Express {
  if (!options.signingSecret) throw new Error('createConnector: signingSecret is required');
  assertUniqueRoutes(options.methods);
  const app = express();
  app.disable('x-powered-by');
  // An answer to a signed call is never asked for again with If-None-Match: hashing each one for an ETag is wasted.
  app.set('etag', false);
  const description = { service: options.name, methods: options.methods.map(describeMethod) };
  app.get('/methods', (_req, res) => {
    res.json(description);
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Raw text, not parsed JSON: the signature covers the exact bytes sent.
  const rawBody = express.text({ type: () => true, limit: options.bodyLimit ?? '1mb' });
  for (const method of options.methods) {
    const route = method.path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
    const verb = method.verb.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    app[verb](route, rawBody, (req, res) => {
      void handleCall(options, method, req, res);
    });
  }
  app.use((req: Request, res: Response) => {
    sendError(res, 404, 'route_not_found', `no method at ${req.method} ${req.path}`);
  });
  return app;
}

async function handleCall(options: ConnectorOptions, method: ResolvedMethod, req: Request, res: Response) {
  const rawBody = typeof req.body === 'string' ? req.body : '';
  const contextHeader = req.header(CONTEXT_HEADER);
  const payload = signedPayloadOf(req.method, rawBody, contextHeader);
  const verdict = verifyCallSignature({
    secret: options.signingSecret,
    payload,
    header: (name) => req.header(name),
    now: options.now?.(),
    toleranceMs: options.signatureToleranceMs,
    acceptLegacy: options.acceptLegacySignature ?? true,
  });
  if (!verdict.valid) return sendError(res, 401, `signature_${verdict.reason}`, verdict.message);

  let envelope;
  try {
    envelope = decodeCallEnvelope(req.method, payload);
  } catch (error) {
    return sendError(res, 400, 'invalid_context', 'the call context is not valid', fieldProblems(error));
  }
  const input = method.input.safeParse(envelope.input);
  if (!input.success) {
    return sendError(res, 400, 'validation_failed', `the input does not match method '${method.name}'`, fieldProblems(input.error));
  }

  const hangUp = runnerHangUp(res);
  try {
    const call = envelope;
    const result = await inCallSpan(req.headers, options.name, method.name, async () =>
      method.handler({
        deployment: call.deployment,
        input: input.data,
        run: { id: call.run.id, actionId: call.run.action_id },
        attempt: call.attempt,
        get signal() {
          return hangUp.signal();
        },
      }),
    );
    res.status(200).json(result ?? null);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      res.setHeader('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    }
    if (error instanceof ConnectorError) return sendError(res, error.status, error.code, error.message, error.details);
    options.onUnexpectedError?.(error, method.name);
    sendError(res, 500, 'internal', `method '${method.name}' failed unexpectedly`);
  }
}

/**
 * The signal a handler gets: aborted when the runner hung up before the answer was sent.
 * Made only when the handler looks at it (most answer at once and never do).
 */
function runnerHangUp(res: Response): { signal(): AbortSignal } {
  let controller: AbortController | null = null;
  let hungUp = false;
  res.on('close', () => {
    if (res.writableFinished) return;
    hungUp = true;
    controller?.abort();
  });
  return {
    signal() {
      if (!controller) {
        controller = new AbortController();
        if (hungUp) controller.abort();
      }
      return controller.signal;
    },
  };
}

function sendError(res: Response, status: number, code: string, message: string, details?: unknown) {
  if (res.headersSent) return;
  res.status(status).json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

function fieldProblems(error: unknown): { field: string; message: string }[] | undefined {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => ({ field: issue.path.join('.') || '(root)', message: issue.message }));
  }
  if (error instanceof SyntaxError) return [{ field: '(body)', message: 'not valid JSON' }];
  return undefined;
}

function assertUniqueRoutes(methods: ResolvedMethod[]) {
  const names = new Set<string>();
  const routes = new Set<string>();
  for (const method of methods) {
    const route = `${method.verb} ${method.path}`;
    if (names.has(method.name)) throw new Error(`createConnector: method '${method.name}' is declared twice`);
    if (routes.has(route)) throw new Error(`createConnector: two methods answer ${route}`);
    names.add(method.name);
    routes.add(route);
  }
}
