import { type Broker, type QueueGauge } from '@interflow/broker';
import { type Clock, type Logger, type Sql } from '@interflow/core';
import { type Principal } from '@interflow/registry';
import { eventIsKept, eventLogHead, readEventsAfter, compareEventPositions, type EventPosition } from '@interflow/event-log';
import { EventSubscriber, type EventSink } from './event-subscriber';

export interface EventHubSettings {
  /** How often the log is read while a stream is open. */
  pollIntervalMs: number;
  /** How often queue depths are read while a stream is open (depth events are throttled to this). */
  depthIntervalMs: number;
}

const BATCH = 500;

/**
 * The event streams of one api instance. One loop reads the event log (every instance
 * reads the same table, so events from every daemon reach every instance) and hands each
 * batch to every open stream, which filters it for its token.
 *
 * Everything that moves a position runs one at a time (`serially`): a joining stream
 * replays its missed events up to the hub's position and only then takes part in the
 * next read, so no event falls between replay and live (no gap, no repeat).
 */
export class EventHub {
  private readonly subscribers = new Set<EventSubscriber>();
  /** Read up to here; null while nobody listens (the next stream starts from the head). */
  private position: EventPosition | null = null;
  private chain: Promise<void> = Promise.resolve();
  private pollTimer: NodeJS.Timeout | null = null;
  private depthTimer: NodeJS.Timeout | null = null;
  private lastDepths = new Map<string, string>();
  private closed = false;

  constructor(
    private readonly deps: { sql: Sql; broker: Pick<Broker, 'queueGauges'>; logger: Logger; clock: Clock; settings: EventHubSettings },
  ) {}

  /**
   * Opens a stream for `principal`, from `resumeFrom` (the client's Last-Event-ID) or
   * from now. Events the client missed are sent first; if the position is no longer in
   * the log (pruned), the stream starts with a `reset` event and goes on from now.
   */
  async subscribe(principal: Principal, sink: EventSink, resumeFrom: EventPosition | null): Promise<EventSubscriber> {
    if (this.closed) throw new Error('event hub closed');
    return this.serially(async () => {
      const { sql } = this.deps;
      const head = (this.position ??= await eventLogHead(sql));
      const subscriber = new EventSubscriber(principal, sink, head, () => this.deps.clock.now().getTime());
      if (resumeFrom && compareEventPositions(resumeFrom, head) !== 0) {
        if (!(await eventIsKept(sql, resumeFrom))) {
          subscriber.pushReset('the last event id is outside the replay window (or unknown); reload, then follow from here');
        } else if (compareEventPositions(resumeFrom, head) > 0) {
          // Seen on another instance that had read further: this one skips up to there.
          subscriber.position = resumeFrom;
        } else {
          subscriber.position = resumeFrom;
          for (;;) {
            const events = await readEventsAfter(sql, subscriber.position, { limit: BATCH, upTo: head });
            const last = events[events.length - 1];
            if (!last) break;
            await subscriber.deliver(sql, events);
            subscriber.position = last.position;
          }
          subscriber.position = head;
        }
      }
      const depths = this.lastDepths.size > 0 ? await this.deps.broker.queueGauges() : null;
      if (depths) subscriber.pushDepths(depths);
      this.subscribers.add(subscriber);
      this.startTimers();
      return subscriber;
    });
  }

  unsubscribe(subscriber: EventSubscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.stopTimers();
  }

  /** Ends every stream (clients reconnect elsewhere, with their Last-Event-ID) and stops reading. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    await this.chain;
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
  }

  get streamCount(): number {
    return this.subscribers.size;
  }

  /** One read of the log, handed to every stream; the timer calls it, tests may too. */
  async pollOnce(): Promise<void> {
    await this.serially(async () => {
      if (this.position === null || this.subscribers.size === 0) return;
      for (;;) {
        const events = await readEventsAfter(this.deps.sql, this.position, { limit: BATCH });
        const last = events[events.length - 1];
        if (!last) return;
        for (const subscriber of this.subscribers) await subscriber.deliver(this.deps.sql, events);
        this.position = last.position;
        if (events.length < BATCH) return;
      }
    });
  }

  /** Sends the queues whose depth changed since the last read. */
  async pollDepths(): Promise<void> {
    await this.serially(async () => {
      if (this.subscribers.size === 0) return;
      const depths = await this.deps.broker.queueGauges();
      const changed: QueueGauge[] = depths.filter((depth) => this.lastDepths.get(depth.queue) !== depthKey(depth));
      this.lastDepths = new Map(depths.map((depth) => [depth.queue, depthKey(depth)]));
      if (changed.length > 0) for (const subscriber of this.subscribers) subscriber.pushDepths(changed);
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(work);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private startTimers(): void {
    if (this.pollTimer || this.closed) return;
    const { settings, logger } = this.deps;
    const guard = (what: string, work: () => Promise<void>) => () => {
      work().catch((error: unknown) => logger.warn(`event stream: ${what} failed`, { error: String(error) }));
    };
    this.pollTimer = setInterval(guard('reading the event log', () => this.pollOnce()), settings.pollIntervalMs);
    this.depthTimer = setInterval(guard('reading queue depths', () => this.pollDepths()), settings.depthIntervalMs);
    void guard('reading queue depths', () => this.pollDepths())();
  }

  private stopTimers(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.depthTimer) clearInterval(this.depthTimer);
    this.pollTimer = null;
    this.depthTimer = null;
    this.position = null;
    this.lastDepths.clear();
  }
}

function depthKey(depth: QueueGauge): string {
  return `${depth.ready}/${depth.delayed}/${depth.inFlight}`;
}
