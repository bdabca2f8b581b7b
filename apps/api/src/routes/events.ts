import { Router } from 'express';
import { createSession } from 'better-sse';
import { ValidationError } from '@interflow/core';
import { parseEventPosition } from '@interflow/event-log';
import type { EventHub } from '../events/event-hub';
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
    const lastEventId = req.header('last-event-id')?.trim();
    const resumeFrom = lastEventId ? parseEventPosition(lastEventId) : null;
    if (lastEventId && !resumeFrom) {
      throw new ValidationError('the Last-Event-ID header is not an event id this stream gave out', [
        { field: 'Last-Event-ID', message: 'expected <tx>-<id>, as in an event id' },
      ]);
    }
    const session = await createSession(req, res, {
      keepAlive: deps.heartbeatMs,
      retry: 2000,
      trustClientEventId: false,
      headers: { 'X-Accel-Buffering': 'no' },
    });
    const subscriber = await deps.events.subscribe(
      principal,
      {
        push: (data, kind, id) => {
          if (!session.isConnected) return;
          // Without an id field, so the client's Last-Event-ID stays the last logged
          // event (better-sse's push would make one up).
          if (id === undefined) void session.batch((buffer) => void buffer.event(kind).data(data).dispatch());
          else session.push(data, kind, id);
        },
        close: () => res.end(),
      },
      resumeFrom,
    );
    if (!session.isConnected) deps.events.unsubscribe(subscriber);
    session.once('disconnected', () => deps.events.unsubscribe(subscriber));
  });

  return router;
}
