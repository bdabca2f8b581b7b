import crypto from 'node:crypto';
import { systemClock } from '@interflow/core';
import { createAction, createDeployment, createKeyring, getRun, insertQueuedRun, listRunAttempts, registerService, startRunAttempts } from '@interflow/registry';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { RegistryRunLedger } from '../src/registry/registry-run-ledger';
import type { RunRecorder } from '../src/run-ledger';

let db: TestDatabase;
let runIds: string[];
let newRun: () => Promise<string>;

beforeAll(async () => {
  db = await createTestDatabase();
  const keyring = createKeyring({ id: 'key-a', key: crypto.randomBytes(32) });
  const { service } = await registerService(db.sql, keyring, {
    name: 'svc',
    baseUrl: 'http://127.0.0.1:1',
    methods: [{ name: 'fetch', http_method: 'POST', path: '/fetch', description: null, input_schema: null }],
  });
  const deployment = await createDeployment(db.sql, keyring, { name: 'dep', serviceId: service.id, credentials: {} });
  const { action } = await createAction(db.sql, { name: 'act', deploymentId: deployment.id, method: 'fetch' });
  newRun = async () => {
    const run = await insertQueuedRun(db.sql, {
      id: crypto.randomUUID(),
      actionId: action.id,
      deploymentId: deployment.id,
      trigger: 'webhook',
      triggeredBy: 'webhook',
      input: {},
      inputHash: 'h',
      idempotencyKey: null,
      messageId: null,
    });
    if (!run) throw new Error('no run inserted');
    return run.id;
  };
  runIds = [];
  for (let i = 0; i < 4; i++) runIds.push(await newRun());
});

afterAll(async () => {
  await db.drop();
});

/** Marks the run retrying and answers the id of the transaction that did it. */
async function markRetrying(recorder: RunRecorder, runId: string): Promise<string> {
  await recorder.markRetrying(runId);
  const [row] = await recorder.tx<{ xid: string }[]>`select txid_current()::text as xid`;
  return row!.xid;
}

describe('a run ledger that groups the records of one turn', () => {
  it('records the works of one turn in one transaction, each answered with its own value after the commit', async () => {
    const ledger = new RegistryRunLedger(db.sql, systemClock, { groupRecords: true });
    const [a, b] = runIds as [string, string];
    const xids = await Promise.all([ledger.record((r) => markRetrying(r, a)), ledger.record((r) => markRetrying(r, b))]);
    expect(xids[0]).toBe(xids[1]);
    expect((await getRun(db.sql, a)).status).toBe('retrying');
    expect((await getRun(db.sql, b)).status).toBe('retrying');
  });

  it('when one work fails, keeps nothing of it and records every other one alone', async () => {
    const ledger = new RegistryRunLedger(db.sql, systemClock, { groupRecords: true });
    const [, , c, d] = runIds as [string, string, string, string];
    let tries = 0;
    const [failed, good] = await Promise.allSettled([
      ledger.record(async (r) => {
        tries += 1;
        await markRetrying(r, c);
        throw new Error('the lease was lost');
      }),
      ledger.record((r) => markRetrying(r, d)),
    ]);
    expect(failed.status === 'rejected' && (failed.reason as Error).message).toBe('the lease was lost');
    expect(good.status).toBe('fulfilled');
    // the failing work ran in the group and once more alone; its writes were rolled back both times
    expect(tries).toBe(2);
    expect((await getRun(db.sql, c)).status).toBe('queued');
    expect((await getRun(db.sql, d)).status).toBe('retrying');
  });

  it('ends the runs of a group in one statement, and a run ended twice in a statement after, which sees the first end', async () => {
    const ledger = new RegistryRunLedger(db.sql, systemClock, { groupRecords: true });
    const [a, b] = [await newRun(), await newRun()];
    await startRunAttempts(db.sql, [a, b].map((runId) => ({ runId, attempt: 1, startedAt: new Date() })));
    const ending = { httpStatus: 200, response: 'ok', ifEnded: { outcome: 'succeeded' as const, error: null }, ifAlreadyEnded: { outcome: 'failed' as const, error: 'not used' } };
    const end = (runId: string) => ledger.record((r) => r.end(runId, 'succeeded', { response: runId }, 1, ending));

    expect(await Promise.all([end(a), end(b), end(a)])).toEqual([true, true, false]);

    // Rows written by one statement of a transaction carry the same command id (cmin).
    const written = await db.sql<{ id: string; xmin: string; cmin: string }[]>`select id, xmin::text, cmin::text from runs where id in (${a}, ${b})`;
    expect(new Set(written.map((row) => `${row.xmin}/${row.cmin}`)).size).toBe(1);
    expect((await getRun(db.sql, a)).response).toBe(a);
    expect((await listRunAttempts(db.sql, a)).map((attempt) => [attempt.outcome, attempt.error])).toEqual([['failed', 'not used']]);
    expect((await listRunAttempts(db.sql, b)).map((attempt) => [attempt.outcome, attempt.error])).toEqual([['succeeded', null]]);
  });

  it('without grouping, each work has a transaction of its own', async () => {
    const ledger = new RegistryRunLedger(db.sql, systemClock);
    const [a, b] = runIds as [string, string];
    const xids = await Promise.all([ledger.record((r) => markRetrying(r, a)), ledger.record((r) => markRetrying(r, b))]);
    expect(xids[0]).not.toBe(xids[1]);
  });
});
