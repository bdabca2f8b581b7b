import crypto from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import {
  createAction,
  createDeployment,
  createKeyring,
  endRunWithAttempt,
  endRunsWithAttempts,
  findActionTarget,
  findWebhookTargets,
  getRun,
  insertQueuedRun,
  listRunAttempts,
  loadActionContext,
  readRunOutcome,
  registerService,
  rotateActionWebhook,
  runsWithContextStamp,
  runWithContextStamp,
  startRunAttempt,
  startRunAttempts,
  updateAction,
  updateDeployment,
} from '../src';

let db: TestDatabase;
const keyring = createKeyring({ id: 'key-a', key: crypto.randomBytes(32) });

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

async function setup(name: string) {
  const { service } = await registerService(db.sql, keyring, {
    name: `svc-${name}`,
    baseUrl: 'http://127.0.0.1:1',
    methods: [{ name: 'fetch', http_method: 'POST', path: '/fetch', description: null, input_schema: null }],
  });
  const deployment = await createDeployment(db.sql, keyring, { name: `dep-${name}`, serviceId: service.id, credentials: { token: 'secret-0123456789' } });
  const { action, webhookSecret } = await createAction(db.sql, { name: `act-${name}`, deploymentId: deployment.id, method: 'fetch' });
  return { deployment, action, webhookSecret };
}

async function queuedRun(actionId: string, deploymentId: string) {
  const run = await insertQueuedRun(db.sql, {
    id: crypto.randomUUID(),
    actionId,
    deploymentId,
    trigger: 'webhook',
    triggeredBy: 'webhook',
    input: {},
    inputHash: 'h',
    idempotencyKey: null,
    messageId: null,
  });
  if (!run) throw new Error('no run inserted');
  return run;
}

describe('findWebhookTargets', () => {
  it('answers, in one read, the action of each secret with its method, in the order asked, and null for an unknown or rotated secret', async () => {
    const first = await setup('hook-1');
    const second = await setup('hook-2');
    const targets = await findWebhookTargets(db.sql, [second.webhookSecret, 'whk_unknown', first.webhookSecret, second.webhookSecret]);
    expect(targets.map((target) => target?.action.id ?? null)).toEqual([second.action.id, null, first.action.id, second.action.id]);
    expect(targets[0]?.method().name).toBe('fetch');
    await rotateActionWebhook(db.sql, first.action.id);
    expect(await findWebhookTargets(db.sql, [first.webhookSecret])).toEqual([null]);
  });

  it('answers the action whose service no longer offers its method, whose method is then a 400', async () => {
    const { action, deployment, webhookSecret } = await setup('hook-gone');
    await db.sql`update services set methods = '[]'::jsonb where id = (select service_id from deployments where id = ${deployment.id})`;
    const [target] = await findWebhookTargets(db.sql, [webhookSecret]);
    expect(target?.action.id).toBe(action.id);
    expect(() => target?.method()).toThrow(expect.objectContaining({ httpStatus: 400 }));
  });
});

describe('findActionTarget', () => {
  it('answers the action with its method by id, and NotFoundError for an unknown id', async () => {
    const { action } = await setup('by-id');
    const target = await findActionTarget(db.sql, action.id);
    expect(target.action.id).toBe(action.id);
    expect(target.method().name).toBe('fetch');
    await expect(findActionTarget(db.sql, crypto.randomUUID())).rejects.toMatchObject({ httpStatus: 404 });
  });
});

describe('runWithContextStamp', () => {
  it('reads the run with a stamp equal to the context read, which changes when the action or its deployment does', async () => {
    const { action, deployment } = await setup('stamp');
    const run = await queuedRun(action.id, deployment.id);
    const context = await loadActionContext(db.sql, keyring, action.id);
    const first = await runWithContextStamp(db.sql, run.id, action.id);
    expect(first.run?.id).toBe(run.id);
    expect(first.run?.status).toBe('queued');
    expect(first.contextStamp).toBe(context.stamp);

    await updateAction(db.sql, action.id, { timeoutMs: 1234 });
    const afterAction = await runWithContextStamp(db.sql, run.id, action.id);
    expect(afterAction.contextStamp).not.toBe(first.contextStamp);
    expect(afterAction.contextStamp).toBe((await loadActionContext(db.sql, keyring, action.id)).stamp);

    await updateDeployment(db.sql, keyring, deployment.id, { credentials: { token: 'rotated-0123456789' } });
    const afterDeployment = await runWithContextStamp(db.sql, run.id, action.id);
    expect(afterDeployment.contextStamp).not.toBe(afterAction.contextStamp);
  });

  it('answers no run for an unknown run id and no stamp for an unknown action', async () => {
    const { action } = await setup('missing');
    const found = await runWithContextStamp(db.sql, crypto.randomUUID(), action.id);
    expect(found.run).toBeNull();
    expect(found.contextStamp).not.toBeNull();
    expect((await runWithContextStamp(db.sql, crypto.randomUUID(), crypto.randomUUID())).contextStamp).toBeNull();
  });
});

describe('runsWithContextStamp', () => {
  it('answers several lookups in one read, in order, a missing run and a repeated one included', async () => {
    const { action, deployment } = await setup('stamps');
    const other = await setup('stamps-other');
    const [a, b] = [await queuedRun(action.id, deployment.id), await queuedRun(other.action.id, other.deployment.id)];
    const missing = crypto.randomUUID();
    const found = await runsWithContextStamp(db.sql, [
      { runId: b.id, actionId: other.action.id },
      { runId: missing, actionId: action.id },
      { runId: a.id, actionId: action.id },
      { runId: b.id, actionId: other.action.id },
    ]);
    expect(found.map((f) => f.run?.id ?? null)).toEqual([b.id, null, a.id, b.id]);
    expect(found[2]?.contextStamp).toBe((await runWithContextStamp(db.sql, a.id, action.id)).contextStamp);
    expect(found[0]?.contextStamp).toBe((await loadActionContext(db.sql, keyring, other.action.id)).stamp);
    expect(found[1]?.contextStamp).toBe(found[2]?.contextStamp);
    expect(await runsWithContextStamp(db.sql, [])).toEqual([]);
  });
});

describe('startRunAttempts', () => {
  it('starts the attempts of several runs in one statement and says which runs were there', async () => {
    const { action, deployment } = await setup('starts');
    const [a, b] = [await queuedRun(action.id, deployment.id), await queuedRun(action.id, deployment.id)];
    const t0 = new Date();
    const started = await startRunAttempts(db.sql, [
      { runId: a.id, attempt: 1, startedAt: t0 },
      { runId: crypto.randomUUID(), attempt: 1, startedAt: t0 },
      { runId: b.id, attempt: 3, startedAt: t0 },
    ]);
    expect(started).toEqual([true, false, true]);
    const [runA, runB] = [await getRun(db.sql, a.id), await getRun(db.sql, b.id)];
    expect([runA.status, runA.attempts, runB.status, runB.attempts]).toEqual(['running', 1, 'running', 3]);
    expect(runA.startedAt?.getTime()).toBe(t0.getTime());
    expect((await listRunAttempts(db.sql, b.id)).map((attempt) => [attempt.attempt, attempt.startedAt.getTime(), attempt.finishedAt])).toEqual([
      [3, t0.getTime(), null],
    ]);
    await expect(
      startRunAttempts(db.sql, [
        { runId: a.id, attempt: 2, startedAt: t0 },
        { runId: a.id, attempt: 2, startedAt: t0 },
      ]),
    ).rejects.toThrow(/named twice/);
  });
});

describe('endRunWithAttempt', () => {
  it('ends the run and its attempt once; a second answer is recorded on its attempt as not used', async () => {
    const { action, deployment } = await setup('end');
    const run = await queuedRun(action.id, deployment.id);
    const t0 = new Date();
    await startRunAttempt(db.sql, run.id, 1, t0);
    await startRunAttempt(db.sql, run.id, 2, t0);
    const ending = {
      httpStatus: 200,
      response: { ok: true },
      ifEnded: { outcome: 'succeeded' as const },
      ifAlreadyEnded: { outcome: 'failed' as const, error: 'already ended' },
    };
    const finishedAt = new Date(t0.getTime() + 40);
    expect(await endRunWithAttempt(db.sql, run.id, 1, { status: 'succeeded', finishedAt, response: { ok: true } }, ending)).toBe(true);
    expect(await endRunWithAttempt(db.sql, run.id, 2, { status: 'failed', finishedAt, error: 'late' }, ending)).toBe(false);

    const ended = await getRun(db.sql, run.id);
    expect(ended.status).toBe('succeeded');
    expect(ended.response).toEqual({ ok: true });
    const attempts = await listRunAttempts(db.sql, run.id);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.error, a.httpStatus])).toEqual([
      [1, 'succeeded', null, 200],
      [2, 'failed', 'already ended', 200],
    ]);
    expect(attempts[0]?.durationMs).toBe(40);
  });
});

describe('endRunsWithAttempts', () => {
  const ending = (error?: string) => ({ httpStatus: 200, response: { ok: true }, ifEnded: { outcome: 'succeeded' as const }, ifAlreadyEnded: { outcome: 'failed' as const, error } });

  it('ends several runs in one statement, each answered and recorded as if alone', async () => {
    const { action, deployment } = await setup('ends');
    const [fresh, ended, failing] = [await queuedRun(action.id, deployment.id), await queuedRun(action.id, deployment.id), await queuedRun(action.id, deployment.id)];
    const t0 = new Date();
    await startRunAttempts(db.sql, [fresh, ended, failing].map((run) => ({ runId: run.id, attempt: 1, startedAt: t0 })));
    await startRunAttempt(db.sql, ended.id, 2, t0);
    expect(await endRunWithAttempt(db.sql, ended.id, 1, { status: 'succeeded', finishedAt: t0, response: 'first' }, ending())).toBe(true);
    const finishedAt = new Date(t0.getTime() + 25);

    const answers = await endRunsWithAttempts(db.sql, [
      { runId: fresh.id, attempt: 1, completion: { status: 'succeeded', finishedAt, response: null }, ending: { ...ending(), response: null } },
      { runId: ended.id, attempt: 2, completion: { status: 'succeeded', finishedAt, response: 'second' }, ending: ending('already ended') },
      { runId: failing.id, attempt: 1, completion: { status: 'failed', finishedAt, error: 'refused' }, ending: { httpStatus: 422, ifEnded: { outcome: 'failed', error: 'refused' }, ifAlreadyEnded: { outcome: 'failed' } } },
    ]);

    expect(answers).toEqual([true, false, true]);
    const rows = await db.sql<{ id: string; status: string; response: string | null; error: string | null; duration_ms: number }[]>`
      select id, status, response::text, error::text, duration_ms from runs where id in (${fresh.id}, ${ended.id}, ${failing.id})`;
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A JSON null answer is kept as JSON null, an absent one as SQL NULL, as the single-run statement does.
    expect(byId.get(fresh.id)).toMatchObject({ status: 'succeeded', response: 'null', error: null, duration_ms: 25 });
    expect(byId.get(ended.id)).toMatchObject({ status: 'succeeded', response: '"first"' });
    expect(byId.get(failing.id)).toMatchObject({ status: 'failed', response: null, error: '"refused"' });
    expect((await listRunAttempts(db.sql, ended.id)).map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, 'succeeded', null],
      [2, 'failed', 'already ended'],
    ]);
    expect((await listRunAttempts(db.sql, failing.id)).map((a) => [a.outcome, a.error, a.httpStatus, a.durationMs])).toEqual([['failed', 'refused', 422, 25]]);
  });

  it('answers false for a run that is not there and refuses a run named twice', async () => {
    const { action, deployment } = await setup('ends-refused');
    const run = await queuedRun(action.id, deployment.id);
    const end = { runId: run.id, attempt: 1, completion: { status: 'succeeded' as const, finishedAt: new Date() }, ending: ending() };
    expect(await endRunsWithAttempts(db.sql, [{ ...end, runId: crypto.randomUUID() }])).toEqual([false]);
    await expect(endRunsWithAttempts(db.sql, [end, { ...end, runId: run.id.toUpperCase() }])).rejects.toThrow(/named twice/);
    expect((await getRun(db.sql, run.id)).status).toBe('queued');
  });
});

describe('readRunOutcome', () => {
  it('reads no failure streak for a succeeded run', async () => {
    const { action, deployment } = await setup('outcome');
    const run = await queuedRun(action.id, deployment.id);
    await endRunWithAttempt(db.sql, run.id, 1, { status: 'succeeded', finishedAt: new Date() }, {
      httpStatus: 200,
      ifEnded: { outcome: 'succeeded' },
      ifAlreadyEnded: { outcome: 'failed' },
    });
    const outcome = await readRunOutcome(db.sql, run.id);
    expect(outcome?.status).toBe('succeeded');
    expect(outcome?.failureStreak).toBeNull();
  });
});
