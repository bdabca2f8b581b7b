import { type TransactionSql } from '@interflow/broker';
import { type Logger, type Sql } from '@interflow/core';
import type { Envelope } from './envelope';
import type { EnvelopeSender } from './envelope-sender';
import type { PlannedCopy } from './publication-plan';

interface OutboxRow {
  id: string;
  envelope: { envelope: Envelope; visibleAt: number | null };
}

/** Writes the copies to the outbox in the caller's transaction; answers the row ids. */
export async function writeOutbox(tx: TransactionSql, copies: PlannedCopy[]): Promise<string[]> {
  if (copies.length === 0) return [];
  const documents = copies.map((copy) => ({ envelope: copy.envelope, visibleAt: copy.visibleAt }));
  const rows = await tx<{ id: string }[]>`
    insert into rabbitmq_outbox (queue, envelope)
    select queue, envelope from jsonb_to_recordset(${tx.json(documents.map((document) => ({ queue: document.envelope.queue, envelope: document })) as never)}) as t(queue text, envelope jsonb)
    returning id`;
  return rows.map((row) => String(row.id));
}

/** Where a relay may be made to stop, to test what a crash there leaves. */
export type RelayCrashPoint = 'before-publish' | 'after-publish';

/**
 * The transactional outbox's relay: takes rows (skipping rows another relay holds),
 * sends them with publisher confirms, and deletes them in the same transaction once
 * confirmed. A crash before the send loses nothing (the rows stay); a crash after the
 * send and before the commit sends them again later: a duplicate, which at-least-once
 * consumers tolerate. Rows of this process are relayed as soon as their transaction
 * commits; a sweep takes rows a crashed process left.
 *
 * A relay waits for RabbitMQ before it opens its transaction, and a send in it fails
 * rather than wait for the next connection: through an outage the relays hold no
 * database connection, so the daemon's pool (and the requests and fires that write to
 * the outbox) keep working; the rows go out once RabbitMQ is back.
 */
export class OutboxRelay {
  private sweepTimer: NodeJS.Timeout | null = null;
  /** The timer's sweep still running (waiting for RabbitMQ, say): the next tick skips rather than pile up. */
  private timedSweep: Promise<number> | null = null;
  private closed = false;

  constructor(
    private readonly sql: Sql,
    private readonly sender: EnvelopeSender,
    private readonly logger: Logger,
    private readonly options: { sweepIntervalMs: number; sweepAgeMs: number; crashAt?: RelayCrashPoint },
  ) {}

  start(): void {
    this.sweepTimer = setInterval(() => {
      this.timedSweep ??= this.sweep().finally(() => (this.timedSweep = null));
    }, this.options.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** Relays the given rows (those of a transaction that just committed). */
  async relay(ids: string[]): Promise<number> {
    if (ids.length === 0 || this.closed) return 0;
    return this.relayWhere((tx) => tx<OutboxRow[]>`select id, envelope from rabbitmq_outbox where id = any(${ids}::bigint[]) order by id for update skip locked`);
  }

  /** Relays rows older than the sweep age, a batch at a time, until none are left. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.closed) return total;
      const relayed = await this.relayWhere(
        (tx) => tx<OutboxRow[]>`
          select id, envelope from rabbitmq_outbox where created_at < now() - ${this.options.sweepAgeMs} * interval '1 millisecond'
          order by id limit 500 for update skip locked`,
      ).catch((error: unknown) => {
        this.logger.warn('relaying the outbox failed; retrying on the next sweep', { error });
        return 0;
      });
      total += relayed;
      if (relayed < 500) return total;
    }
  }

  close(): void {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  private async relayWhere(select: (tx: TransactionSql) => Promise<OutboxRow[]>): Promise<number> {
    await this.sender.ready();
    if (this.closed) return 0;
    return this.sql.begin(async (tx) => {
      const rows = await select(tx as unknown as TransactionSql);
      if (rows.length === 0) return 0;
      if (this.options.crashAt === 'before-publish') throw new Error('relay crashed before publishing (test)');
      await this.sender.sendOnOpenConnection(rows.map((row) => ({ envelope: row.envelope.envelope, visibleAt: row.envelope.visibleAt })));
      if (this.options.crashAt === 'after-publish') throw new Error('relay crashed after publishing (test)');
      await tx`delete from rabbitmq_outbox where id = any(${rows.map((row) => row.id)}::bigint[])`;
      return rows.length;
    });
  }
}
