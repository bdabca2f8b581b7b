import crypto from 'node:crypto';
import { ManualClock } from '@interflow/core';
import { createKeyring } from '@interflow/registry';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { createNotification, createRecipient, createRecipientGroup, fanOutNotification, getNotification, listSends } from '../src';

let db: TestDatabase;
const keyring = createKeyring({ id: 'k', key: crypto.randomBytes(32) });
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe('fanOutNotification', () => {
  it('delivers once per recipient however the fan-out is repeated or raced, with one send per channel the recipient has', async () => {
    const red = await createRecipientGroup(db.sql, { name: 'red' });
    const blue = await createRecipientGroup(db.sql, { name: 'blue' });
    const both = await createRecipient(db.sql, keyring, { name: 'both', email: 'both@example.com', groupIds: [red.id, blue.id] });
    await createRecipient(db.sql, keyring, { name: 'red only', webhookUrl: 'https://hooks.example.com/x', groupIds: [red.id] });
    await createRecipient(db.sql, keyring, { name: 'blue only', groupIds: [blue.id] });
    const { notification } = await createNotification(db.sql, clock, {
      title: 'hello',
      body: '',
      severity: 'info',
      to: { recipientIds: [both.recipient.id], groupIds: [red.id, blue.id] },
      requiresConfirmation: false,
      source: 'test',
    });
    const outcomes = await Promise.all([1, 2, 3].map(() => fanOutNotification(db.sql, clock, notification.id)));
    expect(outcomes.map((outcome) => outcome.delivered).sort()).toEqual([0, 0, 3]);
    expect((await getNotification(db.sql, notification.id)).deliveries.total).toBe(3);
    const sends = await listSends(db.sql, notification.id);
    expect(sends.map((send) => send.channel).sort()).toEqual(['email', 'webhook']);
  });
});
