import crypto from 'node:crypto';
import { type OutgoingMessage } from '@interflow/broker';
import { createKeyring, runRequestKeys, runRequestMessage } from '@interflow/registry';
import { waitFor } from '@interflow/test-kit';
import { createRunnerWorld, type RunnerWorld } from './support/runner-fixture';

/**
 * Issue 9 item 1, the second wall: whatever reaches an action queue without the api, a
 * webhook, a schedule or a retry having signed it is dead-lettered with the reason,
 * logged at error level, recorded as no run, and the connector is never called. The
 * forgeries are put on the queue through the broker itself, below every REST check.
 */
describe('runner refusing forged run requests', () => {
  let world: RunnerWorld;
  let runner: Awaited<ReturnType<RunnerWorld['startRunner']>>;

  beforeAll(async () => {
    world = await createRunnerWorld();
    runner = await world.startRunner();
  });

  afterAll(async () => {
    await world.close();
  });

  it('dead-letters each forgery with its reason and runs only the signed request', async () => {
    const deploymentId = await world.createDeployment();
    const actionId = await world.createAction({ deploymentId, method: 'echo' });
    const genuine = runRequestMessage(world.runRequestKeys, { actionId, runId: null, input: { word: 'tampered-with' }, trigger: 'schedule' });
    const otherInstallation = runRequestKeys(createKeyring({ id: 'test-key', key: crypto.randomBytes(32) }));
    const forgeries: Record<string, { message: OutgoingMessage; reason: string }> = {
      unsigned: {
        message: { payload: { action_id: actionId, input: {}, trigger: 'api', request_id: 'r1' }, headers: { 'x-action-id': actionId } },
        reason: 'the run request is not signed',
      },
      'the issue report': {
        message: { payload: { action_id: actionId, input: {} }, replyTo: 'interflow.actions.dead' },
        reason: 'not a run request',
      },
      'signed by another installation': {
        message: runRequestMessage(otherInstallation, { actionId, runId: null, input: {}, trigger: 'api' }),
        reason: 'the run request signature does not match its contents',
      },
      'its input changed': {
        message: { ...genuine, payload: { ...genuine.payload, input: { word: 'forged' } } },
        reason: 'the run request signature does not match its contents',
      },
      'its reply-to added': {
        message: { ...genuine, replyTo: 'stolen-results' },
        reason: 'the run request signature does not match its contents',
      },
    };
    const ids = new Map<string, string>();
    for (const [what, forgery] of Object.entries(forgeries)) {
      const receipt = await world.broker.publish({ exchange: '', routingKey: 'interflow.actions', mandatory: true, message: forgery.message });
      ids.set(what, receipt.messageIds[0] ?? '');
    }
    // the signed request, published last, runs: the runner was consuming all along
    await world.requestRun(actionId, { word: 'genuine' });

    const dead = await waitFor(async () => {
      const messages = await world.broker.peek('interflow.actions.dead', { limit: 100 });
      const found = messages.filter((m) => [...ids.values()].includes(m.messageId));
      return found.length === ids.size ? found : null;
    }, { description: 'every forgery in the dead-letter queue' });
    for (const [what, forgery] of Object.entries(forgeries)) {
      const message = dead.find((m) => m.messageId === ids.get(what));
      expect({ what, detail: message?.deaths.at(-1)?.detail }).toEqual({ what, detail: expect.stringContaining(forgery.reason) });
    }

    const runs = await waitFor(async () => {
      const found = await world.runsOf(actionId);
      return found.some((run) => run.status === 'succeeded') ? found : null;
    }, { description: 'the genuine run to succeed' });
    expect(runs.map((run) => [run.trigger, run.input])).toEqual([['schedule', { word: 'genuine' }]]);
    // the connector (this world's only one) was called once, for the genuine request
    expect(world.connector.calls.map((call) => [call.runId, call.input])).toEqual([[runs[0]?.id, { word: 'genuine' }]]);

    const refusals = runner.logs.filter((line) => line.message === 'unauthorised run request; dead-lettering it without running anything');
    expect(refusals.map((line) => line.level)).toEqual(['error', 'error', 'error', 'error']);
    expect(refusals.map((line) => line.messageId).sort()).toEqual(
      [...ids.entries()].filter(([what]) => what !== 'the issue report').map(([, id]) => id).sort(),
    );
  });
});
