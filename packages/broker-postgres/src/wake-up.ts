import crypto from 'node:crypto';
import { notifyChannel, type Logger, type Sql, type SqlExecutor } from '@interflow/core';

type Listener = () => void;

/** The broker's wake-up channel of one installation. */
export function wakeUpChannel(schema: string): string {
  return notifyChannel('interflow_mq', schema);
}

/**
 * Tells consumers that a queue got messages. Publishers call `announce(queues)` right
 * AFTER their commit: consumers of this instance are woken at once, and one NOTIFY per
 * queue goes to the other processes (only for queues the registry says someone else
 * consumes; a NOTIFY nobody needs costs a statement). Announcements made while a NOTIFY is in flight are
 * coalesced into the next one, so a burst of commits costs a few NOTIFYs, and no NOTIFY
 * ever runs inside a publishing transaction (that would make commits take turns).
 *
 * Consumers `subscribe(queue)`; the LISTEN connection is opened on the first subscribe.
 * The `postgres` client re-listens by itself after the connection drops (a database
 * restart); every subscriber is woken then, since notifications sent meanwhile are lost.
 * Consumers poll as well, so a lost notification costs latency, never a message.
 */
export class WakeUp {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly channel: string;
  private listening: Promise<{ unlisten(): Promise<void> }> | null = null;
  private pending = new Set<string>();
  private notifying: Promise<void> | null = null;
  private closed = false;
  /** Prefixes this instance's NOTIFY payloads, so it ignores its own (it woke its consumers directly). */
  private readonly instanceId = crypto.randomBytes(6).toString('hex');

  constructor(
    private readonly sql: Sql,
    schema: string,
    private readonly logger: Logger,
    /** Whether processes other than this one may be waiting on a queue (default: assume so). */
    private readonly othersMayListen: (queue: string) => boolean = () => true,
  ) {
    this.channel = wakeUpChannel(schema);
  }

  subscribe(queue: string, listener: Listener): () => void {
    let set = this.listeners.get(queue);
    if (!set) this.listeners.set(queue, (set = new Set()));
    set.add(listener);
    this.ensureListening();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(queue);
    };
  }

  /** Call after the messages for these queues are committed. Never throws. */
  announce(queues: Iterable<string>): void {
    if (this.closed) return;
    for (const queue of queues) {
      this.wakeLocal(queue);
      if (this.othersMayListen(queue)) this.pending.add(queue);
    }
    if (!this.notifying && this.pending.size > 0) this.notifying = this.sendPending();
  }

  /** NOTIFY inside the caller's transaction: delivered by PostgreSQL when (and only if) it commits. */
  async notifyWithin(tx: SqlExecutor, queues: string[]): Promise<void> {
    if (queues.length === 0) return;
    // Sender '*': this instance's consumers were not woken directly (the caller commits), so they listen too.
    await tx`select pg_notify(${this.channel}, '* ' || queue) from unnest(${queues}::text[]) as queue`;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.notifying?.catch(() => undefined);
    const listening = this.listening;
    this.listening = null;
    if (listening) await listening.then((l) => l.unlisten()).catch(() => undefined);
  }

  private wakeLocal(queue: string): void {
    for (const listener of this.listeners.get(queue) ?? []) listener();
  }

  /** Payload: `<sender instance id> <queue>`; a sender of `*` wakes every instance. */
  private onNotification(payload: string): void {
    const space = payload.indexOf(' ');
    if (space < 0 || payload.slice(0, space) === this.instanceId) return;
    this.wakeLocal(payload.slice(space + 1));
  }

  private wakeEveryone(): void {
    for (const set of this.listeners.values()) for (const listener of set) listener();
  }

  private ensureListening(): void {
    if (this.listening || this.closed) return;
    this.listening = this.sql.listen(this.channel, (payload) => this.onNotification(payload), () => this.wakeEveryone());
    this.listening.catch((error: unknown) => {
      this.logger.warn('LISTEN failed; consumers fall back to polling', { channel: this.channel, error });
      this.listening = null;
    });
  }

  private async sendPending(): Promise<void> {
    while (this.pending.size > 0 && !this.closed) {
      const queues = [...this.pending];
      this.pending = new Set();
      try {
        await this.sql`select pg_notify(${this.channel}, ${this.instanceId} || ' ' || queue) from unnest(${queues}::text[]) as queue`;
      } catch (error) {
        // Consumers elsewhere find these messages by polling.
        this.logger.debug('NOTIFY failed', { channel: this.channel, queues, error });
      }
    }
    this.notifying = null;
  }
}
