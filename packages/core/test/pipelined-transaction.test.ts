import net from 'node:net';
import postgres from 'postgres';
import { testDatabaseUrl } from '@interflow/test-kit';
import { inPipelinedTransaction } from '../src/db/pipelined-transaction';
import type { Sql } from '../src/db/sql-client';

/** Held answers are let go after this long even when the client sends nothing more. */
const HOLD_AT_MOST_MS = 3_000;
const MARKER = 'pipelined_begin_marker';

/**
 * A TCP proxy to the test server that can hold back the server's answers: from the
 * client's next `begin` until it sends a statement carrying MARKER (or, failing that,
 * HOLD_AT_MOST_MS: `releasedByFallback` then tells that the client waited for `begin`'s
 * answer), or from `hold()` until `cut()` breaks every connection.
 */
class HoldingProxy {
  releasedByFallback = false;
  private holdAtBegin = false;
  private holdNow = false;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.pipe(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Holds the answers from the next `begin` until a statement carrying MARKER. */
  holdFromNextBegin(): void {
    this.holdAtBegin = true;
  }

  /** Holds every answer from now on. */
  hold(): void {
    this.holdNow = true;
  }

  /** Breaks every connection, as a database restart would. */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
    this.holdNow = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private pipe(client: net.Socket): void {
    const upstream = net.connect(this.target);
    this.sockets.add(client).add(upstream);
    let held: Buffer[] | null = null;
    let fallback: NodeJS.Timeout | null = null;
    const release = () => {
      if (fallback) clearTimeout(fallback);
      for (const chunk of held ?? []) client.write(chunk);
      held = null;
    };
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      if (this.holdAtBegin && /\bbegin\b/i.test(text)) {
        this.holdAtBegin = false;
        held = [];
        fallback = setTimeout(() => {
          this.releasedByFallback = true;
          release();
        }, HOLD_AT_MOST_MS);
      }
      upstream.write(chunk);
      if (held !== null && text.includes(MARKER)) release();
    });
    upstream.on('data', (chunk: Buffer) => {
      if (held !== null) held.push(chunk);
      else if (!this.holdNow) client.write(chunk);
    });
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on('close', () => other.destroy());
      socket.on('error', () => other.destroy());
    }
  }
}

/** 'pending' until the promise settles, then how it did. */
function stateOf(promise: Promise<unknown>): () => 'pending' | 'fulfilled' | 'rejected' {
  let state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'fulfilled'),
    () => (state = 'rejected'),
  );
  return () => state;
}

describe('a pipelined transaction', () => {
  let proxy: HoldingProxy;
  let sql: Sql;

  beforeAll(async () => {
    const url = new URL(testDatabaseUrl());
    proxy = new HoldingProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(await proxy.listen());
    sql = postgres(url.toString(), { max: 1, onnotice: () => undefined }) as unknown as Sql;
    await sql`select 1`; // connected and its types read: only what the tests send is held
  });

  afterAll(async () => {
    await sql.end({ timeout: 5 });
    await proxy.close();
  });

  it("sends its first statement without waiting for begin's answer, inside the transaction", async () => {
    proxy.holdFromNextBegin();
    const ids = await inPipelinedTransaction(sql, async (tx) => {
      // The marker in the statement's text: a parameter would go only after a describe's answer.
      const [first] = await tx<{ id: string }[]>`select pg_current_xact_id()::text as id, ${tx.unsafe(`'${MARKER}'`)} as marker`;
      const [second] = await tx<{ id: string }[]>`select pg_current_xact_id()::text as id`;
      return [first?.id, second?.id];
    });
    expect(proxy.releasedByFallback).toBe(false);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
  });

  it('commits what the work wrote, rolls back all of it when the work throws, and gives the connection back either way', async () => {
    await sql`create table if not exists pipelined_rows (n int)`;
    await inPipelinedTransaction(sql, (tx) => tx`insert into pipelined_rows values (1)`);
    const failed = await inPipelinedTransaction(sql, async (tx) => {
      await tx`insert into pipelined_rows values (2)`;
      throw new Error('the work failed');
    }).catch((error: unknown) => error);
    expect(failed).toMatchObject({ message: 'the work failed' });
    // The pool has one connection: these would wait forever had it not been released.
    expect(await sql`select n from pipelined_rows`).toEqual([{ n: 1 }]);
    await sql`drop table pipelined_rows`;
  });

  it('fails every statement of a connection that breaks, queued ones included, and the pool connects again', async () => {
    let states: (() => string)[] = [];
    proxy.hold();
    const outcome = inPipelinedTransaction(sql, async (tx) => {
      // Parameters, and not prepared on this connection yet: described first, so the next statement waits in postgres.js's queue.
      const described = tx`select ${'described'}::text as a, ${'first'}::text as b`.execute();
      const queued = tx`select 2 as two`.execute();
      states = [stateOf(described), stateOf(queued)];
      await new Promise((resolve) => setImmediate(resolve));
      proxy.cut();
      await described.catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    // As published, the queued statement never settled, and the rollback threw from a timer.
    expect(states.map((state) => state())).toEqual(['rejected', 'rejected']);
    expect(await sql`select 3 as three`).toEqual([{ three: 3 }]);
  });
});
