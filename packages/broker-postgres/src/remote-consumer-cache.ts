import { type SqlExecutor } from '@interflow/core';

/**
 * Which queues have consumers in OTHER broker instances (other processes), read from the
 * consumer registry at most every `refreshMs`. A NOTIFY for a queue nobody else consumes
 * would only cost a statement and a wasted claim; consumers of this instance are woken
 * directly. Until the first read answers, every queue counts as remote (notify
 * everything). A consumer that starts elsewhere between two reads is found by its
 * polling, so a stale answer costs latency for a moment, never a message.
 */
export class RemoteConsumerCache {
  private remoteQueues: Set<string> | null = null;
  private readAt = 0;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly localConsumerIds: () => string[],
    private readonly refreshMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when another instance may be consuming `queue`. Never waits for the database. */
  hasRemoteConsumers(queue: string): boolean {
    if (this.now() - this.readAt >= this.refreshMs) this.refresh();
    return this.remoteQueues === null || this.remoteQueues.has(queue);
  }

  private refresh(): void {
    if (this.reading) return;
    this.reading = this.read()
      .catch(() => {
        // Keep the previous answer (or none: notify everything) and try again next time.
      })
      .finally(() => {
        this.reading = null;
      });
  }

  private async read(): Promise<void> {
    const rows = await this.sql<{ queue: string }[]>`
      select distinct queue from mq_consumers
      where heartbeat_at > now() - interval '1 minute' and not (id = any(${this.localConsumerIds()}::text[]))`;
    this.remoteQueues = new Set(rows.map((row) => row.queue));
    this.readAt = this.now();
  }
}
