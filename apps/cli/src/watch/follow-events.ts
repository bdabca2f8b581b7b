import { EventSource, type ErrorEvent } from 'eventsource';
import { InterflowApiError } from '@interflow/client';
import { CLI_VERSION } from '../api';
import type { Context } from '../contexts';
import { CommandFailed } from '../usage-error';

export interface FollowOptions {
  /** The SSE event kinds to listen to (`reset` is always listened to). */
  kinds: readonly string[];
  /** Resume after this event id (sent as Last-Event-ID on the first connection). */
  since?: string;
  onEvent(kind: string, data: unknown): void;
  /** The stream was cut and is being resumed, or has been; for a line on stderr. */
  onStatus(message: string): void;
  /** Ends the stream (the promise resolves). */
  signal?: AbortSignal;
}

/**
 * Follows `GET /v1/events` until `signal` aborts or `stop` is called. A dropped connection
 * is resumed by the EventSource client with `Last-Event-ID` (so no event is missed or
 * repeated within the api's replay window); a refusal (401, 403, 400) or an api that
 * cannot be reached at the start ends it with an error naming why.
 */
export function followEvents(context: Context, options: FollowOptions): { done: Promise<void>; stop: () => void } {
  let refusal: InterflowApiError | undefined;
  let opened = false;
  let connected = false;
  let lastEventId = options.since;
  const source = new EventSource(new URL('v1/events', context.url.endsWith('/') ? context.url : `${context.url}/`), {
    fetch: async (url, init) => {
      const headers: Record<string, string> = { ...init.headers, authorization: `Bearer ${context.token}`, 'user-agent': `interflow-cli/${CLI_VERSION}` };
      if (options.since && !headers['Last-Event-ID']) headers['Last-Event-ID'] = options.since;
      const response = await fetch(url, { ...init, headers });
      if (!response.ok) refusal = InterflowApiError.fromBody(response.status, await response.clone().json().catch(() => undefined));
      return response;
    },
  });
  let settle: (error?: Error) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => {
      source.close();
      options.signal?.removeEventListener('abort', stop);
      if (error) reject(error);
      else resolve();
    };
  });
  const stop = () => settle();
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });

  source.onopen = () => {
    if (opened) options.onStatus(`reconnected; resuming after ${lastEventId ?? 'the start'}`);
    opened = true;
    connected = true;
  };
  source.onerror = (event: ErrorEvent) => {
    if (source.readyState === source.CLOSED) return settle(refusal ?? new CommandFailed(`the event stream failed: ${event.message ?? 'closed'}`));
    if (!opened) return settle(new CommandFailed(`cannot reach the api's event stream (${event.message ?? 'network error'})`));
    // Said once per outage, not at every retry.
    if (connected) options.onStatus(`event stream lost (${event.message ?? 'closed'}); reconnecting`);
    connected = false;
  };
  for (const kind of [...options.kinds, 'reset']) {
    source.addEventListener(kind, (event) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
      try {
        options.onEvent(kind, JSON.parse(String(event.data)));
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
  return { done, stop };
}
