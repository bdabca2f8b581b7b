import type { Request, Response } from 'express';
import { createSession } from 'better-sse';
import { ValidationError } from '@interflow/core';
import { parseEventPosition } from '@interflow/event-log';
import type { Principal } from '@interflow/registry';
import type { EventHub } from './event-hub';

/**
 * Serves one Server-Sent Events stream of the event log for `principal` (filtered for
 * it by the hub): resumes after `Last-Event-ID` when given, sends heartbeat comments,
 * and leaves the hub when the client goes. `/v1/events` and `/v1/inbox/stream` both
 * stream through here.
 */
export async function openEventStream(
  deps: { events: EventHub; heartbeatMs: number },
  principal: Principal,
  req: Request,
  res: Response,
): Promise<void> {
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
}
