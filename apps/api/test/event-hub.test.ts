import { PostgresBroker } from '@interflow/broker-postgres';
import { createSilentLogger, systemClock } from '@interflow/core';
import { type Principal } from '@interflow/registry';
import { pruneEvents } from '@interflow/event-log';
import { createTestDatabase, waitFor, type TestDatabase } from '@interflow/test-kit';
import { EventHub } from '../src/events/event-hub';

/**
 * The log's ordering guarantee, against real transactions: an event that commits after
 * a later-started one is not skipped by a reader that already moved on.
 */
describe('EventHub', () => {
  let db: TestDatabase;
  let hub: EventHub;
  const admin: Principal = { tokenId: 't', name: 'admin', role: 'admin', deploymentScopes: null };

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 4 });
    // Long intervals: the test reads the log itself with pollOnce.
    hub = new EventHub({ sql: db.sql, broker: new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema }), logger: createSilentLogger(), clock: systemClock, settings: { pollIntervalMs: 600_000, depthIntervalMs: 600_000 } });
  });

  afterAll(async () => {
    await hub?.close();
    await db?.drop();
  });

  it('holds back events behind a transaction still open, then delivers all in order', async () => {
    const received: string[] = [];
    await hub.subscribe(admin, { push: (data, kind) => kind.startsWith('test.') && received.push(kind), close: () => {} }, null);

    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowInserted!: () => void;
    const slowHasInserted = new Promise<void>((resolve) => (slowInserted = resolve));
    const slow = db.sql.begin(async (tx) => {
      await tx`insert into events (kind, data) values ('test.slow', '{}')`;
      slowInserted();
      await slowMayCommit;
    });
    await slowHasInserted;
    await db.sql`insert into events (kind, data) values ('test.fast', '{}')`;

    await hub.pollOnce();
    await hub.pollOnce();
    expect(received).not.toContain('test.fast');

    releaseSlow();
    await slow;
    // Other test files' transactions may hold the horizon back a little longer.
    await waitFor(
      async () => {
        await hub.pollOnce();
        return received.length >= 2;
      },
      { description: 'both events', timeoutMs: 100_000 },
    );
    await hub.pollOnce();
    expect(received).toEqual(['test.slow', 'test.fast']);
  });

  it('prunes events past the replay window, and a stream resumed from one of them starts with a reset', async () => {
    const [old] = await db.sql<{ tx: string; id: string }[]>`
      insert into events (kind, data, created_at) values ('test.old', '{}', now() - interval '2 hours') returning tx::text, id::text`;
    await db.sql`insert into events (kind, data) values ('test.recent', '{}')`;
    expect(await pruneEvents(db.sql, 3_600_000, 100)).toBe(1);
    const kinds = await db.sql<{ kind: string }[]>`select kind from events where kind like 'test.%' order by tx, id`;
    expect(kinds.map((row) => row.kind)).toEqual(['test.slow', 'test.fast', 'test.recent']);
    const received: string[] = [];
    await hub.subscribe(admin, { push: (_data, kind) => received.push(kind), close: () => {} }, { tx: BigInt(old!.tx), id: BigInt(old!.id) });
    expect(received).toEqual(['reset']);
  });
});
