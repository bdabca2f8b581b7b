import { createRecipient, getNotification } from '@interflow/notifications';
import { updateAction } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

/**
 * Issue 14: run-outcome rules kept on the action, raised by the runners that end the
 * runs: once per occurrence with three runners at work (a streak of failures is one
 * occurrence, however many failures it has and whichever runner saw which).
 */
let world: RunnerWorld;

beforeAll(async () => {
  world = await createRunnerWorld();
});

afterAll(async () => {
  await world?.close();
});

async function notificationsOf(actionId: string): Promise<{ id: string; title: string; dedupe_key: string }[]> {
  return world.db.sql<{ id: string; title: string; dedupe_key: string }[]>`
    select id, title, dedupe_key from notifications where source = ${`action:${actionId}`} order by seq`;
}

describe('run-outcome rules with three runners', () => {
  it('raises "failed 3 times in a row" once for a streak of six, and "success with a result" once per run', async () => {
    const { recipient } = await createRecipient(world.db.sql, world.keyring, { name: 'on call' });
    const notify = { recipients: [recipient.id], groups: [] };
    const deploymentId = await world.createDeployment();
    const failing = await world.createAction({ deploymentId, method: 'reject', name: 'close-account' });
    const succeeding = await world.createAction({ deploymentId, method: 'echo', name: 'poll-orders' });
    await updateAction(world.db.sql, failing, { notificationRules: [{ on: 'consecutive_failures', count: 3, notify }] });
    await updateAction(world.db.sql, succeeding, { notificationRules: [{ on: 'success_with_result', notify, severity: 'warning' }] });
    const runners = await Promise.all([world.startRunner(), world.startRunner(), world.startRunner()]);

    const failures = await Promise.all([...Array(6).keys()].map((n) => world.triggerRun(failing, { n })));
    const successes = await Promise.all([...Array(3).keys()].map((n) => world.triggerRun(succeeding, { n })));
    await waitFor(async () => (await world.runsOf(failing)).filter((run) => run.status === 'failed').length === 6, {
      timeoutMs: 90_000,
      description: 'six failed runs',
    });
    await waitFor(async () => (await notificationsOf(succeeding)).length === 3, { timeoutMs: 90_000, description: 'three success notifications' });
    await waitFor(async () => (await notificationsOf(failing)).length === 1, { timeoutMs: 90_000, description: 'the streak notification' });
    // Every runner has evaluated the rules of every run it ended by now: nothing more comes.
    await waitFor(
      () => [...failures, ...successes].every((runId) => runners.some((runner) => runner.logs.some((line) => line.message === 'run outcome rules evaluated' && line.runId === runId))),
      { timeoutMs: 90_000, description: 'every run evaluated' },
    );
    const [streak] = await notificationsOf(failing);
    expect(streak?.title).toBe('close-account failed 3 times in a row');
    expect(await notificationsOf(failing)).toHaveLength(1);
    const raised = await notificationsOf(succeeding);
    expect(raised.map((n) => n.dedupe_key.split(':run:')[1]).sort()).toEqual([...successes].sort());

    // The runners fanned them out: the recipient has one delivery of each.
    await waitFor(async () => (await getNotification(world.db.sql, streak?.id ?? '')).deliveries.total === 1, { description: 'the streak delivered' });
    for (const notification of raised) {
      await waitFor(async () => (await getNotification(world.db.sql, notification.id)).deliveries.total === 1, { description: 'a success delivered' });
    }
  });
});
