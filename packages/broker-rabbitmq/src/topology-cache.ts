import { type Binding, type ExchangeType, type QueuePolicy } from '@interflow/broker';
import { type Sql } from '@interflow/core';
import { listBindings, topologyVersion } from './topology-store';
import { TopologySnapshot } from './topology-snapshot';

/**
 * The routing table, reloaded when the topology version moved. Every read checks the
 * version first (one tiny statement, shared by concurrent readers), so a queue or
 * binding another process committed is routed to by the next publish here.
 */
export class TopologyCache {
  private snapshot: TopologySnapshot | null = null;
  private reading: Promise<TopologySnapshot> | null = null;

  constructor(private readonly sql: Sql) {}

  current(): Promise<TopologySnapshot> {
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  /** Drops the cached table (this process changed the topology). */
  invalidate(): void {
    this.snapshot = null;
  }

  private async read(): Promise<TopologySnapshot> {
    const version = await topologyVersion(this.sql);
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
