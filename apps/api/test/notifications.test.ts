import request from 'supertest';
import { recipientWebhook } from '@interflow/notifications';
import { createTestApi, type TestApi } from './support/test-api';
import { fanOutQueued } from './support/notification-fan-out';
import { createActionChain, uniqueName } from './support/fixtures';

/**
 * Issue 14 through the api: recipients and groups, publishing, one delivery per
 * recipient, the inbox of a recipient's token (and only its own), confirmation and history.
 */
let api: TestApi;
let admin: { Authorization: string };

beforeAll(async () => {
  api = await createTestApi();
  admin = api.auth(api.adminToken);
});

afterAll(async () => {
  await api?.close();
});

async function createRecipient(body: Record<string, unknown> = {}): Promise<{ id: string; webhook_secret: string | null }> {
  const response = await request(api.app).post('/v1/recipients').set(admin).send({ name: uniqueName('person'), ...body }).expect(201);
  return response.body;
}

async function createGroup(): Promise<string> {
  return (await request(api.app).post('/v1/groups').set(admin).send({ name: uniqueName('team') }).expect(201)).body.id;
}

async function recipientToken(recipientId: string): Promise<{ Authorization: string }> {
  const response = await request(api.app)
    .post('/v1/tokens')
    .set(admin)
    .send({ name: uniqueName('inbox'), role: 'viewer', recipient_id: recipientId })
    .expect(201);
  expect(response.body.recipient_id).toBe(recipientId);
  return api.auth(response.body.token);
}

describe('recipients and groups', () => {
  it('creates a recipient with channels and memberships; a webhook gets a secret shown once', async () => {
    const group = await createGroup();
    const created = await createRecipient({ email: 'ops@example.com', webhook_url: 'https://hooks.example.com/ops', group_ids: [group] });
    expect(created).toMatchObject({ email: 'ops@example.com', webhook_url: 'https://hooks.example.com/ops', group_ids: [group] });
    expect(created.webhook_secret).toMatch(/^whsec_/);
    const read = await request(api.app).get(`/v1/recipients/${created.id}`).set(admin).expect(200);
    expect(read.body).not.toHaveProperty('webhook_secret');
    expect(JSON.stringify(read.body)).not.toContain(created.webhook_secret);
    const members = await request(api.app).get(`/v1/recipients?group_id=${group}`).set(admin).expect(200);
    expect(members.body.items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expect((await request(api.app).get(`/v1/groups/${group}`).set(admin).expect(200)).body.member_count).toBe(1);
  });

  it('takes a webhook secret given by the caller (write-only, never answered) and refuses one without a webhook', async () => {
    const given = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    const created = await createRecipient({ webhook_url: 'https://hooks.example.com/given', webhook_secret: given });
    expect(created.webhook_secret).toBeNull();
    expect((await recipientWebhook(api.db.sql, api.deps.keyring, created.id))?.secret).toBe(given);
    const replaced = `whsec_${Buffer.alloc(24, 9).toString('base64')}`;
    const patched = await request(api.app).patch(`/v1/recipients/${created.id}`).set(admin).send({ webhook_secret: replaced }).expect(200);
    expect(patched.body.webhook_secret).toBeNull();
    expect((await recipientWebhook(api.db.sql, api.deps.keyring, created.id))?.secret).toBe(replaced);
    const plain = await createRecipient();
    const refused = await request(api.app).patch(`/v1/recipients/${plain.id}`).set(admin).send({ webhook_secret: replaced }).expect(409);
    expect(JSON.stringify(refused.body)).toContain('webhook_secret');
    await request(api.app).post('/v1/recipients').set(admin).send({ name: uniqueName('p'), webhook_secret: replaced }).expect(409);
    const short = await request(api.app).post('/v1/recipients').set(admin).send({ name: uniqueName('p'), webhook_url: 'https://hooks.example.com/x', webhook_secret: 'short' }).expect(400);
    expect(JSON.stringify(short.body)).toContain('webhook_secret');
  });

  it('refuses bad input with a 400 naming the field, and a taken name with 409', async () => {
    const bad = await request(api.app).post('/v1/recipients').set(admin).send({ name: 'x', email: 'not-an-address' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('email');
    const unknownGroup = await request(api.app)
      .post('/v1/recipients')
      .set(admin)
      .send({ name: uniqueName('p'), group_ids: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(JSON.stringify(unknownGroup.body)).toContain('group_ids');
    const name = uniqueName('twin');
    await request(api.app).post('/v1/recipients').set(admin).send({ name }).expect(201);
    await request(api.app).post('/v1/recipients').set(admin).send({ name }).expect(409);
    const token = await request(api.app).post('/v1/tokens').set(admin).send({ name: 'x', role: 'admin', recipient_id: (await createRecipient()).id }).expect(400);
    expect(JSON.stringify(token.body)).toContain('recipient_id');
  });

  it('adds and removes group members', async () => {
    const group = await createGroup();
    const a = await createRecipient();
    const b = await createRecipient();
    expect((await request(api.app).post(`/v1/groups/${group}/members`).set(admin).send({ recipient_ids: [a.id, b.id, a.id] }).expect(200)).body.member_count).toBe(2);
    await request(api.app).delete(`/v1/groups/${group}/members/${a.id}`).set(admin).expect(204);
    await request(api.app).delete(`/v1/groups/${group}/members/${a.id}`).set(admin).expect(404);
    expect((await request(api.app).get(`/v1/groups/${group}`).set(admin).expect(200)).body.member_count).toBe(1);
  });
});

describe('publishing and the inbox', () => {
  it('delivers once to a recipient reached directly and through two groups, and tracks read and confirmed', async () => {
    const [g1, g2] = [await createGroup(), await createGroup()];
    const both = await createRecipient({ group_ids: [g1, g2] });
    const other = await createRecipient({ group_ids: [g2] });
    const published = await request(api.app)
      .post('/v1/notifications')
      .set(admin)
      .send({
        title: 'Bank feed failing',
        text: 'The feed failed five times overnight.',
        severity: 'error',
        link: 'https://status.example.com/feed',
        data: { feed: 'bank' },
        to: { recipients: [both.id], groups: [g1, g2] },
        requires_confirmation: true,
      })
      .expect(202);
    expect(published.body).toMatchObject({ title: 'Bank feed failing', fanned_out_at: null, deliveries: { total: 0 } });
    expect(await fanOutQueued(api)).toBe(2);
    const notification = await request(api.app).get(`/v1/notifications/${published.body.id}`).set(admin).expect(200);
    expect(notification.body.deliveries).toEqual({ total: 2, delivered: 2, read: 0, confirmed: 0, expired: 0 });

    const inbox = await recipientToken(both.id);
    const unread = await request(api.app).get('/v1/inbox?filter=unread').set(inbox).expect(200);
    expect(unread.body.items).toHaveLength(1);
    const delivery = unread.body.items[0];
    expect(delivery).toMatchObject({ notification_id: published.body.id, state: 'delivered', text: 'The feed failed five times overnight.', data: { feed: 'bank' } });

    await request(api.app).post(`/v1/inbox/${delivery.id}/read`).set(inbox).expect(200);
    expect((await request(api.app).get('/v1/inbox?filter=unread').set(inbox).expect(200)).body.items).toHaveLength(0);
    const confirmed = await request(api.app).post(`/v1/inbox/${delivery.id}/confirm`).set(inbox).send({ comment: 'on it' }).expect(200);
    expect(confirmed.body).toMatchObject({ state: 'confirmed', confirm_comment: 'on it', confirmed_by: expect.any(String) });
    const again = await request(api.app).post(`/v1/inbox/${delivery.id}/confirm`).set(inbox).send({ comment: 'twice' }).expect(200);
    expect(again.body.confirm_comment).toBe('on it');

    const history = await request(api.app).get(`/v1/notifications/${published.body.id}/history`).set(admin).expect(200);
    const kinds = history.body.items.map((entry: { kind: string }) => entry.kind);
    expect(kinds.filter((kind: string) => kind === 'delivered')).toHaveLength(2);
    expect(kinds).toEqual(expect.arrayContaining(['published', 'read', 'confirmed']));
    expect(history.body.items.find((entry: { kind: string }) => entry.kind === 'confirmed').detail).toMatchObject({ comment: 'on it' });
    const counts = await request(api.app).get(`/v1/notifications/${published.body.id}`).set(admin).expect(200);
    expect(counts.body.deliveries).toMatchObject({ total: 2, confirmed: 1, delivered: 1 });
    expect((await request(api.app).get(`/v1/notifications/${published.body.id}/deliveries?state=delivered`).set(admin).expect(200)).body.items[0].recipient_id).toBe(other.id);
  });

  it('answers a repeated dedupe key with the first notification and delivers nothing more', async () => {
    const someone = await createRecipient();
    const body = { title: 'once', to: { recipients: [someone.id] }, dedupe_key: uniqueName('key') };
    const first = await request(api.app).post('/v1/notifications').set(admin).send(body).expect(202);
    const second = await request(api.app).post('/v1/notifications').set(admin).send({ ...body, title: 'twice' }).expect(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.title).toBe('once');
    expect(await fanOutQueued(api)).toBe(1);
  });

  it('refuses a notification to nobody, to unknown recipients, or with escalation but no confirmation', async () => {
    const nobody = await request(api.app).post('/v1/notifications').set(admin).send({ title: 'x', to: {} }).expect(400);
    expect(JSON.stringify(nobody.body)).toContain('to');
    const unknown = await request(api.app)
      .post('/v1/notifications')
      .set(admin)
      .send({ title: 'x', to: { recipients: ['00000000-0000-4000-8000-000000000000'] } })
      .expect(400);
    expect(JSON.stringify(unknown.body)).toContain('00000000-0000-4000-8000-000000000000');
    const someone = await createRecipient();
    const incoherent = await request(api.app)
      .post('/v1/notifications')
      .set(admin)
      .send({ title: 'x', to: { recipients: [someone.id] }, confirmation: { remind_after_ms: 60_000 } })
      .expect(400);
    expect(JSON.stringify(incoherent.body)).toContain('requires_confirmation');
    await request(api.app)
      .post('/v1/notifications')
      .set(admin)
      .send({ title: 'x', to: { recipients: [someone.id] }, expires_at: '2000-01-01T00:00:00Z' })
      .expect(400);
  });

  it('will not confirm what asks for no confirmation', async () => {
    const someone = await createRecipient();
    await request(api.app).post('/v1/notifications').set(admin).send({ title: 'fyi', to: { recipients: [someone.id] } }).expect(202);
    await fanOutQueued(api);
    const inbox = await recipientToken(someone.id);
    const [delivery] = (await request(api.app).get('/v1/inbox').set(inbox).expect(200)).body.items;
    await request(api.app).post(`/v1/inbox/${delivery.id}/confirm`).set(inbox).send({}).expect(409);
    expect((await request(api.app).post(`/v1/inbox/${delivery.id}/read`).set(inbox).expect(200)).body.state).toBe('read');
  });
});

describe('a token bound to a recipient', () => {
  it("reads and confirms its own inbox, never another's, and reaches nothing else", async () => {
    const alice = await createRecipient();
    const bob = await createRecipient();
    await request(api.app)
      .post('/v1/notifications')
      .set(admin)
      .send({ title: 'for both', to: { recipients: [alice.id, bob.id] }, requires_confirmation: true })
      .expect(202);
    await fanOutQueued(api);
    const aliceInbox = await recipientToken(alice.id);
    const bobInbox = await recipientToken(bob.id);
    const [bobs] = (await request(api.app).get('/v1/inbox').set(bobInbox).expect(200)).body.items;
    const alices = (await request(api.app).get('/v1/inbox').set(aliceInbox).expect(200)).body.items;
    expect(alices.every((delivery: { recipient_id: string }) => delivery.recipient_id === alice.id)).toBe(true);
    await request(api.app).get(`/v1/inbox/${bobs.id}`).set(aliceInbox).expect(404);
    await request(api.app).post(`/v1/inbox/${bobs.id}/read`).set(aliceInbox).expect(404);
    await request(api.app).post(`/v1/inbox/${bobs.id}/confirm`).set(aliceInbox).send({ comment: 'not mine' }).expect(404);
    expect((await request(api.app).get(`/v1/inbox/${bobs.id}`).set(bobInbox).expect(200)).body.state).toBe('delivered');
    for (const path of ['/v1/recipients', '/v1/notifications', '/v1/actions', '/v1/tokens', '/v1/events', '/v1/queues']) {
      await request(api.app).get(path).set(aliceInbox).expect(403);
    }
    await request(api.app).post('/v1/notifications').set(aliceInbox).send({ title: 'x', to: { recipients: [bob.id] } }).expect(403);
    await request(api.app).get('/v1/inbox').set(admin).expect(403);
  });
});

describe('run-outcome rules on an action', () => {
  it('keeps rules naming existing recipients, refuses unknown ones by field, and needs an unscoped token to set them', async () => {
    const someone = await createRecipient();
    const rules = [{ on: 'consecutive_failures', count: 3, notify: { recipients: [someone.id] } }];
    const { action, deployment } = await createActionChain(api);
    const patched = await request(api.app).patch(`/v1/actions/${action.id}`).set(admin).send({ notification_rules: rules }).expect(200);
    expect(patched.body.notification_rules).toEqual([{ ...rules[0], notify: { recipients: [someone.id], groups: [] } }]);
    const unknown = await request(api.app)
      .patch(`/v1/actions/${action.id}`)
      .set(admin)
      .send({ notification_rules: [{ on: 'success_with_result', notify: { groups: ['00000000-0000-4000-8000-000000000000'] } }] })
      .expect(400);
    expect(JSON.stringify(unknown.body)).toContain('notification_rules.0.notify.groups');
    const badCount = await request(api.app).patch(`/v1/actions/${action.id}`).set(admin).send({ notification_rules: [{ on: 'consecutive_failures', count: 0, notify: {} }] }).expect(400);
    expect(JSON.stringify(badCount.body)).toContain('notification_rules');
    const scoped = api.auth(await api.mintToken('operator', { deploymentScopes: [deployment.id] }));
    await request(api.app).patch(`/v1/actions/${action.id}`).set(scoped).send({ notification_rules: [] }).expect(403);
    await request(api.app).patch(`/v1/actions/${action.id}`).set(scoped).send({ description: 'still fine' }).expect(200);
    expect((await request(api.app).get(`/v1/actions/${action.id}`).set(admin).expect(200)).body.notification_rules).toHaveLength(1);
  });
});
