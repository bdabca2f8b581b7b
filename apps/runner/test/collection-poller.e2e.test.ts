import crypto from 'node:crypto';
import path from 'node:path';
import { ITEM_EVENTS_EXCHANGE } from '@interflow/broker';
import { createAction, createActionSubscription, createDeployment, registerService, type ItemEventPayload } from '@interflow/registry';
import { backendPid, freePort, sessionsWaitingBehind, startDaemon, waitFor, type DaemonProcess } from '@interflow/test-kit';
import { startFakeCollectionApi, type FakeCollectionApi } from './support/fake-collection-api';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

const HTTP_CONNECTOR = path.resolve(__dirname, '..', '..', 'http-connector', 'dist', 'main.js');

/**
 * Changes as events (issue 17): a poller action reads a foreign collection through the
 * HTTP connector; each run's items are compared with the action's states and every
 * change is published to `interflow.items` once — with two runners polling at once, and
 * when a runner dies after recording the changes but before its commit.
 */
describe('a collection poller', () => {
  let world: RunnerWorld;
  let api: FakeCollectionApi;
  let connector: DaemonProcess;
  let deploymentId: string;
  let sequence = 0;

  beforeAll(async () => {
    world = await createRunnerWorld();
    api = await startFakeCollectionApi();
    const signingSecret = crypto.randomBytes(24).toString('base64url');
    const port = await freePort();
    connector = await startDaemon({
      script: HTTP_CONNECTOR,
      env: { HTTP_CONNECTOR_PORT: String(port), CONNECTOR_SIGNING_SECRET: signingSecret, INTERFLOW_OUTBOUND_ALLOW: '127.0.0.1', LOG_LEVEL: 'info' },
      readyUrl: `http://127.0.0.1:${port}/healthz`,
    });
    const { service } = await registerService(
      world.db.sql,
      world.keyring,
      { name: 'http', baseUrl: `http://127.0.0.1:${port}`, methods: [{ name: 'call', http_method: 'POST', path: '/call', description: null, input_schema: null }] },
      signingSecret,
    );
    const deployment = await createDeployment(world.db.sql, world.keyring, {
      name: 'things-api',
      serviceId: service.id,
      connection: { base_url: api.url, auth: { kind: 'bearer' }, operations: { list: { path: '/things' } } },
      credentials: { token: 'api-token' },
    });
    deploymentId = deployment.id;
    await world.broker.declareExchange({ name: ITEM_EVENTS_EXCHANGE, type: 'topic' });
  });

  afterAll(async () => {
    await connector?.stop();
    await world?.close();
    await api?.close();
  });

  /** A poller of the whole collection, and a queue that receives every event it publishes. */
  async function createPoller(retry = { max_attempts: 3, initial_delay_ms: 100, multiplier: 1, max_delay_ms: 100 }) {
    const { action } = await createAction(world.db.sql, {
      name: `things-poller-${++sequence}`,
      deploymentId,
      method: 'call',
      defaultInput: { operation: 'list' },
      retryPolicy: retry,
      poller: { items: 'items', id: 'id', hash: null, snapshot: true },
    });
    const probe = `poll-probe-${sequence}`;
    await world.broker.declareQueue({ name: probe });
    await world.broker.bind({ exchange: ITEM_EVENTS_EXCHANGE, queue: probe, bindingKey: `${action.id}.item.*` });
    return { actionId: action.id, probe };
  }

  async function eventsOf(probe: string, runIds: string[]): Promise<string[]> {
    const deliveries = await world.broker.peek(probe, { limit: 1000 });
    return deliveries
      .map((d) => d.payload as ItemEventPayload)
      .filter((payload) => runIds.includes(payload.run_id))
      .map((payload) => `${payload.event} ${payload.item_id}`)
      .sort();
  }

  async function pollOnce(actionId: string): Promise<string> {
    const runId = await world.triggerRun(actionId, {});
    await waitFor(async () => (await world.runsOf(actionId)).some((r) => r.id === runId && r.status === 'succeeded'), {
      timeoutMs: 60_000,
      description: `poll ${runId} to succeed`,
    });
    return runId;
  }

  /**
   * Takes the lock a poller's comparison takes (the runner's transaction then waits for it,
   * uncommitted), and counts the sessions waiting behind it (only those: test files share the database).
   */
  async function holdPollerLock(actionId: string): Promise<{ waiters(): Promise<number>; release(): Promise<void> }> {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked: (pid: number) => void = () => undefined;
    const isLocked = new Promise<number>((resolve) => (locked = resolve));
    const holder = world.db.sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${`interflow.poller:${actionId}`}, 0))`;
      locked(await backendPid(tx));
      await released;
    });
    const holderPid = await isLocked;
    return {
      waiters: async () => (await sessionsWaitingBehind(world.db.sql, holderPid, 'pg_advisory_xact_lock')).length,
      release: async () => {
        release();
        await holder;
      },
    };
  }

  function put(id: string, title: string) {
    api.things.set(id, { id, title });
  }

  it('reports created, changed and deleted items over four polls with edits in between, with two runners', async () => {
    const { actionId, probe } = await createPoller();
    // Another action reacts to deletions only, through a subscription whose source is the poller.
    const reactor = await world.createAction({ deploymentId: await world.createDeployment(), method: 'echo' });
    await createActionSubscription(world.db.sql, world.broker, { actionId: reactor, itemSource: { pollerActionId: actionId, events: ['deleted'] } });
    const runners = await Promise.all([world.startRunner({ RUNNER_CONCURRENCY: '2' }), world.startRunner({ RUNNER_CONCURRENCY: '2' })]);
    put('a', 'first');
    put('b', 'second');
    put('c', 'third');

    const first = await pollOnce(actionId);
    expect(await eventsOf(probe, [first])).toEqual(['item.created a', 'item.created b', 'item.created c']);

    put('b', 'second, edited');
    api.things.delete('c');
    put('d', 'fourth');
    const second = await pollOnce(actionId);
    expect(await eventsOf(probe, [second])).toEqual(['item.changed b', 'item.created d', 'item.deleted c']);

    // Nothing changed upstream: nothing to say.
    const third = await pollOnce(actionId);
    expect(await eventsOf(probe, [third])).toEqual([]);

    // The fourth poll is four runs at once on both runners: each change is reported by exactly one of them.
    put('a', 'first, edited');
    api.things.delete('d');
    put('c', 'third, back again');
    const fourth = await Promise.all([1, 2, 3, 4].map(() => world.triggerRun(actionId, {})));
    await waitFor(async () => (await world.runsOf(actionId)).filter((r) => fourth.includes(r.id) && r.status === 'succeeded').length === 4, {
      timeoutMs: 60_000,
      description: 'the four concurrent polls to succeed',
    });
    expect(await eventsOf(probe, fourth)).toEqual(['item.changed a', 'item.created c', 'item.deleted d']);

    // And two polls that certainly meet: both wait at the poller's lock with the same answer in hand, then compare in turn.
    put('b', 'second, edited again');
    const held = await holdPollerLock(actionId);
    const fifth = await Promise.all([1, 2].map(() => world.triggerRun(actionId, {})));
    await waitFor(async () => (await held.waiters()) === 2, { timeoutMs: 60_000, description: 'both polls to wait at the poller lock' });
    await held.release();
    await waitFor(async () => (await world.runsOf(actionId)).filter((r) => fifth.includes(r.id) && r.status === 'succeeded').length === 2, {
      timeoutMs: 60_000,
      description: 'the two meeting polls to succeed',
    });
    expect(await eventsOf(probe, fifth)).toEqual(['item.changed b']);

    const payloads = (await world.broker.peek(probe, { limit: 1000 })).map((d) => d.payload as ItemEventPayload);
    const changedA = payloads.find((p) => p.event === 'item.changed' && p.item_id === 'a');
    expect(changedA).toMatchObject({ action_id: actionId, item: { id: 'a', title: 'first, edited' } });
    expect(payloads.find((p) => p.event === 'item.deleted' && p.item_id === 'd')).toMatchObject({ item: null });
    const states = await world.db.sql<{ fid: string }[]>`select fid from action_states where action_id = ${actionId} order by fid`;
    expect(states.map((s) => s.fid)).toEqual(['a', 'b', 'c']);

    const reactions = await waitFor(
      async () => {
        const runs = await world.runsOf(reactor);
        return runs.length === 2 && runs.every((r) => r.status === 'succeeded') ? runs : null;
      },
      { timeoutMs: 60_000, description: 'the subscriber to run once per deletion' },
    );
    expect(reactions.map((r) => `${String(r.input.event)} ${String(r.input.item_id)}`).sort()).toEqual(['item.deleted c', 'item.deleted d']);
    await Promise.all(runners.map((runner) => runner.stop('SIGTERM')));
  }, 240_000);

  it('a failed call and a runner killed before its commit: each change is published once', async () => {
    const { actionId, probe } = await createPoller();
    api.things.clear();
    put('x', 'one');
    put('y', 'two');
    const doomed = await world.startRunner({ RUNNER_LEASE_MS: '2000' });
    // Hold the poller's comparison lock: the runner records the run's end, then waits here, uncommitted.
    const held = await holdPollerLock(actionId);
    const callsBefore = api.calls;
    api.failNext(1);
    const runId = await world.triggerRun(actionId, {});
    await waitFor(
      async () => (await held.waiters()) > 0 && api.calls - callsBefore === 2,
      { timeoutMs: 60_000, description: 'the runner to wait on the poller lock with the second answer in hand' },
    );
    await doomed.stop('SIGKILL');
    await held.release();

    // The default lease: only the killed runner's lease had to lapse soon; a short one here
    // could lapse under a busy machine and count one more abandoned attempt.
    const survivor = await world.startRunner();
    await waitFor(async () => (await world.runsOf(actionId)).some((r) => r.id === runId && r.status === 'succeeded'), {
      timeoutMs: 60_000,
      description: 'the poll to succeed on the second runner',
    });
    expect((await world.attemptsOf(runId)).map((a) => a.outcome)).toEqual(['retrying', 'failed', 'succeeded']);
    expect(api.calls - callsBefore).toBe(3);
    expect(await eventsOf(probe, [runId])).toEqual(['item.created x', 'item.created y']);
    // Nothing else reached the probe: the killed runner's publishes rolled back with its states.
    expect(await world.broker.peek(probe, { limit: 1000 })).toHaveLength(2);
    await survivor.stop('SIGTERM');
  }, 240_000);
});
