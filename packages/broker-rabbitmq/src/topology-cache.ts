import { type Binding, type ExchangeType, type QueuePolicy } from '@interflow/broker';
import { type Sql } from '@interflow/core';
import { listBindings, topologyVersion } from './topology-store';
import { TopologySnapshot } from './topology-snapshot';

/** How long a checked routing table is used without asking PostgreSQL whether the topology moved. */
export const TOPOLOGY_FRESH_MS = 250;
/** A table used after this age is checked again in the background, so a busy publisher or consumer rarely waits for the check. */
const TOPOLOGY_REFRESH_AHEAD_MS = 125;

/**
 * The routing table, reloaded when the topology version moved. The version is checked
 * (one tiny statement, shared by concurrent readers) at most every 250 ms (in the
 * background from 125 ms on, so traffic does not stall every 250 ms), and always
 * when a publish would route nowhere or names an exchange not in the table: a queue
 * another process just declared is found by the next publish here, and a binding added
 * to an exchange that already routes elsewhere is seen within 250 ms. This process's
 * own changes invalidate the table at once.
 */
export class TopologyCache {
  private snapshot: TopologySnapshot | null = null;
  private checkedAt = 0;
  private reading: Promise<TopologySnapshot> | null = null;

  constructor(private readonly sql: Sql) {}

  /** The table, checked against the version now. */
  current(): Promise<TopologySnapshot> {
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  /** The table, checked within the last 250 ms (past 125 ms, the next check starts in the background). */
  async recent(): Promise<TopologySnapshot> {
    const age = Date.now() - this.checkedAt;
    if (this.snapshot && age < TOPOLOGY_FRESH_MS) {
      // A failed check in the background is retried by the next caller; past 250 ms a caller waits for it and sees its error.
      if (age >= TOPOLOGY_REFRESH_AHEAD_MS) void this.current().catch(() => undefined);
      return this.snapshot;
    }
    return this.current();
  }

  /** Drops the cached table (this process changed the topology). */
  invalidate(): void {
    this.snapshot = null;
  }

  private async read(): Promise<TopologySnapshot> {
    const checkedAt = Date.now();
    const version = await topologyVersion(this.sql);
    this.checkedAt = checkedAt;
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    const loaded = await this.sql.begin('isolation level repeatable read read only', async (tx) => {
      const exchanges = await tx<{ name: string; type: ExchangeType; alternate_exchange: string | null }[]>`select name, type, alternate_exchange from rabbitmq_exchanges`;
      const queues = await tx<{ name: string; policy: QueuePolicy }[]>`select name, policy from rabbitmq_queues`;
      const bindings: Binding[] = await listBindings(tx as unknown as Sql);
      return { exchanges, queues, bindings };
    });
    this.snapshot = new TopologySnapshot(
      version,
      loaded.exchanges.map((row) => ({ name: row.name, type: row.type, alternateExchange: row.alternate_exchange })),
      loaded.queues,
      loaded.bindings,
    );
    return this.snapshot;
  }
}
