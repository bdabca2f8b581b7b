import { Gauge } from 'prom-client';
import type { Broker, QueueGauge } from '@interflow/broker';
import {
  type AdvisoryLeadership,
  describeError,
  isPlainLabelValue,
  type Logger,
  type MetricsRegistry,
  OTHER_LABEL_VALUE,
} from '@interflow/core';

export interface QueueGaugesOptions {
  broker: Pick<Broker, 'queueGauges'>;
  /** Only the replica holding it exports; the others export no queue series at all. */
  leadership: AdvisoryLeadership;
  metrics: QueueGaugeMetrics;
  logger: Logger;
  intervalMs: number;
  /** Queues shown by name; the rest are summed into queue="_other". */
  maxQueues: number;
}

const STATES = ['ready', 'delayed', 'in_flight'] as const;

/** The queue gauges' series, on the producer's registry. */
export interface QueueGaugeMetrics {
  messages: Gauge<'queue' | 'state'>;
  oldestReadyAge: Gauge<'queue'>;
  deadLetters: Gauge<'queue'>;
  leader: Gauge;
}

export function createQueueGaugeMetrics(registry: MetricsRegistry): QueueGaugeMetrics {
  const registers = [registry];
  return {
    messages: new Gauge({
      name: 'interflow_queue_messages',
      help: 'Messages in each queue by state (ready, delayed, in_flight); exported by the producer holding the queue-gauge lock only',
      labelNames: ['queue', 'state'],
      registers,
    }),
    oldestReadyAge: new Gauge({
      name: 'interflow_queue_oldest_ready_age_seconds',
      help: 'How long the oldest claimable message of each queue has waited since it became visible (0 when none waits)',
      labelNames: ['queue'],
      registers,
    }),
    deadLetters: new Gauge({
      name: 'interflow_queue_dead_letters',
      help: 'Messages that died in each queue and wait in its dead-letter queue',
      labelNames: ['queue'],
      registers,
    }),
    leader: new Gauge({
      name: 'interflow_queue_gauges_leader',
      help: '1 on the producer that exports the queue gauges, 0 on the others',
      registers,
    }),
  };
}

/**
 * The queue gauges an autoscaler and alerts read, exported once per installation: every
 * producer replica runs this loop, but only the one holding the advisory lock reads the
 * queues and sets the series (the others clear theirs), so `sum(...)` over all scraped
 * producers counts each message once. When the leader dies its lock goes with its
 * connection and another producer takes over on its next tick.
 */
export class QueueGauges {
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: QueueGaugesOptions) {}

  start(): void {
    const loop = () => {
      this.tick = this.refresh().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.options.intervalMs);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
    await this.options.leadership.release();
  }

  /** One tick: lead or not, then set or clear the series. */
  async refresh(): Promise<void> {
    try {
      if (!(await this.options.leadership.tryLead())) return this.clear();
      this.show(capQueues(await this.options.broker.queueGauges(), this.options.maxQueues));
      this.options.metrics.leader.set(1);
    } catch (error) {
      // A stale number is worse than none: alerts on absent series are the operator's choice.
      this.clear();
      this.options.logger.warn('could not read the queue gauges', { error: describeError(error) });
    }
  }

  private show(rows: QueueGauge[]) {
    this.options.metrics.messages.reset();
    this.options.metrics.oldestReadyAge.reset();
    this.options.metrics.deadLetters.reset();
    for (const row of rows) {
      const values = { ready: row.ready, delayed: row.delayed, in_flight: row.inFlight };
      for (const state of STATES) this.options.metrics.messages.set({ queue: row.queue, state }, values[state]);
      this.options.metrics.oldestReadyAge.set({ queue: row.queue }, row.oldestReadyAgeSeconds);
      this.options.metrics.deadLetters.set({ queue: row.queue }, row.deadLetters);
    }
  }

  private clear() {
    this.options.metrics.messages.reset();
    this.options.metrics.oldestReadyAge.reset();
    this.options.metrics.deadLetters.reset();
    this.options.metrics.leader.set(0);
  }
}

/**
 * At most `maxQueues` series per state: system queues (`interflow.`) and then the
 * deepest queues keep their names, the rest are summed into one `_other` row (its age is
 * the oldest among them). Names that are not plain label values go to `_other` too.
 */
export function capQueues(rows: QueueGauge[], maxQueues: number): QueueGauge[] {
  const backlog = (row: QueueGauge) => row.ready + row.delayed + row.inFlight + row.deadLetters;
  const ranked = [...rows].sort(
    (a, b) =>
      Number(b.queue.startsWith('interflow.')) - Number(a.queue.startsWith('interflow.')) ||
      backlog(b) - backlog(a) ||
      a.queue.localeCompare(b.queue),
  );
  const named: QueueGauge[] = [];
  const rest: QueueGauge[] = [];
  for (const row of ranked) (named.length < maxQueues && isPlainLabelValue(row.queue) ? named : rest).push(row);
  if (rest.length === 0) return named;
  return [
    ...named,
    {
      queue: OTHER_LABEL_VALUE,
      ready: sum(rest, (row) => row.ready),
      delayed: sum(rest, (row) => row.delayed),
      inFlight: sum(rest, (row) => row.inFlight),
      oldestReadyAgeSeconds: Math.max(...rest.map((row) => row.oldestReadyAgeSeconds)),
      deadLetters: sum(rest, (row) => row.deadLetters),
    },
  ];
}

function sum(rows: QueueGauge[], value: (row: QueueGauge) => number): number {
  return rows.reduce((total, row) => total + value(row), 0);
}
