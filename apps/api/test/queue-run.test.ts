import crypto from 'node:crypto';
import { DEFAULT_EXCHANGE, type Publication } from '@interflow/broker';
import { hashRunInput, type NewRun } from '@interflow/registry';
import { writeQueuedRun } from '../src/triggering/queue-run';
import { createActionChain, uniqueName } from './support/fixtures';
import { createTestApi, type TestApi } from './support/test-api';

/** More writes than the test pool has connections (8): a connection not given back would hang the next. */
const WRITES = 12;

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

function newRun(actionId: string, deploymentId: string, idempotencyKey: string | null = null): NewRun {
  const input = { n: 1 };
  return { id: crypto.randomUUID(), actionId, deploymentId, trigger: 'api', triggeredBy: 'test', input, inputHash: hashRunInput(input), idempotencyKey };
}

function publication(queue: string, runId: string): Publication {
  return { exchange: DEFAULT_EXCHANGE, routingKey: queue, mandatory: true, message: { payload: { run_id: runId }, correlationId: runId } };
}

describe('writeQueuedRun: begin sent with the publish, commit with the insert', () => {
  it('commits each run with the id of its message, and gives the connection back', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    for (let index = 0; index < WRITES; index++) {
      const run = newRun(action.id, deployment.id);
      const written = await writeQueuedRun(api.db.sql, api.broker, publication(queue, run.id), run);
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
      await expect(writeQueuedRun(api.db.sql, api.broker, publication(queue, run.id), run)).rejects.toMatchObject({ code: '23503' });
    }
    expect(await api.broker.peek(queue, { limit: 2 * WRITES })).toEqual([]);
    expect(await api.db.sql`select 1 from runs where id = any(${runIds}::uuid[])`).toHaveLength(0);
  });

  it('answers null and writes nothing when the Idempotency-Key was taken meanwhile', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(api, { queue });
    const first = newRun(action.id, deployment.id, 'order-7');
    expect(await writeQueuedRun(api.db.sql, api.broker, publication(queue, first.id), first)).not.toBeNull();
    for (let index = 0; index < WRITES; index++) {
      const again = newRun(action.id, deployment.id, 'order-7');
      expect(await writeQueuedRun(api.db.sql, api.broker, publication(queue, again.id), again)).toBeNull();
    }
    const messages = await api.broker.peek(queue, { limit: 2 * WRITES });
    expect(messages.map((message) => message.correlationId)).toEqual([first.id]);
    expect(await api.db.sql`select id from runs where action_id = ${action.id}`).toEqual([{ id: first.id }]);
  });
});
