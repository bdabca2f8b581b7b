import { runRequestMessage } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

/**
 * A deployment limited to 5 calls a second (burst 5) keeps to it with two runner
 * processes consuming together: the limit lives in PostgreSQL, not in a runner.
 * Bounds are generous; the point is that the runners do not each allow 5/s.
 */
describe('per-deployment limits across runners', () => {
  let world: RunnerWorld;

  beforeAll(async () => {
    world = await createRunnerWorld();
  });

  afterAll(async () => {
    await world.close();
  });

  it('holds 5 calls per second over several seconds with two runners', async () => {
    const deploymentId = await world.createDeployment({ rateLimit: { requests: 5, interval_ms: 1000 } });
    const actionId = await world.createAction({ deploymentId, method: 'echo' });
    const runners = await Promise.all([
      world.startRunner({ RUNNER_CONCURRENCY: '8', RUNNER_PREFETCH: '8' }),
      world.startRunner({ RUNNER_CONCURRENCY: '8', RUNNER_PREFETCH: '8' }),
    ]);
    const total = 40;
    await world.broker.publishBatch(
      Array.from({ length: total }, (_, i) => ({
        exchange: '',
        routingKey: 'interflow.actions',
        message: runRequestMessage(world.runRequestKeys, { actionId, runId: null, input: { n: i }, trigger: 'schedule' }),
      })),
    );
    await waitFor(async () => (await world.runsOf(actionId)).filter((r) => r.status === 'succeeded').length === total, {
      timeoutMs: 90_000,
      intervalMs: 250,
      description: `${total} rate-limited runs to succeed`,
    });

    const times = world.connector.calls.filter((c) => c.method === 'echo').map((c) => c.at).sort((a, b) => a - b);
    expect(times).toHaveLength(total);
    // Tokens: in any 3-second window at most the burst plus three seconds of refill (5 + 15).
    // Arrivals: a call reaches the connector some time after its token, and a busy machine
    // bunches those delays, so arrivals in a window may include tokens from up to ~1.4 s
    // before it (5 + 5 × 4.4 = 27). Two runners each allowing 5/s would put about 35 there.
    const windowMs = 3000;
    let busiest = 0;
    for (const [i, start] of times.entries()) {
      busiest = Math.max(busiest, times.slice(i).filter((t) => t < start + windowMs).length);
    }
    expect(busiest).toBeLessThanOrEqual(27);
    // 40 calls at 5/s after a burst of 5 need about 7 s; far less means the limit leaked.
    const first = times[0] ?? 0;
    const last = times[times.length - 1] ?? 0;
    expect(last - first).toBeGreaterThanOrEqual(5000);
    // Both runners took part.
    for (const runner of runners) {
      const calls = runner.logs.filter((line) => line.message === 'connector call ended' && line.actionId === actionId);
      expect(calls.length).toBeGreaterThan(0);
    }
  });

  it('never has more calls in flight than max_concurrency, with two runners', async () => {
    const deploymentId = await world.createDeployment({ maxConcurrency: 2 });
    const actionId = await world.createAction({ deploymentId, method: 'slow' });
    // The two runners of the first test are still consuming, each with 8 handlers.
    const total = 12;
    await world.broker.publishBatch(
      Array.from({ length: total }, () => ({
        exchange: '',
        routingKey: 'interflow.actions',
        message: runRequestMessage(world.runRequestKeys, { actionId, runId: null, input: { ms: 300 }, trigger: 'schedule' }),
      })),
    );
    await waitFor(async () => (await world.runsOf(actionId)).filter((r) => r.status === 'succeeded').length === total, {
      timeoutMs: 60_000,
      intervalMs: 250,
      description: `${total} concurrency-limited runs to succeed`,
    });
    const spans = world.connector.slowSpans;
    expect(spans).toHaveLength(total);
    const mostAtOnce = Math.max(...spans.map((span) => spans.filter((other) => other.start <= span.start && other.end > span.start).length));
    expect(mostAtOnce).toBeLessThanOrEqual(2);
  });
});
