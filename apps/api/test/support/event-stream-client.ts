import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type express from 'express';
import { createParser } from 'eventsource-parser';

export interface StreamedEvent {
  kind: string;
  id: string | undefined;
  data: Record<string, unknown>;
}

export interface EventStreamClient {
  status: number;
  events: StreamedEvent[];
  /** Heartbeat comments received. */
  comments: number;
  close(): void;
}

/** Serves the app on a free port for clients that need a real socket (streams). */
export async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Opens `GET /v1/events` (or another stream path) and records every event and comment as it arrives. */
export async function openEventStream(baseUrl: string, token: string, lastEventId?: string, path = '/v1/events'): Promise<EventStreamClient> {
  const abort = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await fetch(`${baseUrl}${path}`, { headers, signal: abort.signal });
  const client: EventStreamClient = { status: response.status, events: [], comments: 0, close: () => abort.abort() };
  if (!response.ok || !response.body) return client;
  const parser = createParser({
    onEvent: (event) => client.events.push({ kind: event.event ?? 'message', id: event.id, data: JSON.parse(event.data) }),
    onComment: () => {
      client.comments += 1;
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    } catch {
      // aborted by close()
    }
  })();
  return client;
}
