import request from 'supertest';
import { waitFor } from '@interflow/test-kit';
import { listen, openEventStream, type EventStreamClient } from './support/event-stream-client';
import { fanOutQueued } from './support/notification-fan-out';
import { uniqueName } from './support/fixtures';
import { createTestApi, type TestApi } from './support/test-api';

/**
 * `GET /v1/inbox/stream`: a recipient's notifications live, on the event stream's
 * machinery: only its own, and across a dropped connection nothing lost, nothing twice.
 */
let api: TestApi;
let server: { url: string; close(): Promise<void> };
let admin: { Authorization: string };
const streams: EventStreamClient[] = [];
/** Events are read once every older transaction ended; the whole suite's transactions can hold them back. */
const EVENT_WAIT_MS = 100_000;

beforeAll(async () => {
  api = await createTestApi({ eventHeartbeatMs: 1000 });
  server = await listen(api.app);
  admin = api.auth(api.adminToken);
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await server?.close();
  await api?.close();
});

async function open(token: string, lastEventId?: string): Promise<EventStreamClient> {
  const stream = await openEventStream(server.url, token, lastEventId, '/v1/inbox/stream');
  streams.push(stream);
  return stream;
}

async function recipientWithToken(): Promise<{ id: string; token: string }> {
  const recipient = await request(api.app).post('/v1/recipients').set(admin).send({ name: uniqueName('reader') }).expect(201);
  const token = await request(api.app)
    .post('/v1/tokens')
    .set(admin)
    .send({ name: uniqueName('inbox'), role: 'viewer', recipient_id: recipient.body.id })
    .expect(201);
  return { id: recipient.body.id, token: token.body.token };
}

async function notify(title: string, recipients: string[], requiresConfirmation = false): Promise<string> {
  const response = await request(api.app)
    .post('/v1/notifications')
    .set(admin)
    .send({ title, to: { recipients }, requires_confirmation: requiresConfirmation })
    .expect(202);
  await fanOutQueued(api);
  return response.body.id;
}

const seen = (stream: EventStreamClient) =>
  stream.events.filter((event) => event.kind !== 'reset').map((event) => `${event.kind}:${String(event.data.title)}`);

describe('GET /v1/inbox/stream', () => {
  it('is for tokens bound to a recipient only', async () => {
    const stream = await open(api.adminToken);
    expect(stream.status).toBe(403);
  });

  it("shows the recipient its own notifications as they happen, nobody else's", async () => {
    const me = await recipientWithToken();
    const someoneElse = await recipientWithToken();
    const stream = await open(me.token);
    expect(stream.status).toBe(200);
    await notify('not for me', [someoneElse.id]);
    await notify('for me', [me.id]);
    await waitFor(() => seen(stream).includes('notification.delivered:for me'), { timeoutMs: EVENT_WAIT_MS, description: 'my delivery' });
    expect(stream.events.every((event) => event.data.recipient_id === me.id)).toBe(true);
    expect(seen(stream)).not.toContain('notification.delivered:not for me');
  });

  it('resumes after Last-Event-ID with exactly what was missed, then goes on live', async () => {
    const me = await recipientWithToken();
    const first = await open(me.token);
    await notify('one', [me.id], true);
    await waitFor(() => seen(first).includes('notification.delivered:one'), { timeoutMs: EVENT_WAIT_MS, description: 'the first delivery' });
    const lastSeen = first.events.at(-1);
    first.close();

    await notify('two', [me.id]);
    await notify('three', [me.id]);
    const inbox = api.auth(me.token);
    const [one] = (await request(api.app).get('/v1/inbox?filter=unconfirmed').set(inbox).expect(200)).body.items;
    await request(api.app).post(`/v1/inbox/${one.id}/confirm`).set(inbox).send({ comment: 'seen' }).expect(200);

    const resumed = await open(me.token, lastSeen?.id);
    await notify('four', [me.id]);
    await waitFor(() => seen(resumed).includes('notification.delivered:four'), { timeoutMs: EVENT_WAIT_MS, description: 'the live delivery' });
    expect(seen(resumed)).toEqual([
      'notification.delivered:two',
      'notification.delivered:three',
      'notification.confirmed:one',
      'notification.delivered:four',
    ]);
    expect(new Set(resumed.events.map((event) => event.id)).size).toBe(resumed.events.length);
  });
});
