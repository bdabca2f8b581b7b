import { fetchEventSource } from '@microsoft/fetch-event-source';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveEvent {
  kind: string;
  data: Record<string, unknown>;
}

class FatalStreamError extends Error {}

/**
 * Follows an event stream (`GET /v1/events`, or `/v1/inbox/stream` for a token bound to a
 * recipient) with the token in the Authorization header (EventSource
 * cannot send one, and the token must not go into the URL). On a dropped connection it
 * reconnects with Last-Event-ID, so the server replays what was missed; a 401/403 stops.
 */
export function followEvents(
  path: '/v1/events' | '/v1/inbox/stream',
  token: string,
  handlers: { onEvent(event: LiveEvent): void; onStatus(status: LiveStatus): void; onDenied(): void },
): () => void {
  const abort = new AbortController();
  handlers.onStatus('connecting');
  void fetchEventSource(path, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
    openWhenHidden: true,
    async onopen(response) {
      if (response.status === 401 || response.status === 403) {
        handlers.onDenied();
        throw new FatalStreamError('denied');
      }
      if (!response.ok) throw new Error(`event stream answered ${response.status}`);
      handlers.onStatus('live');
    },
    onmessage(message) {
      if (!message.event) return;
      try {
        handlers.onEvent({ kind: message.event, data: JSON.parse(message.data) as Record<string, unknown> });
      } catch {
        // a line that is not JSON is not ours; ignore it
      }
    },
    onerror(error) {
      if (error instanceof FatalStreamError) throw error;
      handlers.onStatus('reconnecting');
      return 2000;
    },
    onclose() {
      handlers.onStatus('reconnecting');
      throw new Error('closed');
    },
  }).catch(() => undefined);
  return () => abort.abort();
}
