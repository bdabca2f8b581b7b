import crypto from 'node:crypto';
import type { TransactionalPublisher } from '@interflow/broker';
import { ManualClock } from '@interflow/core';
import { createKeyring } from '@interflow/registry';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { createNotification, createRecipient, fanOutNotification, listSends, remindUnconfirmed } from '../src';

let db: TestDatabase;
const keyring = createKeyring({ id: 'k', key: crypto.randomBytes(32) });
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
const publisher: TransactionalPublisher = {
  async publishWithin(tx, publications) {
    await tx`select 1`;
    return publications.map(() => ({ messageIds: [crypto.randomUUID()], queues: ['q'] }));
  },
};

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

/**
 * Recording a send or a history row of a delivery takes a key share lock on the delivery
 * (foreign key). A sweep must not take that for another sweep's claim and skip the
 * delivery: its reminder would wait for the next sweep.
 */
describe('the sweeps claim deliveries without waiting out foreign-key checks', () => {
  it('reminds a delivery while another transaction is recording a row that references it', async () => {
    const busy = await createRecipient(db.sql, keyring, { name: 'busy', email: 'busy@example.com' });
    const { notification } = await createNotification(
      db.sql,
      clock,
      {
        title: 'Countersign',
        body: '',
        severity: 'info',
        source: 'test',
        requiresConfirmation: true,
        remindAfterMs: 10 * 60_000,
        to: { recipientIds: [busy.recipient.id], groupIds: [] },
      },
      null,
    );
    await fanOutNotification(db.sql, clock, publisher, notification.id);
    const [send] = await listSends(db.sql, notification.id);
    const recording = await db.sql.reserve();
    try {
      await recording`begin`;
      // What inserting a row with a foreign key to the delivery takes, held open.
      await recording`select id from notification_deliveries where id = ${send!.deliveryId} for key share`;
      const reminders = await remindUnconfirmed(db.sql, publisher, new Date(clock.now().getTime() + 10 * 60_000));
      expect(reminders).toHaveLength(1);
    } finally {
      await recording`rollback`;
      recording.release();
    }
  });
});
