import postgres from 'postgres';

export interface AdvisoryLeadershipOptions {
  url: string;
  /** Names the role; two installations (schemas) in one database lead separately. */
  key: string;
}

/**
 * "Exactly one of the replicas does this": a PostgreSQL session advisory lock held on a
 * connection of its own. The holder keeps it until it releases it or its connection
 * dies (process killed, database restarted), then another replica's next `tryLead()`
 * takes it. Nothing is written, so any number of replicas may ask as often as they like.
 */
export class AdvisoryLeadership {
  private connection: postgres.Sql | null = null;
  private leading = false;

  constructor(private readonly options: AdvisoryLeadershipOptions) {}

  get isLeader(): boolean {
    return this.leading;
  }

  /** Takes the lock if it is free, or checks the held one still stands; true while this process leads. */
  async tryLead(): Promise<boolean> {
    try {
      this.connection ??= postgres(this.options.url, { max: 1, idle_timeout: 0, connect_timeout: 10, onnotice: () => undefined });
      if (this.leading) {
        // A lock lives as long as its session: a working connection means it is still ours.
        await this.connection`select 1`;
        return true;
      }
      const [row] = await this.connection<{ locked: boolean }[]>`select pg_try_advisory_lock(hashtext(${this.options.key})) as locked`;
      this.leading = row?.locked === true;
    } catch {
      await this.dropConnection();
    }
    return this.leading;
  }

  /** Gives the role up at once (shutdown), so another replica takes it on its next try. */
  async release(): Promise<void> {
    if (this.leading && this.connection) {
      await this.connection`select pg_advisory_unlock(hashtext(${this.options.key}))`.catch(() => undefined);
    }
    await this.dropConnection();
  }

  private async dropConnection() {
    this.leading = false;
    const connection = this.connection;
    this.connection = null;
    await connection?.end({ timeout: 2 }).catch(() => undefined);
  }
}
