import request from 'supertest';
import { completeRun } from '@interflow/registry';
import { createActionChain, uniqueName } from './support/fixtures';
import { useApiWithRoles } from './support/api-with-roles';

/** The api the dashboard needs beyond the resource lists. */
const roles = useApiWithRoles();

describe('GET /v1/whoami', () => {
  it("answers the token's own role and scopes", async () => {
    const response = await request(roles.api.app).get('/v1/whoami').set(roles.viewer).expect(200);
    expect(response.body).toEqual({ name: 'test viewer', role: 'viewer', deployment_scopes: null, recipient: null, reach: 'installation' });
    await request(roles.api.app).get('/v1/whoami').expect(401);
  });

  it('answers a deployment-scoped token its scopes and that it reaches only those deployments', async () => {
    const { deployment } = await createActionChain(roles.api);
    const scoped = roles.api.auth(await roles.api.mintToken('operator', { name: 'scoped', deploymentScopes: [deployment.id] }));
    const response = await request(roles.api.app).get('/v1/whoami').set(scoped).expect(200);
    expect(response.body).toEqual({ name: 'scoped', role: 'operator', deployment_scopes: [deployment.id], recipient: null, reach: 'deployments' });
  });

  it('answers a token bound to a recipient: who it is, its recipient, and that it reaches only that inbox', async () => {
    const admin = roles.api.auth(roles.api.adminToken);
    const recipient = await request(roles.api.app).post('/v1/recipients').set(admin).send({ name: uniqueName('bea') }).expect(201);
    const inbox = roles.api.auth(await roles.api.mintToken('viewer', { name: 'bea inbox', recipientId: recipient.body.id }));
    const response = await request(roles.api.app).get('/v1/whoami').set(inbox).expect(200);
    expect(response.body).toEqual({
      name: 'bea inbox',
      role: 'viewer',
      deployment_scopes: null,
      recipient: { id: recipient.body.id, name: recipient.body.name },
      reach: 'inbox',
    });
    // What it reaches is what the routes let it do.
    await request(roles.api.app).get('/v1/inbox').set(inbox).expect(200);
    await request(roles.api.app).get('/v1/overview').set(inbox).expect(403);
  });
});

describe('GET /v1/overview', () => {
  it('counts runs per minute by status, only of deployments the token may read', async () => {
    const { api } = roles;
    const mine = await createActionChain(api);
    const other = await createActionChain(api);
    const trigger = (actionId: string) =>
      request(api.app).post(`/v1/actions/${actionId}/runs`).set(roles.operator).send({ input: { name: 'x' } }).expect(202);
    const first = await trigger(mine.action.id);
    await trigger(mine.action.id);
    await trigger(other.action.id);
    await completeRun(api.db.sql, first.body.id, { status: 'failed', finishedAt: new Date(), error: { message: 'no' } });

    const all = await request(api.app).get('/v1/overview').set(roles.viewer).expect(200);
    const total = (body: { runs_per_minute: { status: string; count: number }[] }, status: string) =>
      body.runs_per_minute.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0);
    expect(total(all.body, 'queued')).toBe(2);
    expect(total(all.body, 'failed')).toBe(1);
    expect(all.body.scheduler).toEqual({ enabled: 0, due: 0, lag_ms: 0 });

    const scoped = api.auth(await api.mintToken('viewer', { deploymentScopes: [other.deployment.id] }));
    const narrow = await request(api.app).get('/v1/overview').set(scoped).expect(200);
    expect(total(narrow.body, 'queued')).toBe(1);
    expect(total(narrow.body, 'failed')).toBe(0);
    expect(narrow.body.scheduler).toBeNull();

    const failedOnly = await request(api.app).get('/v1/runs').query({ trigger: 'api', status: 'failed' }).set(roles.viewer).expect(200);
    expect(failedOnly.body.items.map((run: { id: string }) => run.id)).toEqual([first.body.id]);
    expect((await request(api.app).get('/v1/runs').query({ trigger: 'schedule' }).set(roles.viewer).expect(200)).body.items).toEqual([]);
    await request(api.app).get('/v1/runs').query({ trigger: 'carrier-pigeon' }).set(roles.viewer).expect(400);
    // every trigger a run can have can be listed by
    expect((await request(api.app).get('/v1/runs').query({ trigger: 'subscription' }).set(roles.viewer).expect(200)).body.items).toEqual([]);
    await request(api.app).get('/v1/overview').query({ minutes: 0 }).set(roles.viewer).expect(400);
  });
});

describe('POST /v1/schedules/:id/fire', () => {
  it('makes the next fire due now, refuses a paused schedule, and needs an operator', async () => {
    const { api } = roles;
    const created = await request(api.app)
      .post('/v1/schedules')
      .set(roles.operator)
      .send({ name: 'fire-me', target: { type: 'exchange', exchange: '', routing_key: 'nowhere' }, rule: { type: 'cron', expression: '0 0 3 1 1 *' } })
      .expect(201);
    const schedule = created.body;
    expect(new Date(schedule.next_fire_at).getTime()).toBeGreaterThan(Date.now() + 3_600_000);
    await request(api.app).post(`/v1/schedules/${schedule.id}/fire`).set(roles.viewer).expect(403);
    const fired = await request(api.app).post(`/v1/schedules/${schedule.id}/fire`).set(roles.operator).expect(202);
    expect(new Date(fired.body.next_fire_at).getTime()).toBeLessThanOrEqual(Date.now());
    await request(api.app).patch(`/v1/schedules/${schedule.id}`).set(roles.operator).send({ enabled: false }).expect(200);
    const refused = await request(api.app).post(`/v1/schedules/${schedule.id}/fire`).set(roles.operator).expect(409);
    expect(refused.body.error.message).toContain('paused');
    await request(api.app).post('/v1/schedules/00000000-0000-4000-8000-000000000000/fire').set(roles.operator).expect(404);
  });
});

describe('POST /v1/queues/:name/redrive with message_ids', () => {
  it('moves back only the named dead letters', async () => {
    const { api } = roles;
    await api.broker.declareQueue({ name: 'rd.dead' });
    await api.broker.declareQueue({ name: 'rd.work', policy: { maxAttempts: 1, deadLetterQueue: 'rd.dead' } });
    for (const n of [1, 2, 3]) await api.broker.publish({ exchange: '', routingKey: 'rd.work', message: { payload: { n } } });
    const deliveries = await api.broker.claim('rd.work', { max: 3, leaseMs: 30_000 });
    for (const delivery of deliveries) await api.broker.reject(delivery, 'bad');
    const dead = await request(api.app).get('/v1/queues/rd.dead/messages').set(roles.operator).expect(200);
    expect(dead.body.items).toHaveLength(3);
    const chosen = dead.body.items[1].message_id as string;
    await request(api.app).post('/v1/queues/rd.dead/redrive').set(roles.operator).send({ message_ids: ['x'] }).expect(400);
    const response = await request(api.app).post('/v1/queues/rd.dead/redrive').set(roles.operator).send({ message_ids: [chosen] }).expect(200);
    expect(response.body).toEqual({ redriven: 1 });
    const back = await api.broker.peek('rd.work');
    expect(back.map((message) => message.messageId)).toEqual([chosen]);
    expect(await api.broker.peek('rd.dead')).toHaveLength(2);
  });
});
