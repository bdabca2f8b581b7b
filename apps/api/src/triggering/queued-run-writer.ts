import { context, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { Broker, Publication } from '@interflow/broker';
import { CoalescingBatcher, inSpan, isDatabaseUnavailable, isTracing, traceHeaders, type BatchOutcome, type CoalescingBatcherOptions, type Sql } from '@interflow/core';
import type { NewRun } from '@interflow/registry';
import { writeQueuedRun, writeQueuedRuns, type QueuedRun, type RunWrite } from './queue-run';

/**
 * Transactions at the database at once, and runs a transaction carries at most. While
 * four are in flight, the triggers that arrive wait and leave together in the next one.
 */
const GROUPS: CoalescingBatcherOptions = { maxInFlight: 4, maxBatch: 100 };

const TRACER = 'interflow-api';

/**
 * The api's trigger writes, gathered (group commit): the queued runs of the triggers that
 * arrive in one event-loop turn, or while `GROUPS.maxInFlight` transactions are at the
 * database, are written in ONE transaction (one publish statement for their messages,
 * one insert statement for their runs, one durable commit), where each trigger took a
 * transaction and a commit of its own. Each trigger is answered only after the commit
 * that carried its run.
 *
 * A write the database refuses (its Idempotency-Key taken meanwhile, its action deleted,
 * its queue gone) rolls the whole group back; every run of the group is then written
 * again in a transaction of its own, so one refusal never fails or delays another's
 * trigger beyond that retry. When the connection broke, whether the group committed is
 * unknown: each trigger fails as it would have alone, and nothing is written twice.
 *
 * Traced, each trigger's message carries a publish span of its own trace (the run's work
 * continues from it): the group's statements, serving many traces, run outside all of them.
 */
export class QueuedRunWriter {
  private readonly groups: CoalescingBatcher<RunWrite, QueuedRun | null>;

  constructor(
    private readonly sql: Sql,
    private readonly broker: Broker,
    limits: CoalescingBatcherOptions = GROUPS,
  ) {
    this.groups = new CoalescingBatcher((writes) => context.with(ROOT_CONTEXT, () => this.writeGroup(writes)), limits);
  }

  /** The run and its message, committed; null when another request's run took its Idempotency-Key. */
  write(publication: Publication, run: NewRun): Promise<QueuedRun | null> {
    if (!isTracing() || !trace.getActiveSpan()) return this.groups.submit({ publication, run });
    const span = { kind: SpanKind.PRODUCER, attributes: { 'messaging.destination.name': publication.routingKey, 'interflow.run.id': run.id } };
    return inSpan(TRACER, `mq publish ${publication.exchange || '(default)'}`, span, () =>
      this.groups.submit({ publication: withHeaders(publication, traceHeaders()), run }),
    );
  }

  private async writeGroup(writes: RunWrite[]): Promise<BatchOutcome<QueuedRun | null>[]> {
    if (writes.length > 1) {
      try {
        const outcome = await writeQueuedRuns(this.sql, this.broker, writes);
        if (outcome.committed) return outcome.queued.map((value) => ({ value }));
      } catch (error) {
        if (isDatabaseUnavailable(error)) return writes.map(() => ({ error }));
      }
    }
    return Promise.all(writes.map((write) => this.writeAlone(write)));
  }

  private writeAlone(write: RunWrite): Promise<BatchOutcome<QueuedRun | null>> {
    return writeQueuedRun(this.sql, this.broker, write.publication, write.run).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  }
}

function withHeaders(publication: Publication, headers: Record<string, string>): Publication {
  return { ...publication, message: { ...publication.message, headers: { ...publication.message.headers, ...headers } } };
}

