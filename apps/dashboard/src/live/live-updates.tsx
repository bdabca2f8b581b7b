import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { followEvents, type LiveEvent, type LiveStatus } from './event-stream';

export interface QueueDepth {
  ready: number;
  delayed: number;
  in_flight: number;
}

interface Live {
  status: LiveStatus;
  depths: Map<string, QueueDepth>;
}

const LiveContext = createContext<Live>({ status: 'connecting', depths: new Map() });

export function useLive(): Live {
  return useContext(LiveContext);
}

/** Which cached queries an event makes stale. */
function staleKeysOf(event: LiveEvent): string[][] {
  if (event.kind.startsWith('run.')) return [['runs'], ['run', String(event.data.run_id)], ['overview']];
  if (event.kind === 'message.dead_lettered') return [['queues'], ['queue']];
  if (event.kind === 'schedule.fired') return [['schedules'], ['schedule'], ['overview']];
  if (event.kind.startsWith('notification.')) return [['inbox'], ['notifications'], ['notification', String(event.data.notification_id)]];
  if (event.kind === 'reset') return [[]];
  return [];
}

/**
 * Keeps the open views current from the event stream instead of polling: each event
 * marks the queries it concerns stale (batched, at most every 300 ms), so the visible
 * ones refetch their current page from the server.
 */
function useStaleBatcher(queryClient: QueryClient) {
  const pending = useRef(new Map<string, string[]>());
  const timer = useRef<number | null>(null);
  return (keys: string[][]) => {
    for (const key of keys) pending.current.set(JSON.stringify(key), key);
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      const keysNow = [...pending.current.values()];
      pending.current.clear();
      for (const queryKey of keysNow) void queryClient.invalidateQueries({ queryKey });
    }, 300);
  };
}

/** Follows `path`: the event stream, or a recipient token's own inbox stream. */
export function LiveUpdates({ path, token, onDenied, children }: { path: '/v1/events' | '/v1/inbox/stream'; token: string; onDenied(): void; children: ReactNode }) {
  const queryClient = useQueryClient();
  const markStale = useStaleBatcher(queryClient);
  const [live, setLive] = useState<Live>({ status: 'connecting', depths: new Map() });
  const markStaleRef = useRef(markStale);
  markStaleRef.current = markStale;
  const deniedRef = useRef(onDenied);
  deniedRef.current = onDenied;

  useEffect(
    () =>
      followEvents(path, token, {
        onStatus: (status) => setLive((current) => ({ ...current, status })),
        onDenied: () => deniedRef.current(),
        onEvent: (event) => {
          if (event.kind === 'queue.depth') {
            const queues = (event.data.queues ?? []) as ({ queue: string } & QueueDepth)[];
            setLive((current) => {
              const depths = new Map(current.depths);
              for (const { queue, ...depth } of queues) depths.set(queue, depth);
              return { ...current, depths };
            });
            return;
          }
          markStaleRef.current(staleKeysOf(event));
        },
      }),
    [path, token],
  );

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
