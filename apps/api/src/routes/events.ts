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
    // Heartbeats are ours rather than better-sse's keep-alive: its timer runs until the
    // socket's 'close' event, so a stream the hub ends (res.end()) could get a write after end.
    const session = await createSession(req, res, {
      keepAlive: null,
      retry: 2000,
      trustClientEventId: false,
      headers: { 'X-Accel-Buffering': 'no' },
    });
    let ended = false;
    const heartbeat = setInterval(() => {
      if (!ended && session.isConnected) void session.batch((buffer) => void buffer.comment().dispatch());
    }, deps.heartbeatMs);
    const end = () => {
      ended = true;
      clearInterval(heartbeat);
    };
    const subscriber = await deps.events.subscribe(
      principal,
      {
        push: (data, kind, id) => {
          if (ended || !session.isConnected) return;
          // Without an id field, so the client's Last-Event-ID stays the last logged
          // event (better-sse's push would make one up).
          if (id === undefined) void session.batch((buffer) => void buffer.event(kind).data(data).dispatch());
          else session.push(data, kind, id);
        },
        close: () => {
          end();
          res.end();
        },
      },
      resumeFrom,
    );
    const disconnected = () => {
      end();
      deps.events.unsubscribe(subscriber);
    };
    if (!session.isConnected) disconnected();
    else session.once('disconnected', disconnected);
  });

  return router;
}
