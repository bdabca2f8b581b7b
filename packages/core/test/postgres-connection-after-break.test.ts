import net from 'node:net';
import postgres from 'postgres';
import { backendPid, testDatabaseUrl, waitFor } from '@interflow/test-kit';
import type { Sql } from '../src/db/sql-client';

/**
 * postgres.js keeps one connection object for a pool slot and opens a new socket on it when
 * the old one closed. As published (3.4.9), a socket closed after an error (ECONNRESET)
 * left unsettled the statements sent between its 'error' and its 'close' (a rollback sent
 * from a catch), and the connection object kept the old socket's error response, which
 * then failed the first statement of the next socket. patches/postgres+3.4.9.patch fails
 * those statements at the close and clears the old exchange. Each case fails or hangs (the
 * test times out) without the patch.
 */
/** A TCP proxy to the test server that can reset (RST) its client side: the client reads ECONNRESET. */
class ResettingProxy {
  private readonly server: net.Server;
  private readonly clientSides: net.Socket[] = [];

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      this.clientSides.push(client);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Resets the newest connection's client side. */
  resetNewest(): void {
    this.clientSides.at(-1)?.resetAndDestroy();
  }

  async close(): Promise<void> {
    for (const socket of this.clientSides) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe("postgres.js's connection after its socket broke (patched)", () => {
  const target = new URL(testDatabaseUrl());
  let proxy: ResettingProxy;
  let proxyPort: number;
  /** The client's sockets, newest last. */
  const sockets: net.Socket[] = [];
  let sql: Sql;

  /** Watches and terminates the pool's backends, on a connection of its own. */
  let admin: Sql;

  beforeAll(async () => {
    admin = postgres(target.toString(), { max: 1, onnotice: () => undefined }) as unknown as Sql;
    proxy = new ResettingProxy({ host: target.hostname, port: Number(target.port || 5432) });
    proxyPort = await proxy.listen();
  });
  afterAll(async () => {
    await admin.end();
    await proxy.close();
  });

  beforeEach(async () => {
    sockets.length = 0;
    // A pool of one connection, so the next statement meets the same connection object; its sockets go through the proxy.
    // `socket` (a function that opens the connection's socket) is documented but missing from the package's types.
    const options = { max: 1, connect_timeout: 5, onnotice: () => undefined, socket: openSocket } as postgres.Options<Record<string, never>>;
    sql = postgres(target.toString(), options) as unknown as Sql;
    await sql`select 1`; // connected and its types read
  });
  afterEach(async () => {
    await sql.end({ timeout: 5 });
  });

  async function openSocket(): Promise<net.Socket> {
    const socket = net.connect(proxyPort, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    sockets.push(socket);
    return socket;
  }

  it('settles a statement sent between the reset of its socket and the close, and answers each later one with its own rows', async () => {
    const reserved = await sql.reserve();
    const pid = await backendPid(reserved);
    const inFlight = reserved`select pg_sleep(30)`.execute();
    // As a transaction's error handler does: the rollback goes out as soon as the statement failed, before the socket's close event.
    const rollback = inFlight.catch(() => reserved`rollback`.execute());
    await waitUntilActive(pid);
    proxy.resetNewest();
    await expect(inFlight).rejects.toMatchObject({ code: 'ECONNRESET' });
    // Unpatched, the close of a socket that had an error left this statement unsettled (the test times out).
    await expect(rollback).rejects.toMatchObject({ code: expect.stringMatching(/^(ECONNRESET|CONNECTION_CLOSED)$/) });
    reserved.release();
    // And the connection serves the next statements, each with its own rows.
    for (const n of [1, 2, 3]) expect(await sql`select ${n}::int as n`).toEqual([{ n }]);
    await terminate(pid);
  });

  it("answers the next statement, not with the old backend's error, after its backend was terminated in the middle of one", async () => {
    const pid = await backendPid(sql);
    const inFlight = sql`select pg_sleep(30)`.execute();
    await waitUntilActive(pid);
    await terminate(pid);
    await expect(inFlight).rejects.toMatchObject({ code: expect.stringMatching(/^(57P01|CONNECTION_CLOSED)$/) });
    // Unpatched, the new backend's first answer is taken for the old one's FATAL 57P01.
    expect(await sql`select 2 as two`).toEqual([{ two: 2 }]);
    expect(await sql`select 3 as three`).toEqual([{ three: 3 }]);
  });

  it('opens the next socket with its own startup when the last one closed before it flushed a statement', async () => {
    // Statements sent from a setImmediate callback (a batch leaving) are flushed in the next turn's; the socket's close comes first.
    const { unflushed } = await new Promise<{ unflushed: Promise<unknown> }>((resolve) =>
      setImmediate(() => {
        const statement = sql`select 1 as one`.execute();
        sockets.at(-1)!.destroy();
        resolve({ unflushed: statement });
      }),
    );
    await expect(unflushed).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    // Unpatched, the new socket's startup message was added behind the unflushed bytes, whose flush had been cancelled: never sent.
    expect(await sql`select 4 as four`).toEqual([{ four: 4 }]);
  });

  it('fails a transaction whose backend was terminated in the middle of it, its queued statements and its rollback too, and the pool connects again', async () => {
    let pid: number | null = null;
    let queued: Promise<unknown> = Promise.resolve();
    const transaction = sql.begin(async (tx) => {
      pid = await backendPid(tx);
      // A parameter, and not prepared yet: described first, so the next statement waits in the transaction's own queue.
      const sleeping = tx`select pg_sleep(${30})`.execute();
      queued = tx`select 2 as two`.execute();
      queued.catch(() => undefined);
      await sleeping; // fails, so the transaction's catch sends its rollback on the dead connection
    });
    const backend = await waitFor(() => pid);
    await waitUntilActive(backend);
    await terminate(backend);
    await expect(transaction).rejects.toMatchObject({ code: expect.stringMatching(/^(57P01|CONNECTION_CLOSED)$/) });
    // Unpatched, the queued statement never settled, and the rollback threw from a timer on the missing socket
    // (an uncaught exception) and left its bytes behind, so the pool's next socket never sent its startup.
    await expect(queued).rejects.toMatchObject({ code: expect.stringMatching(/^(57P01|CONNECTION_CLOSED)$/) });
    expect(await sql`select 5 as five`).toEqual([{ five: 5 }]);
  });

  /** Until the server runs a statement on the backend `pid` (so the statement is in flight, not queued). */
  async function waitUntilActive(pid: number): Promise<void> {
    await waitFor(async () => (await admin<{ state: string | null }[]>`select state from pg_stat_activity where pid = ${pid}`)[0]?.state === 'active', {
      description: `backend ${pid} to run its statement`,
    });
  }

  async function terminate(pid: number): Promise<void> {
    await admin`select pg_terminate_backend(${pid})`;
  }
});
