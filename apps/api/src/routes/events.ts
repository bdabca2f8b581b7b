import { Router } from 'express';
import type { EventHub } from '../events/event-hub';
import { openEventStream } from '../events/open-event-stream';
import { requireRole } from '../http/authorize';

/**
 * `GET /v1/events`: Server-Sent Events of what happens, filtered for the token. A client
 * that reconnects sends `Last-Event-ID` and gets exactly the events it missed (within
 * the replay window); heartbeat comments keep proxies from closing an idle stream.
 */
export function eventRoutes(deps: { events: EventHub; heartbeatMs: number }): Router {
  const router = Router();

  router.get('/v1/events', async (req, res) => {
    const principal = requireRole(req, 'viewer');
    await openEventStream(deps, principal, req, res);
  });

  return router;
}
