import request from 'supertest';
import { DEFAULT_EXCHANGE, type Consumer } from '@interflow/broker';
import {
  completeRun,
  finishRunAttempt,
  hashRunInput,
  parseRunRequest,
  runRequestKeys,
  startRunAttempt,
  storeCachedResponse,
} from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { createActionChain, uniqueName } from './support/fixtures';
import { useApiWithLogs } from './support/api-with-logs';

const ctx = useApiWithLogs();

interface ActionMessage {
  action_id: string;
  run_id: string;
  input: Record<string, unknown>;
}

/**
 * Plays the runner's part of contract 3 on one queue: records the attempt and the
 * outcome through core, then publishes the reply to `replyTo` with the run id as
 * correlation id.
 */
function fakeRunner(queue: string): Consumer {
  return ctx.api.broker.consume<ActionMessage>(queue, async (delivery) => {
    const runId = delivery.payload.run_id;
    const started = new Date();
    await startRunAttempt(ctx.api.db.sql, runId, delivery.attempt, started);
    const response = { greeting: `hello ${String(delivery.payload.input.name)}` };
    await finishRunAttempt(ctx.api.db.sql, runId, delivery.attempt, { finishedAt: new Date(), outcome: 'succeeded', httpStatus: 200, response });
    await completeRun(ctx.api.db.sql, runId, { status: 'succeeded', finishedAt: new Date(), response });
    if (delivery.replyTo) {
      await ctx.api.broker.publish({
        exchange: DEFAULT_EXCHANGE,
        routingKey: delivery.replyTo,
        message: { payload: { run_id: runId, status: 'succeeded', response }, correlationId: runId },
      });
    }
  });
}

describe('POST /v1/actions/:id/runs', () => {
  it('answers 202 with a queued run and publishes the run message per contract', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(ctx.api, { queue, default_input: { times: 2 } });
    const response = await request(ctx.api.app)
      .post(`/v1/actions/${action.id}/runs`)
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ input: { name: 'Ada' } })
      .expect(202);
    expect(response.body).toMatchObject({ status: 'queued', action_id: action.id, deployment_id: deployment.id, trigger: 'api', input: { name: 'Ada', times: 2 } });
    expect(response.headers.location).toBe(`/v1/runs/${response.body.id}`);
    const [message] = await ctx.api.broker.peek(queue);
    if (!message) throw new Error('nothing was published');
    // the run request contract: signed, so the runner accepts it, and its trigger named
    expect(parseRunRequest(message, runRequestKeys(ctx.api.deps.keyring))).toEqual({
      actionId: action.id,
      runId: response.body.id,
      input: { name: 'Ada', times: 2 },
      trigger: 'api',
      requestId: expect.any(String),
    });
    expect(message.headers['x-action-id']).toBe(action.id);
    expect(message?.correlationId).toBe(response.body.id);
    const run = await request(ctx.api.app).get(`/v1/runs/${response.body.id}`).set(ctx.api.auth(ctx.api.adminToken)).expect(200);
    expect(run.body).toMatchObject({ status: 'queued', attempts: [] });
  });

  it('refuses input that does not match the method schema, storing and publishing nothing', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action } = await createActionChain(ctx.api, { queue });
    const response = await request(ctx.api.app)
      .post(`/v1/actions/${action.id}/runs`)
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ input: { times: 'twice' } })
      .expect(400);
    const fields = (response.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['input.name', 'input.times']);
    expect(await ctx.api.db.sql`select 1 from runs where action_id = ${action.id}`).toHaveLength(0);
    expect(await ctx.api.broker.peek(queue)).toHaveLength(0);
  });

  it('does not let a viewer run an action', async () => {
    const { action } = await createActionChain(ctx.api, { queue: uniqueName('interflow.actions.q') });
    const viewer = await ctx.api.mintToken('viewer');
    await request(ctx.api.app).post(`/v1/actions/${action.id}/runs`).set(ctx.api.auth(viewer)).send({ input: { name: 'x' } }).expect(403);
    await request(ctx.api.app).post(`/v1/actions/${action.id}/runs`).send({ input: { name: 'x' } }).expect(401);
    expect(await ctx.api.db.sql`select 1 from runs where action_id = ${action.id}`).toHaveLength(0);
  });

  it('creates one run for retried requests with the same Idempotency-Key', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action } = await createActionChain(ctx.api, { queue });
    const send = (name: string) =>
      request(ctx.api.app).post(`/v1/actions/${action.id}/runs`).set(ctx.api.auth(ctx.api.adminToken)).set('Idempotency-Key', 'order-42').send({ input: { name } });
    const [a, b] = await Promise.all([send('Ada'), send('Ada')]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).toBe(b.body.id);
    const third = await send('Ada').expect(202);
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect(third.body.id).toBe(a.body.id);
    const messages = await ctx.api.broker.peek(queue, { limit: 10 });
    expect(messages).toHaveLength(1);
    // The run records the message that carries it (the loser's publish rolled back with its transaction).
    const [run] = await ctx.api.db.sql<{ message_id: string }[]>`select message_id from runs where id = ${a.body.id}`;
    expect(run?.message_id).toBe(messages[0]?.messageId);
    const conflict = await send('Grace').expect(409);
    expect(conflict.body.error.code).toBe('conflict');
  });

  it('waits for the reply with ?wait and answers 200 with the response', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action } = await createActionChain(ctx.api, { queue });
    const runner = fakeRunner(queue);
    try {
      const response = await request(ctx.api.app)
        .post(`/v1/actions/${action.id}/runs`)
        .query({ wait: 30 })
        .set(ctx.api.auth(ctx.api.adminToken))
        .send({ input: { name: 'Ada' } })
        .expect(200);
      expect(response.body).toMatchObject({ status: 'succeeded', response: { greeting: 'hello Ada' } });
      const run = await request(ctx.api.app).get(`/v1/runs/${response.body.id}`).set(ctx.api.auth(ctx.api.adminToken)).expect(200);
      expect(run.body.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'succeeded', http_status: 200 })]);
    } finally {
      await runner.stop();
    }
  });

  it('answers 202 when the run does not end within ?wait', async () => {
    const { action } = await createActionChain(ctx.api, { queue: uniqueName('interflow.actions.q') });
    const response = await request(ctx.api.app)
      .post(`/v1/actions/${action.id}/runs`)
      .query({ wait: 0.3 })
      .set(ctx.api.auth(ctx.api.adminToken))
      .send({ input: { name: 'Ada' } })
      .expect(202);
    expect(response.body.status).toBe('queued');
    await request(ctx.api.app).post(`/v1/actions/${action.id}/runs`).query({ wait: 301 }).set(ctx.api.auth(ctx.api.adminToken)).send({}).expect(400);
  });

  it('answers from a fresh cached response without publishing', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action } = await createActionChain(ctx.api, { queue, cache_ttl_ms: 60_000 });
    await storeCachedResponse(ctx.api.db.sql, {
      actionId: action.id,
      inputHash: hashRunInput({ name: 'Ada' }),
      response: { greeting: 'cached hello' },
      runId: null,
      ttlMs: 60_000,
      now: new Date(),
    });
    const response = await request(ctx.api.app).post(`/v1/actions/${action.id}/runs`).set(ctx.api.auth(ctx.api.adminToken)).send({ input: { name: 'Ada' } }).expect(200);
    expect(response.body).toMatchObject({ status: 'succeeded', from_cache: true, response: { greeting: 'cached hello' } });
    expect(await ctx.api.broker.peek(queue)).toHaveLength(0);
    await request(ctx.api.app).post(`/v1/actions/${action.id}/runs`).set(ctx.api.auth(ctx.api.adminToken)).send({ input: { name: 'Bob' } }).expect(202);
    expect(await ctx.api.broker.peek(queue)).toHaveLength(1);
    const metrics = await request(ctx.api.app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/interflow_api_runs_triggered_total\{[^}]*trigger="api"[^}]*result="cached"[^}]*\} 1/);
  });
});

describe('POST /v1/hooks/:secret', () => {
  it('runs the action without a token, the body being the input, and never logs the secret', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action } = await createActionChain(ctx.api, { queue });
    const response = await request(ctx.api.app).post(action.webhook_path).send({ name: 'Hook' }).expect(202);
    expect(response.body).toMatchObject({ trigger: 'webhook', triggered_by: 'webhook', input: { name: 'Hook' } });
    await request(ctx.api.app).post(action.webhook_path).send([1, 2]).expect(400);
    await request(ctx.api.app).post('/v1/hooks/whk_not-a-real-one').send({}).expect(404);
    const secret = action.webhook_path.split('/').pop() ?? '';
    await waitFor(() => ctx.logLines.some((line) => line.includes('/v1/hooks/[redacted]')));
    expect(ctx.logLines.join('')).not.toContain(secret);
  });
});

describe('GET /v1/runs', () => {
  it('filters by action, status and time, newest first, within the token scope', async () => {
    const queue = uniqueName('interflow.actions.q');
    const { action, deployment } = await createActionChain(ctx.api, { queue });
    const other = await createActionChain(ctx.api, { queue });
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const r = await request(ctx.api.app).post(`/v1/actions/${action.id}/runs`).set(ctx.api.auth(ctx.api.adminToken)).send({ input: { name } }).expect(202);
      ids.push(r.body.id);
    }
    await request(ctx.api.app).post(`/v1/actions/${other.action.id}/runs`).set(ctx.api.auth(ctx.api.adminToken)).send({ input: { name: 'z' } }).expect(202);
    await completeRun(ctx.api.db.sql, ids[0] ?? '', { status: 'failed', finishedAt: new Date(), error: { message: 'boom' } });

    const byAction = await request(ctx.api.app).get('/v1/runs').query({ action_id: action.id }).set(ctx.api.auth(ctx.api.adminToken)).expect(200);
    expect(byAction.body.items.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    const failed = await request(ctx.api.app).get('/v1/runs').query({ action_id: action.id, status: 'failed' }).set(ctx.api.auth(ctx.api.adminToken)).expect(200);
    expect(failed.body.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const future = await request(ctx.api.app).get('/v1/runs').query({ since: new Date(Date.now() + 3_600_000).toISOString() }).set(ctx.api.auth(ctx.api.adminToken)).expect(200);
    expect(future.body.items).toEqual([]);
    const paged = await request(ctx.api.app).get('/v1/runs').query({ action_id: action.id, limit: 2 }).set(ctx.api.auth(ctx.api.adminToken)).expect(200);
    const rest = await request(ctx.api.app)
      .get('/v1/runs')
      .query({ action_id: action.id, limit: 2, cursor: paged.body.next_cursor })
      .set(ctx.api.auth(ctx.api.adminToken))
      .expect(200);
    expect([...paged.body.items, ...rest.body.items].map((r: { id: string }) => r.id)).toEqual([...ids].reverse());

    const scoped = await ctx.api.mintToken('viewer', { deploymentScopes: [deployment.id] });
    const visible = await request(ctx.api.app).get('/v1/runs').query({ limit: 500 }).set(ctx.api.auth(scoped)).expect(200);
    expect(new Set(visible.body.items.map((r: { deployment_id: string }) => r.deployment_id))).toEqual(new Set([deployment.id]));
    const hidden = (await ctx.api.db.sql<{ id: string }[]>`select id from runs where action_id = ${other.action.id}`)[0]?.id;
    await request(ctx.api.app).get(`/v1/runs/${hidden}`).set(ctx.api.auth(scoped)).expect(404);
    await request(ctx.api.app).get('/v1/runs').query({ status: 'lost' }).set(ctx.api.auth(ctx.api.adminToken)).expect(400);
  });
});
