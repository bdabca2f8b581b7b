import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../middleware/error-handler';

/** Probes and metrics still answer while draining (readiness says 503 by itself). */
const ALWAYS_ANSWERED = new Set(['/healthz', '/readyz', '/metrics']);

/** Seconds a refused client is told to wait: another replica, or this one restarted, takes over by then. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Keep-alive connections through a shutdown. A busy keep-alive client never leaves an
 * idle moment for `server.close()` to end its connection, so without this it keeps
 * sending work to a daemon that is stopping until the grace period kills it. Once
 * `begin()` has been called:
 * - a response still in progress is sent with `Connection: close`, so its connection
 *   ends right after it;
 * - idle keep-alive connections are closed at once;
 * - a request arriving on a connection that is still open is refused with 503,
 *   `Retry-After` and `Connection: close` (probes excepted);
 * - the listening socket is closed, and connections still open when `forceAfterMs` has
 *   passed are destroyed, so the daemon exits within its grace period.
 */
export class ConnectionDrain {
  private draining = false;
  private readonly inProgress = new Set<Response>();
  private closed: Promise<void> | null = null;
  private forceTarget: Server | null = null;

  /** The api's first middleware. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      if (ALWAYS_ANSWERED.has(req.path)) return next();
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return sendError(res, 503, 'shutting_down', 'this api instance is shutting down; retry the request', {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    }
    this.inProgress.add(res);
    const done = () => this.inProgress.delete(res);
    res.once('finish', done);
    res.once('close', done);
    next();
  };

  get isDraining(): boolean {
    return this.draining;
  }

  /** The first step of shutdown: from now on `server` takes no new work. */
  begin(server: Server): void {
    if (this.closed) return;
    this.draining = true;
    for (const res of this.inProgress) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    }
    this.closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    this.forceTarget = server;
  }

  /** Resolves once every connection has ended; destroys those still open after `forceAfterMs` (from now). */
  async finish(forceAfterMs: number): Promise<void> {
    const server = this.forceTarget;
    if (!this.closed || !server) return;
    const force = setTimeout(() => server.closeAllConnections(), forceAfterMs);
    try {
      await this.closed;
    } finally {
      clearTimeout(force);
    }
  }
}
