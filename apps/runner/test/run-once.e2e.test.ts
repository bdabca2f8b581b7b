import { runRequestMessage } from '@interflow/registry';
import { backendPid, sessionsWaitingBehind, waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

/**
 * Issue 9, item 6: the attempt's outcome and the run's end are one transaction with the
 * settle, so a run succeeds once whatever is killed when; a request for a run that has
 * its outcome is acked without a call; leases are kept while deliveries wait.
 */
describe('a run succeeds once', () => {
  let world: RunnerWorld;

  beforeAll(async () => {
    world = await createRunnerWorld();
  });

  afterAll(async () => {
    await world.close();
  });

  it('a runner killed between the call and the commit of its outcome: one success, one succeeded attempt', async () => {
    const deploymentId = await world.createDeployment();
    const actionId = await world.createAction({ deploymentId, method: 'hold', timeoutMs: 60_000 });
    const doomed = await world.startRunner({ RUNNER_LEASE_MS: '2000' });
    const runId = await world.triggerRun(actionId, {});
    await waitFor(() => world.connector.calls.some((c) => c.runId === runId), { description: 'the call' });
    // Hold the run's row: the runner's transaction recording the answer waits for it, uncommitted.
    let releaseLock: () => void = () => undefined;
    const lockHeld = new Promise<void>((resolve) => (releaseLock = resolve));
    let locked: (pid: number) => void = () => undefined;
    const isLocked = new Promise<number>((resolve) => (locked = resolve));
    const holder = world.db.sql.begin(async (tx) => {
      await tx`select 1 from runs where id = ${runId} for update`;
      locked(await backendPid(tx));
      await lockHeld;
    });
    const holderPid = await isLocked;
    world.connector.releaseRun(runId);
    // Behind this holder only: test files share the database, and another's update may wait for a lock of its own.
    await waitFor(async () => (await sessionsWaitingBehind(world.db.sql, holderPid, 'update runs r set')).length > 0, {
      description: 'the runner to wait on the lock with the answer in hand',
    });
    await doomed.stop('SIGKILL');
    releaseLock();
    await holder;

    // The default lease: only the killed runner's lease had to lapse soon; a short one here
    // could lapse under a busy machine and count one more abandoned attempt.
    const survivor = await world.startRunner();
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.id === runId && r.status === 'succeeded'), {
      description: 'the run to succeed on the second runner',
    });
    expect(run.response).toEqual({ held_call: 2 });
    const attempts = await world.attemptsOf(runId);
    expect(attempts.filter((a) => a.outcome === 'succeeded')).toHaveLength(1);
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'succeeded']);
    await waitFor(async () => (await world.broker.queueStats('interflow.actions')).inFlight === 0, { description: 'the message to be acked' });

    // The same request again (a duplicate, a redrive): acked without a call, the outcome unchanged.
    const callsBefore = world.connector.calls.length;
    await world.broker.publish({
      exchange: '',
      routingKey: 'interflow.actions',
      mandatory: true,
      message: runRequestMessage(world.runRequestKeys, { actionId, runId, input: {}, trigger: 'api' }),
    });
    await waitFor(() => survivor.logs.some((line) => line.message === 'run already ended; re-announcing and acking without a call' && line.runId === runId), {
      description: 'the duplicate to be acked',
    });
    await waitFor(async () => {
      const stats = await world.broker.queueStats('interflow.actions');
      return stats.ready + stats.inFlight + stats.delayed === 0;
    });
    expect(world.connector.calls.length).toBe(callsBefore);
    expect((await world.attemptsOf(runId)).filter((a) => a.outcome === 'succeeded')).toHaveLength(1);
    await survivor.stop('SIGTERM');
  }, 240_000);

  it('deliveries waiting for their deployment\'s only call slot keep their leases: each run is called once', async () => {
    const deploymentId = await world.createDeployment({ maxConcurrency: 1 });
    const actionId = await world.createAction({ deploymentId, method: 'slow', timeoutMs: 30_000 });
    // Each call takes 2 s and they go one at a time: the last one waits three leases for the slot.
    const env = { RUNNER_LEASE_MS: '2500', RUNNER_CONCURRENCY: '4', RUNNER_PREFETCH: '8', RUNNER_LIMIT_WAIT_MS: '60000' };
    const runners = await Promise.all([world.startRunner(env), world.startRunner(env)]);
    const runIds = await Promise.all([1, 2, 3, 4].map(() => world.triggerRun(actionId, { ms: 2000 })));
    await waitFor(async () => (await world.runsOf(actionId)).filter((r) => r.status === 'succeeded').length === runIds.length, {
      timeoutMs: 120_000,
      description: 'every run to succeed',
    });
    for (const runId of runIds) {
      expect(world.connector.calls.filter((c) => c.runId === runId)).toHaveLength(1);
      expect((await world.attemptsOf(runId)).map((a) => a.outcome)).toEqual(['succeeded']);
    }
    await Promise.all(runners.map((runner) => runner.stop('SIGTERM')));
  }, 240_000);
});
