import { type QueueGauge } from '@interflow/broker';
import { type SqlExecutor } from '@interflow/core';
import { readableDeployments, type Principal } from '@interflow/registry';
import {
  type LoggedEvent,
  compareEventPositions,
  formatEventPosition,
  type EventPosition,
  eventVisibleTo,
  queueVisibleTo,
} from '@interflow/event-log';

/** What a stream writes to its client (better-sse's session, in production). */
export interface EventSink {
  push(data: unknown, kind: string, id?: string): void;
  close(): void;
}

/** How long a "may read this deployment" answer is trusted (access rules can change). */
const READABLE_TTL_MS = 30_000;

/**
 * One open stream: the principal's filter, the position it has been sent up to, and a
 * cache of which deployments it may read (scopes and access rules, asked in batches).
 */
export class EventSubscriber {
  private readonly readable = new Map<string, { allowed: boolean; until: number }>();

  constructor(
    readonly principal: Principal,
    private readonly sink: EventSink,
    /** Sent up to here: events at or before it are not sent again. */
    public position: EventPosition,
    private readonly now: () => number,
  ) {}

  /** Sends the events after this subscriber's position that its principal may see. */
  async deliver(sql: SqlExecutor, events: LoggedEvent[]): Promise<void> {
    const fresh = events.filter((event) => compareEventPositions(event.position, this.position) > 0);
    if (fresh.length === 0) return;
    await this.learnDeployments(sql, fresh);
    for (const event of fresh) {
      if (eventVisibleTo(this.principal, event, (id) => this.readable.get(id)?.allowed ?? false)) {
        const id = formatEventPosition(event.position);
        this.sink.push({ ...event.data, event_id: id, at: event.createdAt.toISOString() }, event.kind, id);
      }
      this.position = event.position;
    }
  }

  /** Depth of the queues this principal may see (not logged, so no id: a reconnect gets a fresh snapshot). */
  pushDepths(depths: QueueGauge[]): void {
    const visible = depths.filter((depth) => queueVisibleTo(this.principal, depth.queue));
    if (visible.length === 0) return;
    this.sink.push(
      { queues: visible.map((d) => ({ queue: d.queue, ready: d.ready, delayed: d.delayed, in_flight: d.inFlight })) },
      'queue.depth',
    );
  }

  /** The stream could not resume where the client asked (outside the replay window). */
  pushReset(reason: string): void {
    this.sink.push({ reason }, 'reset');
  }

  close(): void {
    this.sink.close();
  }

  private async learnDeployments(sql: SqlExecutor, events: LoggedEvent[]): Promise<void> {
    if (this.principal.role === 'admin' && this.principal.deploymentScopes === null) {
      for (const event of events) if (event.deploymentId) this.readable.set(event.deploymentId, { allowed: true, until: Infinity });
      return;
    }
    const now = this.now();
    const unknown = new Set<string>();
    for (const event of events) {
      const id = event.deploymentId;
      if (id && !((this.readable.get(id)?.until ?? 0) > now)) unknown.add(id);
    }
    if (unknown.size === 0) return;
    const allowed = await readableDeployments(sql, this.principal, [...unknown]);
    for (const id of unknown) this.readable.set(id, { allowed: allowed.has(id), until: now + READABLE_TTL_MS });
  }
}
