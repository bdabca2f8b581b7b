import crypto from 'node:crypto';
import type { Publication, TransactionalPublisher } from '@interflow/broker';
import { ManualClock } from '@interflow/core';
import { createKeyring } from '@interflow/registry';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import {
  createNotification,
  createRecipient,
  createRecipientGroup,
  fanOutNotification,
  getNotification,
  listNotifications,
  listSends,
  type NotificationDraft,
} from '../src';

let db: TestDatabase;
const keyring = createKeyring({ id: 'k', key: crypto.randomBytes(32) });
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

/** A broker's transactional publishing, recorded: what it was handed, in which transaction; or refusing, as a broker can. */
function recordingPublisher(options: { refuse?: boolean } = {}): TransactionalPublisher & { handed: Publication[] } {
  const handed: Publication[] = [];
  return {
    handed,
    async publishWithin(tx, publications) {
      if (options.refuse) throw new Error('the broker refused the publish');
      await tx`select 1`; // joins the caller's transaction, as the brokers do
      handed.push(...publications);
      return publications.map(() => ({ messageIds: [crypto.randomUUID()], queues: ['q'] }));
    },
  };
}

function draft(fields: Partial<NotificationDraft> & Pick<NotificationDraft, 'to'>): NotificationDraft {
  return { title: 'hello', body: '', severity: 'info', requiresConfirmation: false, source: 'test', ...fields };
}

describe('createNotification', () => {
  it('hands the fan-out message to the broker in the transaction that stores the notification, once per dedupe key', async () => {
    const someone = await createRecipient(db.sql, keyring, { name: 'someone' });
    const publisher = recordingPublisher();
    const first = await createNotification(db.sql, clock, draft({ to: { recipientIds: [someone.recipient.id], groupIds: [] }, dedupeKey: 'once' }), publisher);
    const again = await createNotification(db.sql, clock, draft({ to: { recipientIds: [someone.recipient.id], groupIds: [] }, dedupeKey: 'once' }), publisher);
    expect([first.created, again.created]).toEqual([true, false]);
    expect(publisher.handed).toEqual([expect.objectContaining({ routingKey: 'fanout', message: expect.objectContaining({ payload: { notification_id: first.notification.id } }) })]);
  });

  it('stores nothing when the fan-out message cannot be published: no notification without its fan-out', async () => {
    const someone = await createRecipient(db.sql, keyring, { name: 'nobody hears' });
    const before = (await listNotifications(db.sql, { limit: 1000, after: null })).items.length;
    await expect(
      createNotification(db.sql, clock, draft({ title: 'lost?', to: { recipientIds: [someone.recipient.id], groupIds: [] } }), recordingPublisher({ refuse: true })),
    ).rejects.toThrow('the broker refused the publish');
    expect((await listNotifications(db.sql, { limit: 1000, after: null })).items).toHaveLength(before);
  });
});

describe('fanOutNotification', () => {
  it('delivers once per recipient however the fan-out is repeated or raced, with one send per channel the recipient has', async () => {
    const red = await createRecipientGroup(db.sql, { name: 'red' });
    const blue = await createRecipientGroup(db.sql, { name: 'blue' });
    const both = await createRecipient(db.sql, keyring, { name: 'both', email: 'both@example.com', groupIds: [red.id, blue.id] });
    await createRecipient(db.sql, keyring, { name: 'red only', webhookUrl: 'https://hooks.example.com/x', groupIds: [red.id] });
    await createRecipient(db.sql, keyring, { name: 'blue only', groupIds: [blue.id] });
    const { notification } = await createNotification(db.sql, clock, draft({ to: { recipientIds: [both.recipient.id], groupIds: [red.id, blue.id] } }), null);
    const publisher = recordingPublisher();
    const outcomes = await Promise.all([1, 2, 3].map(() => fanOutNotification(db.sql, clock, publisher, notification.id)));
    expect(outcomes.map((outcome) => outcome.delivered).sort()).toEqual([0, 0, 3]);
    expect((await getNotification(db.sql, notification.id)).deliveries.total).toBe(3);
    const sends = await listSends(db.sql, notification.id);
    expect(sends.map((send) => send.channel).sort()).toEqual(['email', 'webhook']);
    // Each send's message was handed over once, in the fan-out's transaction.
    expect(publisher.handed.map((publication) => (publication.message.payload as { send_id: string }).send_id).sort()).toEqual(sends.map((send) => send.id).sort());
  });
});
