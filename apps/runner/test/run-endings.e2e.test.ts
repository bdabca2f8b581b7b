import crypto from 'node:crypto';
import { waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

const twoAttempts = { max_attempts: 2, initial_delay_ms: 100, multiplier: 2, max_delay_ms: 1000 };

/** Issue 9, item 2: every path that ends a message ends its run, with the reason, loudly. */
describe('runs that fail before the HTTP call', () => {
  let world: RunnerWorld;
  let deploymentId: string;

  beforeAll(async () => {
    world = await createRunnerWorld();
    deploymentId = await world.createDeployment();
  });

  afterAll(async () => {
    await world.close();
  });

  // A test that fails before its own stop must not leave its runner taking the next test's messages.
  const running: { stop(signal?: NodeJS.Signals): Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((runner) => runner.stop('SIGKILL')));
  });
  const startRunner = async (...args: Parameters<RunnerWorld['startRunner']>) => {
    const runner = await world.startRunner(...args);
    running.push(runner);
    return runner;
  };

  const deadLetterOf = (runId: string) =>
    waitFor(async () => (await world.broker.peek('interflow.actions.dead', { limit: 1000 })).find((m) => (m.payload as { run_id?: string }).run_id === runId), {
      description: 'the dead-lettered request',
    });

  it('a missing path parameter fails the run at once, in one attempt, with the reason, and logs an error', async () => {
    const runner = await startRunner();
    const actionId = await world.createAction({ deploymentId, method: 'thing', retryPolicy: twoAttempts });
    const runId = await world.triggerRun(actionId, {});
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.id === runId && r.status === 'failed'), {
      description: 'the run to fail',
    });
    expect(String(run.error)).toContain("the input has no scalar 'id'");
    const attempts = await world.attemptsOf(runId);
    expect(attempts.map((a) => a.outcome)).toEqual(['failed']);
    const dead = await deadLetterOf(runId);
    expect(dead.deaths[0]).toMatchObject({ reason: 'rejected' });
    expect(dead.deaths[0]?.detail).toContain("no scalar 'id'");
    // The line is written after the commit and reaches the test through a pipe: it may come after the rows.
    await waitFor(() => runner.logs.some((line) => line.level === 'error' && line.runId === runId && String(line.reason).includes("no scalar 'id'")), {
      description: 'the error line naming the reason',
    });
    expect(world.connector.calls.filter((c) => c.runId === runId)).toHaveLength(0);
    await runner.stop('SIGTERM');
  });

  it('secrets the runner cannot open fail the run with the reason (not queued forever)', async () => {
    const otherKey = `other-key:${crypto.randomBytes(32).toString('base64')}`;
    // Such a runner is alive but not ready: its readiness names the key it lacks.
    const runner = await startRunner({ INTERFLOW_SECRET_KEY: otherKey }, '/healthz');
    const readiness = await waitFor(async () => {
      const answer = await fetch(`${runner.healthUrl}/readyz`).catch(() => undefined);
      return answer?.status === 503 ? await answer.text() : undefined;
    }, { description: 'readiness to refuse the unreadable secrets' });
    expect(readiness).toContain('test-key');
    const actionId = await world.createAction({ deploymentId, method: 'echo', retryPolicy: twoAttempts });
    // the api holds the runner's key (it signs with it); the credentials were sealed under a key both lost
    const runId = await world.triggerRun(actionId, { word: 'locked' }, { signedWith: otherKey });
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.id === runId && r.status === 'failed'), {
      description: 'the run to fail',
    });
    expect(String(run.error)).toContain("stored secrets cannot be opened: no secret key with id 'test-key'");
    expect((await deadLetterOf(runId)).deaths[0]).toMatchObject({ reason: 'rejected' });
    await waitFor(() => runner.logs.some((line) => line.level === 'error' && line.runId === runId), { description: 'the error line of the run' });
    expect(JSON.stringify(runner.logs)).not.toContain('secret-1');
    await runner.stop('SIGTERM');
  });

  it('a run whose attempts were lost with their runners fails once past the action\'s max attempts, without another call', async () => {
    const actionId = await world.createAction({ deploymentId, method: 'echo', retryPolicy: twoAttempts });
    // Two recorded hand-overs lost with their runners: the message comes a third time.
    const runId = await world.triggerRun(actionId, { word: 'unlucky' });
    await world.db.sql`update mq_messages set attempts = 2 where payload ->> 'run_id' = ${runId}`;
    const runner = await startRunner();
    const run = await waitFor(async () => (await world.runsOf(actionId)).find((r) => r.id === runId && r.status === 'failed'), {
      description: 'the run to fail',
    });
    expect(String(run.error)).toContain("attempt 3 is past the action's limit of 2");
    expect(world.connector.calls.filter((c) => c.runId === runId)).toHaveLength(0);
    await deadLetterOf(runId);
    await runner.stop('SIGTERM');
  });
});
