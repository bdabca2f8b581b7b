import { type Logger, type Sql } from '@interflow/core';

type Outcome = 'committed' | 'aborted';

const FIRST_POLL_MS = 2;
const MAX_POLL_MS = 100;

/**
 * Tells when a PostgreSQL transaction ended, and how: a settle made "within" a caller's
 * transaction on RabbitMQ cannot join it, so it waits for its commit (`txid_status`)
 * and happens after. One statement polls every transaction being watched.
 */
export class CommitWatcher {
  private readonly waiting = new Map<string, ((outcome: Outcome) => void)[]>();
  private timer: NodeJS.Timeout | null = null;
  private delay = FIRST_POLL_MS;
  private polling = false;

  constructor(
    private readonly sql: Sql,
    private readonly logger: Logger,
  ) {}

  /** The transaction's id; assigns one if it has none yet. */
  async transactionId(tx: { unsafe(query: string): Promise<unknown> }): Promise<string> {
    const rows = (await tx.unsafe('select txid_current()::text as xid')) as { xid: string }[];
    const xid = rows[0]?.xid;
    if (!xid) throw new Error('the transaction has no id');
    return xid;
  }

  /** How transaction `xid` stands now: ended (and how) or still open. */
  async statusNow(xid: string): Promise<Outcome | 'open'> {
    const [row] = await this.sql<{ status: string | null }[]>`select txid_status(${xid}::bigint) as status`;
    if (row?.status === 'committed') return 'committed';
    if (row?.status === 'in progress') return 'open';
    return 'aborted';
  }

  outcome(xid: string): Promise<Outcome> {
    return new Promise((resolve) => {
      const list = this.waiting.get(xid) ?? [];
      list.push(resolve);
      this.waiting.set(xid, list);
      this.delay = FIRST_POLL_MS;
      this.schedule();
    });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const resolvers of this.waiting.values()) for (const resolve of resolvers) resolve('aborted');
    this.waiting.clear();
  }

  private schedule(): void {
    if (this.timer || this.polling || this.waiting.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), this.delay);
  }

  private async poll(): Promise<void> {
    this.timer = null;
    this.polling = true;
    try {
      const xids = [...this.waiting.keys()];
      const rows = await this.sql<{ xid: string; status: string | null }[]>`
        select x as xid, txid_status(x::bigint) as status from unnest(${xids}::text[]) as x`;
      let ended = 0;
      for (const row of rows) {
        if (row.status !== 'committed' && row.status !== 'aborted' && row.status !== null) continue;
        const outcome: Outcome = row.status === 'committed' ? 'committed' : 'aborted';
        for (const resolve of this.waiting.get(row.xid) ?? []) resolve(outcome);
        this.waiting.delete(row.xid);
        ended++;
      }
      this.delay = ended > 0 ? FIRST_POLL_MS : Math.min(MAX_POLL_MS, this.delay * 2);
    } catch (error) {
      this.logger.warn('checking transaction outcomes failed; retrying', { error });
      this.delay = MAX_POLL_MS;
    } finally {
      this.polling = false;
      this.schedule();
    }
  }
}
