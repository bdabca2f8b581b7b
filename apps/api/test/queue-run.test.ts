import crypto from 'node:crypto';
import { isDatabaseUnavailable } from '@interflow/core';
import { backendPid, sessionsWaitingBehind, waitFor } from '@interflow/test-kit';
import { writeQueuedRun } from '../src/triggering/queue-run';
import { QueuedRunWriter } from '../src/triggering/queued-run-writer';
import { createActionChain, uniqueName } from './support/fixtures';
import { newRun, runPublication } from './support/run-writes';
import { createTestApi, type TestApi } from './support/test-api';

/** More writes than the test pool has connections (8): a connection not given back would hang the next. */
const WRITES = 12;

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());


describe('writeQueuedRun: begin sent with the publish, commit with the insert', () => {
  it('commits each run with the id of its message, and gives the connection back', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    for (let index = 0; index < WRITES; index++) {
      const run = newRun(action.id, deployment.id);
      const written = await writeQueuedRun(api.db.sql, api.broker, runPublication(queue, run.id), run);
      expect(written?.run).toMatchObject({ id: run.id, status: 'queued', trigger: 'api' });
      expect(written?.receipts).toEqual([{ messageIds: [expect.any(String)], queues: [queue] }]);
    }
    const messages = await api.broker.peek(queue, { limit: 2 * WRITES });
    const rows = await api.db.sql<{ id: string; message_id: string }[]>`select id, message_id from runs where action_id = ${action.id}`;
    expect(rows).toHaveLength(WRITES);
    expect(messages.map((message) => [message.correlationId, message.messageId]).sort()).toEqual(rows.map((row) => [row.id, row.message_id]).sort());
  });

  it('writes neither the run nor its message when the insert fails, and the pool goes on serving', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { deployment } = await createActionChain(api, { queue });
    const runIds: string[] = [];
    for (let index = 0; index < WRITES; index++) {
      // No such action: the run's foreign key fails the insert after the publish went through.
      const run = newRun(crypto.randomUUID(), deployment.id);
      runIds.push(run.id);
      await expect(writeQueuedRun(api.db.sql, api.broker, runPublication(queue, run.id), run)).rejects.toMatchObject({ code: '23503' });
    }
    expect(await api.broker.peek(queue, { limit: 2 * WRITES })).toEqual([]);
    expect(await api.db.sql`select 1 from runs where id = any(${runIds}::uuid[])`).toHaveLength(0);
  });

  it('answers null and writes nothing when the Idempotency-Key was taken meanwhile', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    const first = newRun(action.id, deployment.id, 'order-7');
    expect(await writeQueuedRun(api.db.sql, api.broker, runPublication(queue, first.id), first)).not.toBeNull();
    for (let index = 0; index < WRITES; index++) {
      const again = newRun(action.id, deployment.id, 'order-7');
      expect(await writeQueuedRun(api.db.sql, api.broker, runPublication(queue, again.id), again)).toBeNull();
    }
    const messages = await api.broker.peek(queue, { limit: 2 * WRITES });
    expect(messages.map((message) => message.correlationId)).toEqual([first.id]);
    expect(await api.db.sql`select id from runs where action_id = ${action.id}`).toEqual([{ id: first.id }]);
  });
});

/** The transaction id that wrote each run (`xmin`): runs written in one transaction share it. */
async function writingTransactions(runIds: string[]): Promise<Set<string>> {
  const rows = await api.db.sql<{ xmin: string }[]>`select xmin::text from runs where id = any(${runIds}::uuid[])`;
  expect(rows).toHaveLength(runIds.length);
  return new Set(rows.map((row) => row.xmin));
}

describe('QueuedRunWriter: the triggers that arrive together share one transaction', () => {
  it('writes the runs submitted in one turn in one transaction, each with its own message', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    const writer = new QueuedRunWriter(api.db.sql, api.broker);
    const runs = Array.from({ length: WRITES }, () => newRun(action.id, deployment.id));
    const written = await Promise.all(runs.map((run) => writer.write(runPublication(queue, run.id), run)));
    expect(written.map((queued) => queued?.run.id)).toEqual(runs.map((run) => run.id));
    expect(await writingTransactions(runs.map((run) => run.id))).toHaveProperty('size', 1);
    const messages = await api.broker.peek(queue, { limit: 2 * WRITES });
    const rows = await api.db.sql<{ id: string; message_id: string }[]>`select id, message_id from runs where action_id = ${action.id}`;
    expect(messages.map((message) => [message.correlationId, message.messageId]).sort()).toEqual(rows.map((row) => [row.id, row.message_id]).sort());
    expect(written.map((queued) => [queued?.run.id, queued?.receipts]).sort()).toEqual(
      rows.map((row) => [row.id, [{ messageIds: [row.message_id], queues: [queue] }]]).sort(),
    );
  });

  it('writes the others when one is refused: its Idempotency-Key taken, its action deleted', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    const writer = new QueuedRunWriter(api.db.sql, api.broker);
    const earlier = newRun(action.id, deployment.id, 'order-9');
    await writer.write(runPublication(queue, earlier.id), earlier);

    const fine = Array.from({ length: 4 }, () => newRun(action.id, deployment.id));
    const keyTaken = newRun(action.id, deployment.id, 'order-9');
    const noAction = newRun(crypto.randomUUID(), deployment.id);
    const [first, second, taken, missing, third, fourth] = await Promise.allSettled(
      [fine[0], fine[1], keyTaken, noAction, fine[2], fine[3]].map((run) => writer.write(runPublication(queue, run!.id), run!)),
    );
    expect(taken).toEqual({ status: 'fulfilled', value: null });
    expect(missing).toMatchObject({ status: 'rejected', reason: { code: '23503' } });
    for (const [index, result] of [first, second, third, fourth].entries()) {
      expect(result).toMatchObject({ status: 'fulfilled', value: { run: { id: fine[index]!.id, status: 'queued' } } });
    }
    const messages = await api.broker.peek(queue, { limit: 2 * WRITES });
    expect(messages.map((message) => message.correlationId).sort()).toEqual([earlier.id, ...fine.map((run) => run.id)].sort());
    const rows = await api.db.sql<{ id: string }[]>`select id from runs where deployment_id = ${deployment.id}`;
    expect(rows.map((row) => row.id).sort()).toEqual([earlier.id, ...fine.map((run) => run.id)].sort());
  });

  it('fails every trigger of a group whose connection broke, and writes none of them again behind its back', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    const writer = new QueuedRunWriter(api.db.sql, api.broker);
    // The runs table held locked, so the group waits at its inserts, after its publish; its backend is then terminated.
    const holder = await api.db.sql.reserve();
    try {
      await holder`begin`;
      await holder`lock table runs in exclusive mode`;
      const holderPid = await backendPid(holder);
      const runs = Array.from({ length: 3 }, () => newRun(action.id, deployment.id));
      const writes = Promise.allSettled(runs.map((run) => writer.write(runPublication(queue, run.id), run)));
      // Behind this holder only: another test file's insert waiting for a lock of its own is not the group's.
      const waiting = await waitFor(async () => {
        const pids = await sessionsWaitingBehind(api.db.sql, holderPid, 'insert into runs (');
        return pids.length > 0 ? pids : null;
      });
      expect(waiting).toHaveLength(1);
      await api.db.sql`select pg_terminate_backend(${waiting[0]!})`;
      const results = await writes;
      for (const result of results) {
        expect(result.status).toBe('rejected');
        expect(isDatabaseUnavailable((result as PromiseRejectedResult).reason)).toBe(true);
      }
      await holder`rollback`;
      // Every trigger was answered, so no write of them is pending: a retry behind their backs would have waited for the lock.
      expect(await api.db.sql`select 1 from runs where id = any(${runs.map((run) => run.id)}::uuid[])`).toHaveLength(0);
      expect(await api.broker.peek(queue, { limit: 10 })).toEqual([]);
    } finally {
      await holder`rollback`.catch(() => undefined);
      holder.release();
    }
  });
});
