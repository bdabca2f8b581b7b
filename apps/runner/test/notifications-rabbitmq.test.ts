import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStandardWebhook } from '@interflow/connector-sdk';
import { confirmDelivery, getNotification, listDeliveries, notificationHistory } from '@interflow/notifications';
import { waitFor } from '@interflow/test-kit';
import { createNotificationWorld, type NotificationWorld } from './support/notification-world';

/**
 * Notifications on the RabbitMQ broker (INTERFLOW_BROKER=rabbitmq, the real server at
 * AMQP_URL): the fan-out message goes through the outbox with the notification's row,
 * two runners share the fan-out and webhook queues on RabbitMQ, and a group gets one
 * delivery per recipient, each webhook once, and a confirmation recorded.
 */
let world: NotificationWorld;
let hooks: http.Server;
const received: { recipient: string; webhookId: string }[] = [];
const secrets = new Map<string, string>();

beforeAll(async () => {
  world = await createNotificationWorld({ broker: 'rabbitmq' });
  hooks = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recipient = req.url?.slice(1) ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      const webhookId = String(req.headers['webhook-id']);
      const verified = verifyStandardWebhook({
        secret: secrets.get(recipient) ?? '',
        payload: body,
        id: webhookId,
        timestamp: String(req.headers['webhook-timestamp']),
        signature: String(req.headers['webhook-signature']),
      }).valid;
      if (verified) received.push({ recipient, webhookId });
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await world?.close();
  await new Promise((resolve) => hooks?.close(resolve));
});

describe('notifications on RabbitMQ', () => {
  it('delivers a group notification once per recipient, sends each webhook once, and records a confirmation', async () => {
    if (world.broker.kind !== 'rabbitmq') throw new Error('expected the RabbitMQ broker');
    await world.startWorker();
    await world.startWorker();
    const team = await world.group();
    const port = (hooks.address() as AddressInfo).port;
    const members: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      // Every third member also has a webhook; the ids are known only after creation, so the path names the index.
      const hooked = index % 3 === 0;
      const member = await world.recipient({ groupIds: [team], ...(hooked ? { webhookUrl: `http://127.0.0.1:${port}/${index}` } : {}) });
      if (member.webhookSecret) secrets.set(String(index), member.webhookSecret);
      members.push(member.id);
    }
    // Named directly as well as through the group: still one delivery.
    const notificationId = await world.publish({
      title: 'Rotate the bank feed credentials',
      to: { recipientIds: [members[0] ?? ''], groupIds: [team] },
      requiresConfirmation: true,
    });
    const sentCount = async () => (await notificationHistory(world.db.sql, notificationId, { limit: 200 })).filter((entry) => entry.kind === 'sent').length;
    // A send is recorded after its webhook answered: wait for the records, not only the calls.
    await waitFor(async () => (await getNotification(world.db.sql, notificationId)).deliveries.total === 12 && received.length === 4 && (await sentCount()) === 4, {
      timeoutMs: 60_000,
      description: '12 deliveries and 4 webhooks sent and recorded',
    });
    const deliveries = (await listDeliveries(world.db.sql, notificationId, { limit: 100 })).items;
    expect(deliveries.map((delivery) => delivery.recipientId).sort()).toEqual([...members].sort());
    expect(new Set(received.map((hook) => hook.recipient))).toEqual(new Set(['0', '3', '6', '9']));
    expect(new Set(received.map((hook) => hook.webhookId)).size).toBe(4);

    const mine = deliveries.find((delivery) => delivery.recipientId === members[5]);
    await confirmDelivery(world.db.sql, world.clock, members[5] ?? '', mine?.id ?? '', { by: 'inbox of member 5', comment: 'done' });
    const notification = await getNotification(world.db.sql, notificationId);
    expect(notification.deliveries).toMatchObject({ total: 12, confirmed: 1 });
    const history = await notificationHistory(world.db.sql, notificationId, { limit: 200 });
    expect(history.filter((entry) => entry.kind === 'delivered')).toHaveLength(12);
    expect(history.filter((entry) => entry.kind === 'sent')).toHaveLength(4);
    expect(history.filter((entry) => entry.kind === 'confirmed')).toEqual([expect.objectContaining({ recipientId: members[5], deliveryId: mine?.id })]);
    // Everything the outbox took was relayed to RabbitMQ.
    await waitFor(async () => (await world.db.sql`select 1 from rabbitmq_outbox`).length === 0, { description: 'the outbox relayed' });
  });
});
