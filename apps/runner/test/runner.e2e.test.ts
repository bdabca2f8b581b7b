import { runRequestMessage } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

const fastRetries = { max_attempts: 4, initial_delay_ms: 100, multiplier: 2, max_delay_ms: 1000 };

/** The built runner daemon against real PostgreSQL and a real connector over HTTP. */
describe('runner executing actions', () => {
  let world: RunnerWorld;
  let deploymentId: string;
  let runnerHealthUrl: string;

  beforeAll(async () => {
    world = await createRunnerWorld();
    deploymentId = await world.createDeployment();
    runnerHealthUrl = (await world.startRunner({ RUNNER_CONCURRENCY: '4' })).healthUrl;
  });

  afterAll(async () => {
    await world.close();
  });

  it('calls the connector with the deployment context, signed, and replies with the result', async () => {
    const actionId = await world.createAction({ deploymentId, method: 'echo' });
    await world.broker.declareQueue({ name: 'test.replies' });
    await world.requestRun(actionId, { word: 'hello' }, { replyTo: 'test.replies' });
    const [reply] = await waitFor(async () => {
      const deliveries = await world.broker.claim('test.replies', { max: 1 });
      return deliveries.length > 0 ? deliveries : null;
    }, { description: 'the reply' });
    const [run] = await world.runsOf(actionId);
    expect(reply?.correlationId).toBe(run?.id);
    expect(reply?.payload).toEqual({ run_id: run?.id, status: 'succeeded', response: { echoed: { word: 'hello' }, calls: 1 } });
    expect(run).toMatchObject({ status: 'succeeded', attempts: 1, trigger: 'schedule' });
    const call = world.connector.calls.find((c) => c.runId === run?.id);
    expect(call).toMatchObject({ method: 'echo', attempt: 1, deploymentName: 'deployment-1', credentials: { api_key: 'secret-1' } });
  });

  it('retries a connector answering 500 twice, then 200: one successful run with three attempts', async () => {
    const actionId = await world.createAction({ deploymentId, method: 'flaky', retryPolicy: fastRetries });
    await world.requestRun(actionId, { failures: 2 });
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.status === 'succeeded'), {
      description: 'the flaky run to succeed',
    });
    expect(await world.runsOf(actionId)).toHaveLength(1);
    expect(run.response).toEqual({ succeeded_on_call: 3 });
    const attempts = await world.attemptsOf(run.id);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
      [1, 'retrying', 500],
      [2, 'retrying', 500],
      [3, 'succeeded', 200],
    ]);
    expect(attempts.every((a) => a.finishedAt !== null && a.durationMs !== null)).toBe(true);
  });

  it('dead-letters a 400 at once, keeping the response as the reason', async () => {
    const actionId = await world.createAction({ deploymentId, method: 'reject', retryPolicy: fastRetries });
    const messageId = await world.requestRun(actionId, { account: 42 });
    const dead = await waitFor(async () => {
      const messages = await world.broker.peek('interflow.actions.dead', { limit: 100 });
      return messages.find((m) => m.messageId === messageId || (m.payload as { action_id?: string }).action_id === actionId);
    }, { description: 'the message in the dead-letter queue' });
    const death = dead.deaths[dead.deaths.length - 1];
    expect(death).toMatchObject({ queue: 'interflow.actions', reason: 'rejected' });
    expect(death?.detail).toContain('the connector answered 400: account 42 is closed');
    expect(death?.detail).toContain('"account":42');
    const [run] = await world.runsOf(actionId);
    expect(run).toMatchObject({ status: 'failed', attempts: 1 });
    expect(world.connector.calls.filter((c) => c.runId === run?.id)).toHaveLength(1);
  });

  it('dead-letters a message that is not a run request, and one naming no action', async () => {
    const garbage = await world.broker.publish({ exchange: '', routingKey: 'interflow.actions', message: { payload: { hello: 1 } } });
    const unknown = await world.broker.publish({
      exchange: '',
      routingKey: 'interflow.actions',
      message: runRequestMessage(world.runRequestKeys, { actionId: '00000000-0000-4000-8000-000000000000', runId: null, input: {}, trigger: 'schedule' }),
    });
    const ids = [garbage.messageIds[0], unknown.messageIds[0]];
    const dead = await waitFor(async () => {
      const messages = await world.broker.peek('interflow.actions.dead', { limit: 100 });
      const found = messages.filter((m) => ids.includes(m.messageId));
      return found.length === 2 ? found : null;
    }, { description: 'both messages dead-lettered' });
    const details = dead.map((m) => m.deaths[m.deaths.length - 1]?.detail ?? '');
    expect(details.some((d) => d.includes('not a run request'))).toBe(true);
    expect(details.some((d) => d.includes('does not exist'))).toBe(true);
  });

  it('waits out a 429 with Retry-After and tries again, recording each attempt', async () => {
    const actionId = await world.createAction({ deploymentId, method: 'busy', retryPolicy: { ...fastRetries, max_attempts: 1 } });
    await world.requestRun(actionId, { busy_calls: 2 });
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.status === 'succeeded'), {
      description: 'the run to succeed after the connector stopped being busy',
    });
    const attempts = await world.attemptsOf(run.id);
    // max_attempts 1, yet three calls: a 429 does not use up an attempt.
    expect(attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ['rate_limited', 429],
      ['rate_limited', 429],
      ['succeeded', 200],
    ]);
    const times = world.connector.calls.filter((c) => c.runId === run.id).map((c) => c.at);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('fills the response cache for an action with a cache TTL', async () => {
    const actionId = await world.createAction({ deploymentId, method: 'echo', cacheTtlMs: 60_000 });
    await world.requestRun(actionId, { word: 'cached' });
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.status === 'succeeded'), { description: 'the run' });
    // the cache is filled after the run's end commits (a failed store never fails a run), so wait for it
    const entry = await waitFor(
      async () =>
        (
          await world.db.sql<{ response: unknown; run_id: string; ttl_ms: number }[]>`
            select response, run_id, extract(epoch from expires_at - stored_at) * 1000 as ttl_ms from response_cache where action_id = ${actionId}`
        )[0],
      { description: 'the cached response' },
    );
    expect(entry).toMatchObject({ response: run.response, run_id: run.id });
    expect(Number(entry?.ttl_ms)).toBe(60_000);
  });

  it('exports Prometheus metrics of runs and call durations', async () => {
    const text = await (await fetch(`${runnerHealthUrl}/metrics`)).text();
    expect(text).toMatch(/interflow_runs_total\{[^}]*status="succeeded"[^}]*\} [1-9]/);
    expect(text).toMatch(/interflow_runs_total\{[^}]*status="failed"[^}]*\} [1-9]/);
    expect(text).toContain('interflow_connector_call_duration_seconds_bucket');
    expect(text).toContain('interflow_run_duration_seconds_bucket');
    expect(text).toMatch(/interflow_runner_deliveries_total\{[^}]*outcome="come_back_later"/);
  });
});
