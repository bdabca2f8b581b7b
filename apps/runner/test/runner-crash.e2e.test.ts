import { waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

/** What happens to a call in flight when its runner dies or is asked to stop. */
describe('runner crash and shutdown', () => {
  let world: RunnerWorld;
  let actionId: string;

  beforeAll(async () => {
    world = await createRunnerWorld();
    const deploymentId = await world.createDeployment();
    actionId = await world.createAction({ deploymentId, method: 'hold', timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await world.close();
  });

  async function heldCallOfNewRun(): Promise<string> {
    const before = new Set(world.connector.calls.map((c) => c.runId));
    await world.requestRun(actionId, {});
    const call = await waitFor(() => world.connector.calls.find((c) => c.method === 'hold' && !before.has(c.runId)), {
      description: 'the connector to receive the call',
    });
    return call.runId;
  }

  it('a runner killed with SIGKILL mid-call: the message comes back and the run completes once', async () => {
    const doomed = await world.startRunner({ RUNNER_LEASE_MS: '2000' });
    const runId = await heldCallOfNewRun();
    await doomed.stop('SIGKILL');

    // The default lease: only the killed runner's lease had to lapse soon; a short one here
    // could lapse under a busy machine and count one more abandoned attempt.
    const survivor = await world.startRunner();
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.id === runId && r.status === 'succeeded'), {
      description: 'the run to complete on the second runner',
    });
    expect(await survivor.stop('SIGTERM')).toBe(0);
    expect((await world.runsOf(actionId)).filter((r) => r.id === runId)).toHaveLength(1);
    expect(run.response).toEqual({ held_call: 2 });
    const attempts = await world.attemptsOf(runId);
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'succeeded']);
    expect(String(attempts[0]?.error)).toContain('abandoned');
    expect(world.connector.calls.filter((c) => c.runId === runId)).toHaveLength(2);
    world.connector.releaseRun(runId);
  });

  it('SIGTERM waits for the call in flight, then exits 0', async () => {
    const runner = await world.startRunner({ RUNNER_DRAIN_GRACE_MS: '20000' });
    const runId = await heldCallOfNewRun();
    const exit = runner.stop('SIGTERM');
    await waitFor(() => runner.logs.some((line) => line.message === 'shutting down'), { description: 'the runner to start draining' });
    world.connector.releaseRun(runId);
    expect(await exit).toBe(0);
    const [run] = (await world.runsOf(actionId)).filter((r) => r.id === runId);
    expect(run).toMatchObject({ status: 'succeeded', response: { held_call: 1 } });
    await waitFor(() => runner.logs.some((line) => line.message === 'connector call ended' && line.runId === runId), {
      description: 'the runner to log the call it completed',
    });
  });

  it('SIGTERM while the runner is still starting (its notifications not yet up) waits for the call in flight as well', async () => {
    // Binding the notification queues waits behind this lock: the runner consumes actions, but its start has not ended.
    let unlock: () => void = () => undefined;
    const unlocked = new Promise<void>((resolve) => (unlock = resolve));
    let locked: () => void = () => undefined;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    const holder = world.db.sql.begin(async (tx) => {
      await tx`lock table mq_bindings in exclusive mode`;
      locked();
      await unlocked;
    });
    try {
      await lockHeld;
      const runner = await world.startRunner({ RUNNER_DRAIN_GRACE_MS: '20000' });
      const runId = await heldCallOfNewRun();
      const exit = runner.stop('SIGTERM');
      await waitFor(() => runner.logs.some((line) => line.message === 'shutting down'), { description: 'the runner to start draining' });
      // The start ends after the signal (its bindings are made); the call in flight still has its grace.
      unlock();
      await holder;
      await waitFor(async () => (await world.db.sql`select 1 from mq_bindings where queue like 'interflow.notifications.%'`).length === 3, {
        description: 'the start to bind the notification queues',
      });
      // A moment for what follows the start (it once stopped the runner again, with no grace) before the call may end.
      const settled = Date.now() + 1_000;
      await waitFor(() => Date.now() > settled, { description: 'a moment after the start' });
      world.connector.releaseRun(runId);
      expect(await exit).toBe(0);
      expect(runner.logs.some((line) => line.message === 'call abandoned; returning the message to its queue')).toBe(false);
      const [run] = (await world.runsOf(actionId)).filter((r) => r.id === runId);
      expect(run).toMatchObject({ status: 'succeeded', response: { held_call: 1 } });
    } finally {
      unlock();
      await holder.catch(() => undefined);
    }
  });

  it('SIGTERM past the grace period returns the call to the queue unfinished, exits 0, and another runner completes it', async () => {
    const runner = await world.startRunner({ RUNNER_DRAIN_GRACE_MS: '500' });
    const runId = await heldCallOfNewRun();
    expect(await runner.stop('SIGTERM')).toBe(0);
    expect(runner.logs.some((line) => line.message === 'call abandoned; returning the message to its queue')).toBe(true);

    const next = await world.startRunner();
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.id === runId && r.status === 'succeeded'), {
      description: 'the returned run to complete',
    });
    expect(run.response).toEqual({ held_call: 2 });
    // the runner logs the call's end after the run's end commits: wait for the line rather than race it
    await waitFor(() => next.logs.some((line) => line.message === 'connector call ended' && line.runId === runId), {
      description: 'the second runner to log the call it completed',
    });
    world.connector.releaseRun(runId);
  });

  it('a call longer than the lease keeps extending it, so no other runner takes the message', async () => {
    const [first, second] = await Promise.all([
      world.startRunner({ RUNNER_LEASE_MS: '1500' }),
      world.startRunner({ RUNNER_LEASE_MS: '1500' }),
    ]);
    const runId = await heldCallOfNewRun();
    const leaseOf = async () => {
      const [row] = await world.db.sql<{ lease_expires_at: Date | null }[]>`
        select m.lease_expires_at from mq_messages m where m.queue = 'interflow.actions' and m.payload ->> 'action_id' = ${actionId}
        and m.lease_token is not null`;
      return row?.lease_expires_at ?? null;
    };
    const firstLease = await waitFor(leaseOf, { description: 'the leased message' });
    // Three leases' worth later the message is still leased, by extension, and was delivered once.
    await waitFor(async () => ((await leaseOf())?.getTime() ?? 0) > firstLease.getTime() + 4500, {
      timeoutMs: 30_000,
      description: 'the lease to be extended past three original leases',
    });
    expect(world.connector.calls.filter((c) => c.runId === runId)).toHaveLength(1);
    world.connector.releaseRun(runId);
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.id === runId && r.status === 'succeeded'), {
      description: 'the long call to complete',
    });
    expect(run.response).toEqual({ held_call: 1 });
    expect(world.connector.calls.filter((c) => c.runId === runId)).toHaveLength(1);
    await Promise.all([first.stop('SIGTERM'), second.stop('SIGTERM')]);
  });
});
