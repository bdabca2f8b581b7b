import request from 'supertest';
import { createMetricsRegistry } from '@interflow/core';
import { completeRun, startRunAttempt } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { EventHub } from '../src/events/event-hub';
import { createServer } from '../src/server';
import { listen, openEventStream, type EventStreamClient } from './support/event-stream-client';
import { createAction, createActionChain, createDeployment } from './support/fixtures';
import { createTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let server: { url: string; close(): Promise<void> };
const streams: EventStreamClient[] = [];
/**
 * Events are read once every transaction older than them has ended; in the whole suite,
 * other test files' transactions on the same server can hold them back for a while.
 */
const EVENT_WAIT_MS = 100_000;

beforeAll(async () => {
  api = await createTestApi({ eventHeartbeatMs: 1000 });
  server = await listen(api.app);
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await server?.close();
  await api?.close();
});

async function open(token: string, lastEventId?: string): Promise<EventStreamClient> {
  const stream = await openEventStream(server.url, token, lastEventId);
  streams.push(stream);
  return stream;
}

async function trigger(actionId: string, name: string): Promise<string> {
  const response = await request(api.app)
    .post(`/v1/actions/${actionId}/runs`)
    .set(api.auth(api.adminToken))
    .send({ input: { name } })
    .expect(202);
  return response.body.id as string;
}

/** What the runner writes for one successful attempt. */
async function runToSuccess(runId: string): Promise<void> {
  await startRunAttempt(api.db.sql, runId, 1, new Date());
  await completeRun(api.db.sql, runId, { status: 'succeeded', finishedAt: new Date(), response: { ok: true } });
}

const runEvents = (stream: EventStreamClient, runId: string) =>
  stream.events.filter((event) => event.data.run_id === runId).map((event) => `${event.kind}:${String(event.data.status)}`);

describe('GET /v1/events', () => {
  it('needs a token', async () => {
    await request(api.app).get('/v1/events').expect(401);
  });

  it('refuses a Last-Event-ID it never gave out, naming the header', async () => {
    const response = await request(api.app).get('/v1/events').set(api.auth(api.adminToken)).set('Last-Event-ID', 'nope').expect(400);
    expect(JSON.stringify(response.body)).toContain('Last-Event-ID');
  });

  it('shows a run go created → started → finished, with heartbeats', async () => {
    const { action } = await createActionChain(api);
    const stream = await open(api.adminToken);
    expect(stream.status).toBe(200);
    const runId = await trigger(action.id, 'Ada');
    await runToSuccess(runId);
    await waitFor(() => runEvents(stream, runId).length === 3, { timeoutMs: EVENT_WAIT_MS, description: 'three run events' });
    expect(runEvents(stream, runId)).toEqual(['run.created:queued', 'run.started:running', 'run.finished:succeeded']);
    expect(stream.events.find((event) => event.data.run_id === runId)?.data).toMatchObject({ action_id: action.id, trigger: 'api' });
    await waitFor(() => stream.comments > 0, { timeoutMs: EVENT_WAIT_MS, description: 'a heartbeat comment' });
  });

  it('resumes after Last-Event-ID with exactly the missed events, then goes on live', async () => {
    const { action } = await createActionChain(api);
    const first = await open(api.adminToken);
    const firstRun = await trigger(action.id, 'one');
    await waitFor(() => runEvents(first, firstRun).length === 1, { timeoutMs: EVENT_WAIT_MS, description: 'the first run created' });
    // The last logged event: queue.depth events carry no id and are not resumed from.
    const lastSeen = first.events.filter((event) => event.id !== undefined).at(-1);
    first.close();

    const missed = [await trigger(action.id, 'two'), await trigger(action.id, 'three')];
    await runToSuccess(firstRun);

    const resumed = await open(api.adminToken, lastSeen?.id);
    const fourth = await trigger(action.id, 'four');
    await waitFor(() => runEvents(resumed, fourth).length === 1, { timeoutMs: EVENT_WAIT_MS, description: 'the live run after the replay' });
    const logged = resumed.events.filter((event) => event.kind !== 'queue.depth');
    expect(resumed.events.filter((event) => event.kind === 'queue.depth' && event.id !== undefined)).toEqual([]);
    expect(logged.map((event) => `${event.kind}:${String(event.data.run_id)}`)).toEqual([
      `run.created:${missed[0]}`,
      `run.created:${missed[1]}`,
      `run.started:${firstRun}`,
      `run.finished:${firstRun}`,
      `run.created:${fourth}`,
    ]);
    expect(new Set(logged.map((event) => event.id)).size).toBe(logged.length);
  });

  it('starts a stream resumed from outside the replay window with a reset event', async () => {
    const stream = await open(api.adminToken, '1-1');
    await waitFor(() => stream.events.some((event) => event.kind === 'reset'), { timeoutMs: EVENT_WAIT_MS, description: 'a reset event' });
  });

  it("shows a scoped token its deployments' events and nothing of another deployment", async () => {
    const mine = await createActionChain(api);
    const otherDeployment = await createDeployment(api, mine.service.id);
    const other = await createAction(api, otherDeployment.id);
    const scoped = await api.mintToken('admin', { deploymentScopes: [mine.deployment.id] });
    const scopedStream = await open(scoped);
    const adminStream = await open(api.adminToken);
    const otherRun = await trigger(other.id, 'not yours');
    await runToSuccess(otherRun);
    const myRun = await trigger(mine.action.id, 'yours');
    await waitFor(() => runEvents(scopedStream, myRun).length === 1 && runEvents(adminStream, myRun).length === 1, {
      description: 'both streams to see the scoped run',
    });
    expect(runEvents(adminStream, otherRun)).toEqual(['run.created:queued', 'run.started:running', 'run.finished:succeeded']);
    expect(scopedStream.events.filter((event) => event.data.deployment_id !== mine.deployment.id)).toEqual([]);
    expect(scopedStream.events.some((event) => event.kind === 'queue.depth')).toBe(false);
  });

  it('reaches every api instance, whichever process wrote the change', async () => {
    const { action } = await createActionChain(api);
    const secondHub = new EventHub({ sql: api.db.sql, broker: api.deps.broker, logger: api.deps.logger, clock: api.deps.clock, settings: { pollIntervalMs: 50, depthIntervalMs: 200 } });
    const second = await listen(createServer({ ...api.deps, metrics: createMetricsRegistry('api-second'), events: secondHub }));
    try {
      const stream = await openEventStream(second.url, api.adminToken);
      streams.push(stream);
      const runId = await trigger(action.id, 'elsewhere');
      await waitFor(() => runEvents(stream, runId).length === 1, { timeoutMs: EVENT_WAIT_MS, description: 'the other instance to see the run' });
    } finally {
      await secondHub.close();
      await second.close();
    }
  });

  it('shows user queue depth to unscoped tokens and dead letters as they happen', async () => {
    const stream = await open(api.adminToken);
    await api.broker.declareQueue({ name: 'ev.dead' });
    await api.broker.declareQueue({ name: 'ev.work', policy: { maxAttempts: 1, deadLetterQueue: 'ev.dead' } });
    await api.broker.publish({ exchange: '', routingKey: 'ev.work', message: { payload: { n: 1 } } });
    await waitFor(
      () => stream.events.some((event) => event.kind === 'queue.depth' && JSON.stringify(event.data).includes('"queue":"ev.work","ready":1')),
      { timeoutMs: EVENT_WAIT_MS, description: 'the depth of ev.work' },
    );
    const [delivery] = await api.broker.claim('ev.work', { max: 1, leaseMs: 30_000, consumerId: 'events-test' });
    if (!delivery) throw new Error('nothing claimed');
    await api.broker.reject(delivery, 'bad message');
    await waitFor(() => stream.events.some((event) => event.kind === 'message.dead_lettered'), { timeoutMs: EVENT_WAIT_MS, description: 'the dead letter event' });
    expect(stream.events.find((event) => event.kind === 'message.dead_lettered')?.data).toMatchObject({
      queue: 'ev.dead',
      from_queue: 'ev.work',
      reason: expect.any(String),
    });
  });

  it("reports a schedule's fires under its action's deployment", async () => {
    const { action, deployment } = await createActionChain(api);
    const scoped = await open(await api.mintToken('viewer', { deploymentScopes: [deployment.id] }));
    const schedule = await request(api.app)
      .post('/v1/schedules')
      .set(api.auth(api.adminToken))
      .send({ name: 'ev-every-minute', target: { type: 'action', action_id: action.id, input: { name: 'cron' } }, rule: { type: 'interval', every_ms: 60_000 } })
      .expect(201);
    // What the producer writes when it fires (apps/producer records fires in its own transaction).
    await api.db.sql`insert into schedule_fires (schedule_id, fire_time, outcome) values (${schedule.body.id}, now(), 'published')`;
    await waitFor(() => scoped.events.some((event) => event.kind === 'schedule.fired'), { timeoutMs: EVENT_WAIT_MS, description: 'the fire event' });
    expect(scoped.events.find((event) => event.kind === 'schedule.fired')?.data).toMatchObject({
      count: 1,
      fires: [{ schedule_id: schedule.body.id, name: 'ev-every-minute', outcome: 'published' }],
    });
  });
});
