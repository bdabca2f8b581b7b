import crypto from 'node:crypto';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createMetricsRegistry, createSilentLogger } from '@interflow/core';
import { createRecipient, declareNotificationTopology, OUTCOME_RULES_GRACE_MS, RunOutcomeNotifier } from '@interflow/notifications';
import {
  completeRunOnce,
  createAction,
  createDeployment,
  createKeyring,
  hashRunInput,
  insertQueuedRun,
  registerService,
  runsAwaitingOutcomeRules,
} from '@interflow/registry';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { Housekeeping } from '../src/housekeeping';

/**
 * Issue 14: a run-outcome raise lost in a crash (the runner died between the run's end
 * commit and raising its rules) is made up by the producers' housekeeping, once per
 * occurrence however many producers run.
 */
let db: TestDatabase;
let broker: PostgresBroker;
let deploymentId: string;
let recipientId: string;
const keyring = createKeyring({ id: 'k1', key: crypto.randomBytes(32) });
const logger = createSilentLogger();
const settings = { intervalMs: 50, pruneIntervalMs: 600_000, fireKeyRetentionMs: 86_400_000, eventReplayWindowMs: 3_600_000, rateRetentionMs: 86_400_000, consumerSilenceMs: 600_000 };

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 6 });
  broker = new PostgresBroker({ sql: db.sql, logger, schema: db.schema });
  await declareNotificationTopology(broker);
  const { service } = await registerService(
    db.sql,
    keyring,
    { name: 'svc', baseUrl: 'http://127.0.0.1:9', methods: [{ name: 'm', http_method: 'POST', path: '/m', description: null, input_schema: null }] },
    'signing-secret',
  );
  deploymentId = (await createDeployment(db.sql, keyring, { name: 'dep', serviceId: service.id, connection: {}, credentials: {}, rateLimit: null, maxConcurrency: null })).id;
  recipientId = (await createRecipient(db.sql, keyring, { name: 'on call' })).recipient.id;
});

afterAll(async () => {
  await broker.close();
  await db.drop();
});

/** Two producers, each with its housekeeping and notifier. */
function producers(count: number): Housekeeping[] {
  return Array.from({ length: count }, (_, index) => {
    const outcomes = new RunOutcomeNotifier({ sql: db.sql, clock: { now: () => new Date() }, broker, logger });
    return new Housekeeping({ sql: db.sql, broker, logger, metrics: createMetricsRegistry(`makeup-${index}-${crypto.randomUUID()}`), outcomes, settings });
  });
}

/** A run ended as the runner ends it (the run-end commit), and then the runner dies: nothing raised. */
async function endedRun(actionId: string, status: 'succeeded' | 'failed', finishedAt: Date, response: unknown = null): Promise<string> {
  const id = crypto.randomUUID();
  await insertQueuedRun(db.sql, { id, actionId, deploymentId, trigger: 'api', triggeredBy: 'test', input: {}, inputHash: hashRunInput({}) });
  await completeRunOnce(db.sql, id, { status, finishedAt, response, ...(status === 'failed' ? { error: { message: 'the bank said no' } } : {}) });
  return id;
}

async function raisedFor(actionId: string): Promise<{ title: string; dedupe_key: string }[]> {
  return db.sql<{ title: string; dedupe_key: string }[]>`select title, dedupe_key from notifications where source = ${`action:${actionId}`} order by seq`;
}

describe('run-outcome rules a crash left unraised', () => {
  it('are raised by housekeeping after the grace period, once with two producers racing, and not again', async () => {
    const actionId = (
      await createAction(db.sql, {
        name: `lookup-${crypto.randomUUID()}`,
        deploymentId,
        method: 'm',
        notificationRules: [{ on: 'success_with_result', notify: { recipients: [recipientId], groups: [] } }],
      })
    ).action.id;
    const unruled = (await createAction(db.sql, { name: `quiet-${crypto.randomUUID()}`, deploymentId, method: 'm' })).action.id;
    const endedAt = new Date();
    const runId = await endedRun(actionId, 'succeeded', endedAt, { id: 7 });
    const quietRun = await endedRun(unruled, 'succeeded', endedAt, { id: 8 });
    const pending = await runsAwaitingOutcomeRules(db.sql, new Date(endedAt.getTime() + OUTCOME_RULES_GRACE_MS), 100);
    expect(pending).toContain(runId);
    expect(pending).not.toContain(quietRun);

    const [one, two] = producers(2);
    // Within the grace period the runner that ended it may still be raising: left alone.
    await one!.runOnce(endedAt.getTime() + OUTCOME_RULES_GRACE_MS - 1000);
    expect(await raisedFor(actionId)).toEqual([]);

    const later = endedAt.getTime() + OUTCOME_RULES_GRACE_MS + 1000;
    await Promise.all([one!.runOnce(later), two!.runOnce(later)]);
    expect(await raisedFor(actionId)).toEqual([expect.objectContaining({ dedupe_key: expect.stringContaining(runId) })]);
    expect(await runsAwaitingOutcomeRules(db.sql, new Date(later), 100)).not.toContain(runId);
    await one!.runOnce(later + 60_000);
    expect(await raisedFor(actionId)).toHaveLength(1);
  });

  it('name the streak a lost failure belonged to, even after a success ended it', async () => {
    const actionId = (
      await createAction(db.sql, {
        name: `feed-${crypto.randomUUID()}`,
        deploymentId,
        method: 'm',
        notificationRules: [{ on: 'consecutive_failures', count: 2, notify: { recipients: [recipientId], groups: [] } }],
      })
    ).action.id;
    const start = Date.now() - 10 * 60_000;
    await endedRun(actionId, 'succeeded', new Date(start), { ok: true });
    await endedRun(actionId, 'failed', new Date(start + 1000));
    await endedRun(actionId, 'failed', new Date(start + 2000));
    // The runner that ended the second failure died before raising; a success came since.
    await endedRun(actionId, 'succeeded', new Date(start + 3000), { ok: true });

    const later = Date.now() + OUTCOME_RULES_GRACE_MS + 1000;
    await Promise.all(producers(2).map((producer) => producer.runOnce(later)));
    const raised = await raisedFor(actionId);
    expect(raised).toHaveLength(1);
    expect(raised[0]?.title).toMatch(/failed 2 times in a row/);
  });
});
