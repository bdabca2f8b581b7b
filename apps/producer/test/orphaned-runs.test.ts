import crypto from 'node:crypto';
import { PostgresBroker } from '@interflow/broker-postgres';
import { createMetricsRegistry, createSilentLogger } from '@interflow/core';
import {
  completeRun,
  createAction,
  createDeployment,
  createKeyring,
  getRun,
  hashRunInput,
  insertQueuedRun,
  listRunAttempts,
  parseKeySpec,
  recordRunMessage,
  registerService,
  startRunAttempt,
} from '@interflow/registry';
import { createRecipient, declareNotificationTopology, RunOutcomeNotifier } from '@interflow/notifications';
import { createTestDatabase, waitFor, type TestDatabase } from '@interflow/test-kit';
import { Housekeeping } from '../src/housekeeping';

/**
 * Issue 9, item 2: no run stays unfinished once its message is gone. The producer's
 * housekeeping finds such runs, ends them as failed with the reason, logs and counts them.
 */
describe('housekeeping ends runs whose message is gone from every queue', () => {
  let db: TestDatabase;
  let broker: PostgresBroker;
  let actionId: string;
  let deploymentId: string;
  let keyring: ReturnType<typeof createKeyring>;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 4 });
    broker = new PostgresBroker({ sql: db.sql, logger: createSilentLogger(), schema: db.schema });
    await broker.declareQueue({ name: 'work.dead' });
    await broker.declareQueue({ name: 'work', policy: { deadLetterQueue: 'work.dead', maxAttempts: 1 } });
    const key = parseKeySpec(`k1:${crypto.randomBytes(32).toString('base64')}`);
    if (typeof key === 'string') throw new Error(key);
    keyring = createKeyring(key);
    const { service } = await registerService(
      db.sql,
      keyring,
      { name: 'svc', baseUrl: 'http://127.0.0.1:9', methods: [{ name: 'm', http_method: 'POST', path: '/m', description: null, input_schema: null }] },
      'signing-secret',
    );
    deploymentId = (await createDeployment(db.sql, keyring, { name: 'dep', serviceId: service.id, connection: {}, credentials: {}, rateLimit: null, maxConcurrency: null })).id;
    actionId = (await createAction(db.sql, { name: 'act', deploymentId, method: 'm' })).action.id;
  });

  afterAll(async () => {
    await broker.close();
    await db.drop();
  });

  /** A queued run and its request in one transaction, as the api triggers. */
  async function queuedRun(): Promise<{ runId: string; messageId: string }> {
    const runId = crypto.randomUUID();
    let messageId = '';
    await db.sql.begin(async (tx) => {
      await insertQueuedRun(tx, { id: runId, actionId, deploymentId, trigger: 'api', triggeredBy: 'test', input: {}, inputHash: hashRunInput({}) });
      const [receipt] = await broker.publishWithin(tx, [{ exchange: '', routingKey: 'work', message: { payload: { action_id: actionId, run_id: runId } } }]);
      messageId = receipt?.messageIds[0] ?? '';
      await recordRunMessage(tx, runId, messageId);
    });
    return { runId, messageId };
  }

  it('ends purged and dead-lettered runs with the reason, leaves the others, and counts them', async () => {
    const purged = await queuedRun();
    expect(await broker.purgeQueue('work')).toBe(1);
    // The one message a dead runner held, on its last attempt (the queue allows one).
    const lapsed = await queuedRun();
    const [delivery] = await broker.claim('work', { max: 10, leaseMs: 100 });
    expect(delivery?.messageId).toBe(lapsed.messageId);
    await startRunAttempt(db.sql, lapsed.runId, 1, new Date());
    const stillWaiting = await queuedRun();
    // A run that ended (its message acked): nothing to do.
    const ended = await queuedRun();
    await completeRun(db.sql, ended.runId, { status: 'succeeded', finishedAt: new Date(), response: { ok: true } });
    await db.sql`delete from mq_messages where id = ${ended.messageId}`;

    const metrics = createMetricsRegistry('orphaned-runs-test');
    const housekeeping = new Housekeeping({
      sql: db.sql,
      broker,
      logger: createSilentLogger(),
      metrics,
      settings: { intervalMs: 50, pruneIntervalMs: 60_000, fireKeyRetentionMs: 86_400_000, eventReplayWindowMs: 3_600_000, rateRetentionMs: 86_400_000, consumerSilenceMs: 600_000 },
    });
    await waitFor(async () => (await db.sql`select 1 from mq_messages where id = ${lapsed.messageId} and lease_expires_at <= now()`).length === 1);
    const report = await housekeeping.runOnce();
    expect(report.orphanedRuns).toBe(2);

    expect(await getRun(db.sql, purged.runId)).toMatchObject({
      status: 'failed',
      error: 'the run never ended and its message is gone from every queue (acked, purged or dropped)',
    });
    const lapsedRun = await getRun(db.sql, lapsed.runId);
    expect(lapsedRun).toMatchObject({
      status: 'failed',
      error: 'the run never ended and its message was dead-lettered (max_attempts: lease expired on the last attempt)',
    });
    expect(lapsedRun.finishedAt).not.toBeNull();
    const [attempt] = await listRunAttempts(db.sql, lapsed.runId);
    expect(attempt).toMatchObject({ outcome: 'failed' });
    expect(String(attempt?.error)).toContain('abandoned');
    expect(await getRun(db.sql, stillWaiting.runId)).toMatchObject({ status: 'queued' });
    expect(await getRun(db.sql, ended.runId)).toMatchObject({ status: 'succeeded', response: { ok: true } });

    const text = await metrics.metrics();
    expect(text).toMatch(/interflow_housekeeping_handled_total\{chore="orphaned_runs"[^}]*\} 2/);
    // A second round finds nothing more.
    expect((await housekeeping.runOnce()).orphanedRuns).toBe(0);
  });

  it("raises the ended run's notification rules, as the runner does for the runs it ends", async () => {
    await declareNotificationTopology(broker);
    const { recipient } = await createRecipient(db.sql, keyring, { name: 'on call' });
    const ruled = (
      await createAction(db.sql, {
        name: 'ruled',
        deploymentId,
        method: 'm',
        notificationRules: [{ on: 'consecutive_failures', count: 1, notify: { recipients: [recipient.id], groups: [] } }],
      })
    ).action.id;
    const runId = crypto.randomUUID();
    let messageId = '';
    await db.sql.begin(async (tx) => {
      await insertQueuedRun(tx, { id: runId, actionId: ruled, deploymentId, trigger: 'api', triggeredBy: 'test', input: {}, inputHash: hashRunInput({}) });
      const [receipt] = await broker.publishWithin(tx, [{ exchange: '', routingKey: 'work', message: { payload: { action_id: ruled, run_id: runId } } }]);
      messageId = receipt?.messageIds[0] ?? '';
      await recordRunMessage(tx, runId, messageId);
    });
    await db.sql`delete from mq_messages where id = ${messageId}`;
    const logger = createSilentLogger();
    const outcomes = new RunOutcomeNotifier({ sql: db.sql, clock: { now: () => new Date() }, broker, logger });
    const housekeeping = new Housekeeping({
      sql: db.sql,
      broker,
      logger,
      metrics: createMetricsRegistry('orphaned-runs-rules-test'),
      outcomes,
      settings: { intervalMs: 50, pruneIntervalMs: 60_000, fireKeyRetentionMs: 86_400_000, eventReplayWindowMs: 3_600_000, rateRetentionMs: 86_400_000, consumerSilenceMs: 600_000 },
    });
    expect((await housekeeping.runOnce()).orphanedRuns).toBeGreaterThanOrEqual(1);
    expect(await getRun(db.sql, runId)).toMatchObject({ status: 'failed' });
    await outcomes.drain();
    const raised = await db.sql<{ title: string }[]>`select title from notifications where source = ${`action:${ruled}`}`;
    expect(raised.map((row) => row.title)).toEqual(['ruled failed']);
  });
});
