import request from 'supertest';
import { DEFAULT_ACTION_QUEUE } from '@interflow/broker';
import { createActionChain, uniqueName } from './support/fixtures';
import { useApiWithRoles } from './support/api-with-roles';

/**
 * Issue 9 item 1: the system's own queues (`interflow.`) are not user topology. The
 * attack as reported: a token scoped to deployment A publishes a run request for B's
 * action straight onto the action queue, with the dead-letter queue as reply-to, then
 * reads B's results there.
 */
const roles = useApiWithRoles();
const DEAD = `${DEFAULT_ACTION_QUEUE}.dead`;

async function messagesIn(queue: string): Promise<number> {
  const stats = await roles.api.broker.queueStats(queue);
  return stats.ready + stats.delayed + stats.inFlight;
}

describe('system queues through the REST queue API', () => {
  let bAction: string;
  let scopedToA: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    const a = await createActionChain(roles.api);
    const b = await createActionChain(roles.api);
    bAction = b.action.id;
    scopedToA = roles.api.auth(await roles.api.mintToken('admin', { deploymentScopes: [a.deployment.id] }));
    admin = roles.api.auth(roles.api.adminToken);
    await roles.api.broker.declareQueue({ name: DEAD });
    await roles.api.broker.declareQueue({ name: DEFAULT_ACTION_QUEUE, policy: { deadLetterQueue: DEAD } });
  });

  it('refuses the reported attack to a scoped token, to an unscoped operator and to an admin; nothing is queued', async () => {
    const forged = { payload: { action_id: bAction, input: {} }, reply_to: DEAD };
    const before = await messagesIn(DEFAULT_ACTION_QUEUE);
    for (const who of [scopedToA, roles.operator]) {
      const answer = await request(roles.api.app).post(`/v1/queues/${DEFAULT_ACTION_QUEUE}/publish`).set(who).send(forged);
      expect(answer.status).toBe(403);
    }
    const withoutReplyTo = { payload: { action_id: bAction, input: {} } };
    const asAdmin = await request(roles.api.app).post(`/v1/queues/${DEFAULT_ACTION_QUEUE}/publish`).set(admin).send(withoutReplyTo).expect(403);
    expect(asAdmin.body.error.message).toContain("the 'interflow.' prefix is reserved");
    await request(roles.api.app).post(`/v1/queues/${DEFAULT_ACTION_QUEUE}/publish`).set(admin).send({ messages: [withoutReplyTo] }).expect(403);
    expect(await messagesIn(DEFAULT_ACTION_QUEUE)).toBe(before);
  });

  it('shows system queues to nobody but an unscoped admin', async () => {
    await roles.api.broker.publish({ exchange: '', routingKey: DEAD, message: { payload: { run_id: 'r1', response: { secret: 'of B' } } } });
    for (const who of [scopedToA, roles.operator, roles.viewer]) {
      await request(roles.api.app).get(`/v1/queues/${DEAD}/messages`).set(who).expect(403);
      await request(roles.api.app).get(`/v1/queues/${DEAD}/stats`).set(who).expect(403);
      await request(roles.api.app).get(`/v1/queues/${DEAD}`).set(who).expect(403);
    }
    const listed = await request(roles.api.app).get('/v1/queues').set(roles.viewer).query({ limit: 100 }).expect(200);
    expect((listed.body.items as { name: string }[]).filter((q) => q.name.startsWith('interflow.'))).toEqual([]);

    const seen = await request(roles.api.app).get('/v1/queues').set(admin).query({ limit: 100 }).expect(200);
    expect((seen.body.items as { name: string }[]).map((q) => q.name)).toEqual(expect.arrayContaining([DEFAULT_ACTION_QUEUE, DEAD]));
    const peeked = await request(roles.api.app).get(`/v1/queues/${DEAD}/messages`).set(admin).expect(200);
    expect(peeked.body.items.length).toBeGreaterThan(0);
    await request(roles.api.app).get(`/v1/queues/${DEFAULT_ACTION_QUEUE}/stats`).set(admin).expect(200);
  });

  it('lets an unscoped admin handle dead letters of system queues, and nobody change a live one', async () => {
    await request(roles.api.app).post(`/v1/queues/${DEAD}/redrive`).set(roles.operator).send({}).expect(403);
    await request(roles.api.app).post(`/v1/queues/${DEAD}/redrive`).set(admin).send({ max: 1 }).expect(200);
    await request(roles.api.app).post(`/v1/queues/${DEAD}/purge`).set(admin).expect(200);
    for (const who of [admin, roles.operator]) {
      await request(roles.api.app).post(`/v1/queues/${DEFAULT_ACTION_QUEUE}/purge`).set(who).expect(403);
      await request(roles.api.app).post(`/v1/queues/${DEFAULT_ACTION_QUEUE}/redrive`).set(who).send({}).expect(403);
      await request(roles.api.app).delete(`/v1/queues/${DEFAULT_ACTION_QUEUE}`).set(who).expect(403);
      await request(roles.api.app).delete(`/v1/queues/${DEAD}`).set(who).expect(403);
    }
    expect(await roles.api.broker.getQueue(DEFAULT_ACTION_QUEUE)).not.toBeNull();
    expect(await roles.api.broker.getQueue(DEAD)).not.toBeNull();
  });

  it('refuses to declare, bind to or point at system topology, naming the field', async () => {
    const exchange = uniqueName('ex');
    await request(roles.api.app).post('/v1/exchanges').set(admin).send({ name: exchange, type: 'direct' }).expect(201);
    const refusals: [string, string, Record<string, unknown>, string][] = [
      ['post', '/v1/queues', { name: 'interflow.mine' }, 'name'],
      ['post', '/v1/queues', { name: 'Interflow.Mine' }, 'name'],
      ['post', '/v1/queues', { name: uniqueName('q'), policy: { dead_letter_queue: DEFAULT_ACTION_QUEUE } }, 'policy.dead_letter_queue'],
      ['post', '/v1/exchanges', { name: 'interflow.results', type: 'topic' }, 'name'],
      ['post', '/v1/exchanges', { name: uniqueName('ex'), type: 'topic', alternate_exchange: 'interflow.results' }, 'alternate_exchange'],
      ['post', '/v1/bindings', { exchange, queue: DEFAULT_ACTION_QUEUE, binding_key: 'k' }, 'queue'],
      ['post', `/v1/exchanges/${exchange}/publish`, { payload: {}, routing_key: 'k', reply_to: DEAD }, 'reply_to'],
      ['post', `/v1/exchanges/${exchange}/publish`, { messages: [{ payload: {}, reply_to: DEFAULT_ACTION_QUEUE }] }, 'messages.0.reply_to'],
      ['post', '/v1/actions', { name: uniqueName('act'), deployment_id: '00000000-0000-4000-8000-000000000001', method: 'greet', queue: 'orders' }, 'queue'],
      ['post', '/v1/actions', { name: uniqueName('act'), deployment_id: '00000000-0000-4000-8000-000000000001', method: 'greet', queue: DEAD }, 'queue'],
      ['patch', `/v1/actions/${bAction}`, { result_route: { exchange: '', routing_key: DEFAULT_ACTION_QUEUE } }, 'result_route.routing_key'],
      ['patch', `/v1/actions/${bAction}`, { result_route: { exchange: 'interflow.results' } }, 'result_route.exchange'],
      ['post', `/v1/actions/${bAction}/subscriptions`, { exchange: 'interflow.results' }, 'exchange'],
      [
        'post',
        '/v1/schedules',
        { name: uniqueName('s'), rule: { type: 'interval', every_ms: 60_000 }, target: { type: 'exchange', exchange: '', routing_key: DEFAULT_ACTION_QUEUE } },
        'target.routing_key',
      ],
    ];
    for (const [method, path, body, field] of refusals) {
      const answer = await request(roles.api.app)[method as 'post' | 'patch'](path).set(admin).send(body);
      expect({ path, status: answer.status, fields: (answer.body.error?.details ?? []).map((d: { field: string }) => d.field) }).toEqual({
        path,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    expect(await roles.api.broker.getQueue('interflow.mine')).toBeNull();
    expect(await roles.api.broker.getExchange('interflow.results')).toBeNull();
    expect(await roles.api.broker.listBindings({ queue: DEFAULT_ACTION_QUEUE })).toEqual([]);
  });

  it('keeps a subscription binding out of user hands while its subscription lives', async () => {
    const exchange = uniqueName('events');
    await request(roles.api.app).post('/v1/exchanges').set(admin).send({ name: exchange, type: 'fanout' }).expect(201);
    const subscription = await request(roles.api.app).post(`/v1/actions/${bAction}/subscriptions`).set(admin).send({ exchange }).expect(201);
    const bindingId = subscription.body.binding_id as string;
    const asOperator = await request(roles.api.app).get('/v1/bindings').set(roles.operator).query({ exchange }).expect(200);
    expect(asOperator.body.items).toEqual([]);
    await request(roles.api.app).get(`/v1/bindings/${bindingId}`).set(roles.operator).expect(403);
    const asAdmin = await request(roles.api.app).get('/v1/bindings').set(admin).query({ exchange }).expect(200);
    expect(asAdmin.body.items.map((b: { id: string }) => b.id)).toEqual([bindingId]);
    await request(roles.api.app).delete(`/v1/bindings/${bindingId}`).set(admin).expect(403);
    await request(roles.api.app).post(`/v1/queues/${subscription.body.queue}/publish`).set(admin).send({ payload: {} }).expect(403);
    expect((await roles.api.broker.listBindings({ exchange })).map((b) => b.id)).toEqual([bindingId]);
  });

  it('keeps the queue API away from tokens limited to deployments', async () => {
    const queue = uniqueName('q');
    await request(roles.api.app).post('/v1/queues').set(admin).send({ name: queue }).expect(201);
    await request(roles.api.app).get('/v1/queues').set(scopedToA).expect(403);
    await request(roles.api.app).get(`/v1/queues/${queue}/messages`).set(scopedToA).expect(403);
    await request(roles.api.app).post(`/v1/queues/${queue}/publish`).set(scopedToA).send({ payload: {} }).expect(403);
    await request(roles.api.app).get('/v1/consumers').set(scopedToA).expect(403);
    expect(await messagesIn(queue)).toBe(0);
  });
});
