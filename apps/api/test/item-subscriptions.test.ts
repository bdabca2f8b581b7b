import request from 'supertest';
import { ITEM_EVENTS_EXCHANGE } from '@interflow/broker';
import { createActionChain } from './support/fixtures';
import { createTestApi, type TestApi } from './support/test-api';

/**
 * Issue 17: an action reacts to a poller's item events through a subscription whose
 * source is the poller. Nobody binds to the system exchange `interflow.items` directly;
 * Interflow binds the subscription's queue to that poller's routing keys, for a token
 * that may read the poller's deployment and change the subscriber's.
 */
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

afterAll(async () => {
  await api.close();
});

async function pollerChain() {
  const chain = await createActionChain(api);
  await request(api.app)
    .patch(`/v1/actions/${chain.action.id}`)
    .set(api.auth(api.adminToken))
    .send({ poller: { items: 'things', id: 'id', snapshot: true } })
    .expect(200);
  return chain;
}

async function itemBindings(queue?: string) {
  return api.broker.listBindings({ exchange: ITEM_EVENTS_EXCHANGE, ...(queue ? { queue } : {}) });
}

describe('subscribing an action to a poller', () => {
  it("binds the subscription's queue to the poller's item events, one binding each, and unbinds them all on delete", async () => {
    const poller = await pollerChain();
    const subscriber = await createActionChain(api);
    const admin = api.auth(api.adminToken);
    const all = await request(api.app)
      .post(`/v1/actions/${subscriber.action.id}/subscriptions`)
      .set(admin)
      .send({ source: { type: 'items', action_id: poller.action.id } })
      .expect(201);
    expect(all.body).toMatchObject({
      exchange: ITEM_EVENTS_EXCHANGE,
      source: { type: 'items', action_id: poller.action.id, events: ['item.created', 'item.changed', 'item.deleted'] },
    });
    expect((await itemBindings(all.body.queue)).map((b) => b.bindingKey).sort()).toEqual(
      ['changed', 'created', 'deleted'].map((kind) => `${poller.action.id}.item.${kind}`),
    );
    const fetched = await request(api.app).get(`/v1/actions/${subscriber.action.id}/subscriptions/${all.body.id}`).set(admin).expect(200);
    expect(fetched.body.source).toEqual(all.body.source);

    const deletions = await request(api.app)
      .post(`/v1/actions/${subscriber.action.id}/subscriptions`)
      .set(admin)
      .send({ source: { type: 'items', action_id: poller.action.id, events: ['item.deleted'] } })
      .expect(201);
    expect((await itemBindings(deletions.body.queue)).map((b) => b.bindingKey)).toEqual([`${poller.action.id}.item.deleted`]);

    await request(api.app).delete(`/v1/actions/${subscriber.action.id}/subscriptions/${all.body.id}`).set(admin).expect(204);
    expect(await itemBindings(all.body.queue)).toEqual([]);
    expect(await itemBindings(deletions.body.queue)).toHaveLength(1);
  });

  it('refuses a source that is not a poller, the action itself, a source with an exchange, and neither, naming the field', async () => {
    const poller = await pollerChain();
    const plain = await createActionChain(api);
    const admin = api.auth(api.adminToken);
    const before = await itemBindings();
    const cases: [unknown, string][] = [
      [{ source: { type: 'items', action_id: plain.action.id } }, 'source.action_id'],
      [{ source: { type: 'items', action_id: poller.action.id, events: [] } }, 'source.events'],
      [{ source: { type: 'items', action_id: poller.action.id, events: ['item.moved'] } }, 'source.events.0'],
      [{ source: { type: 'items', action_id: poller.action.id }, exchange: 'orders' }, 'exchange'],
      [{}, 'exchange'],
    ];
    for (const [body, field] of cases) {
      const answer = await request(api.app).post(`/v1/actions/${plain.action.id}/subscriptions`).set(admin).send(body as object).expect(400);
      expect((answer.body.error.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
    const own = await request(api.app)
      .post(`/v1/actions/${poller.action.id}/subscriptions`)
      .set(admin)
      .send({ source: { type: 'items', action_id: poller.action.id } })
      .expect(400);
    expect(own.body.error.details).toEqual([{ field: 'source.action_id', message: 'must be another action' }]);
    expect(await itemBindings()).toEqual(before);
  });

  it("a token scoped to its own deployment cannot subscribe to another deployment's poller, nor bind to interflow.items itself", async () => {
    const poller = await pollerChain();
    const subscriber = await createActionChain(api);
    const before = await itemBindings();
    const queuesBefore = (await api.broker.listQueues()).length;
    const scoped = api.auth(await api.mintToken('operator', { deploymentScopes: [subscriber.deployment.id] }));
    const refused = await request(api.app)
      .post(`/v1/actions/${subscriber.action.id}/subscriptions`)
      .set(scoped)
      .send({ source: { type: 'items', action_id: poller.action.id } })
      .expect(404);
    expect(refused.body.error.message).toContain(poller.action.id);
    expect(await itemBindings()).toEqual(before);
    expect((await api.broker.listQueues()).length).toBe(queuesBefore);
    await request(api.app)
      .post('/v1/bindings')
      .set(scoped)
      .send({ exchange: ITEM_EVENTS_EXCHANGE, queue: 'mine', binding_key: '#' })
      .expect((answer) => expect([400, 403]).toContain(answer.status));

    // Read access to the poller's deployment is enough (its events are its data); change access to the subscriber's is needed.
    const both = api.auth(await api.mintToken('operator', { deploymentScopes: [subscriber.deployment.id, poller.deployment.id] }));
    await request(api.app)
      .post(`/v1/actions/${subscriber.action.id}/subscriptions`)
      .set(both)
      .send({ source: { type: 'items', action_id: poller.action.id } })
      .expect(201);
    const viewer = api.auth(await api.mintToken('viewer', { deploymentScopes: [subscriber.deployment.id, poller.deployment.id] }));
    await request(api.app)
      .post(`/v1/actions/${subscriber.action.id}/subscriptions`)
      .set(viewer)
      .send({ source: { type: 'items', action_id: poller.action.id } })
      .expect(403);
  });
});
