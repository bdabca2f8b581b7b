import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifyStandardWebhook } from '@interflow/connector-sdk';
import { confirmDelivery, getNotification, listDeliveries, listSends, notificationHistory } from '@interflow/notifications';
import { waitFor } from '@interflow/test-kit';
import { createNotificationWorld, type NotificationWorld } from './support/notification-world';

/**
 * Issue 14 on the runner's side: fan-out through the broker into one delivery per
 * recipient, e-mail through a real SMTP server, signed webhooks, retries and dead
 * letters, reminders and escalation on a clock the test moves.
 */
let world: NotificationWorld;

beforeAll(async () => {
  world = await createNotificationWorld();
});

afterAll(async () => {
  await world?.close();
});

async function deliveriesOf(notificationId: string): Promise<number> {
  return (await getNotification(world.db.sql, notificationId)).deliveries.total;
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += width) await Promise.all(items.slice(start, start + width).map(work));
}

describe('fan-out', () => {
  it('gives a group of 1,000 recipients exactly 1,000 deliveries, each confirmable on its own; overlapping groups deliver once', async () => {
    await world.startWorker();
    await world.startWorker();
    const everyone = await world.group();
    const some = await world.group();
    const ids: string[] = [];
    await inBatches([...Array(1000).keys()], 25, async (index) => {
      const groupIds = index % 2 === 0 ? [everyone, some] : [everyone];
      ids.push((await world.recipient({ groupIds })).id);
    });
    const outsider = (await world.recipient({ groupIds: [some] })).id;

    const toEveryone = await world.publish({ title: 'all hands', to: { recipientIds: [], groupIds: [everyone] }, requiresConfirmation: true });
    const overlapping = await world.publish({ title: 'both groups', to: { recipientIds: [ids[0] ?? '', outsider], groupIds: [everyone, some] } });
    await waitFor(async () => (await deliveriesOf(toEveryone)) === 1000 && (await deliveriesOf(overlapping)) === 1001, {
      timeoutMs: 90_000,
      description: '1,000 and 1,001 deliveries',
    });
    // The counts are exact, not "at least": nothing more arrives afterwards either.
    const [row] = await world.db.sql<{ count: number }[]>`
      select count(*)::int as count from notification_deliveries where notification_id = ${toEveryone}`;
    expect(row?.count).toBe(1000);

    const deliveries = [];
    for (let after: string | null = null; ; ) {
      const page = await listDeliveries(world.db.sql, toEveryone, { limit: 500, after });
      deliveries.push(...page.items);
      if (!page.next) break;
      after = page.next;
    }
    expect(new Set(deliveries.map((d) => d.recipientId)).size).toBe(1000);
    await inBatches(deliveries, 20, (delivery) =>
      confirmDelivery(world.db.sql, world.clock, delivery.recipientId, delivery.id, { by: `inbox of ${delivery.recipientId}`, comment: null }),
    );
    const confirmed = await getNotification(world.db.sql, toEveryone);
    expect(confirmed.deliveries).toMatchObject({ total: 1000, confirmed: 1000 });
  });
});

describe('channels', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  let refusalsLeft = 0;
  const received: { to: string; headers: string }[] = [];
  let hook: http.Server;
  let hookUrl: string;
  let hookStatus = 204;
  const hookCalls: { headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        if (refusalsLeft > 0) {
          refusalsLeft -= 1;
          const busy = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(busy);
        }
        callback();
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), headers: raw.split('\r\n\r\n')[0] ?? '' });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        hookCalls.push({ headers: req.headers, body });
        res.statusCode = hookStatus;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/notify`;
    await world.stopWorkers();
    await world.startWorker({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, maxAttempts: 4 });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(resolve));
    hook.closeAllConnections();
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  it('sends e-mail through a server that refuses a few times before accepting, once, with an idempotency key', async () => {
    refusalsLeft = 2;
    const address = `ops-${Date.now()}@example.com`;
    const { id: recipientId } = await world.recipient({ email: address });
    const notificationId = await world.publish({ title: 'Feed down', to: { recipientIds: [recipientId], groupIds: [] } });
    const [send] = await waitFor(async () => {
      const sends = await listSends(world.db.sql, notificationId);
      return sends.length === 1 && sends[0]?.state === 'sent' ? sends : null;
    }, { timeoutMs: 60_000, description: "the e-mail sent" });
    expect(send?.attempts).toBe(3);
    const mails = received.filter((mail) => mail.to === address);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.headers).toContain(`X-Interflow-Idempotency-Key: ${send?.id}`);
    expect(mails[0]?.headers).toContain('Subject: [warning] Feed down');
    const kinds = (await notificationHistory(world.db.sql, notificationId, { limit: 100 })).map((entry) => entry.kind);
    expect(kinds.filter((kind) => kind === 'send_failed')).toHaveLength(2);
    expect(kinds).toContain('sent');
  });

  it('signs webhooks like runner calls, and dead-letters one that keeps failing without holding up e-mail', async () => {
    hookStatus = 503;
    const address = `hooked-${Date.now()}@example.com`;
    const { id: recipientId, webhookSecret } = await world.recipient({ email: address, webhookUrl: hookUrl });
    const notificationId = await world.publish({ title: 'Payments late', to: { recipientIds: [recipientId], groupIds: [] }, data: { n: 5 } });
    const sends = await waitFor(async () => {
      const all = await listSends(world.db.sql, notificationId);
      return all.length === 2 && all.every((send) => send.state !== 'pending') ? all : null;
    }, { timeoutMs: 60_000, description: 'both sends settled' });
    const email = sends.find((send) => send.channel === 'email');
    const webhook = sends.find((send) => send.channel === 'webhook');
    expect(email?.state).toBe('sent');
    expect(webhook).toMatchObject({ state: 'dead', attempts: 4, lastError: 'the webhook answered 503' });
    const calls = hookCalls.filter((call) => JSON.parse(call.body).notification_id === notificationId);
    expect(calls).toHaveLength(4);
    // The same webhook-id on every attempt: the receiver's idempotency key.
    expect(new Set(calls.map((call) => call.headers['webhook-id']))).toEqual(new Set([`ntf_${webhook?.id}`]));
    for (const call of calls) {
      const verdict = verifyStandardWebhook({
        secret: webhookSecret ?? '',
        payload: call.body,
        id: call.headers['webhook-id'] as string,
        timestamp: call.headers['webhook-timestamp'] as string,
        signature: call.headers['webhook-signature'] as string,
      });
      expect(verdict.valid).toBe(true);
    }
    expect(JSON.parse(calls[0]?.body ?? '{}')).toMatchObject({ type: 'notification.delivered', title: 'Payments late', data: { n: 5 } });
    const history = await notificationHistory(world.db.sql, notificationId, { limit: 100 });
    const dead = history.find((entry) => entry.kind === 'dead_lettered');
    expect(dead?.detail).toMatchObject({ channel: 'webhook', error: 'the webhook answered 503', attempt: 4 });
    const [deadLetter] = await world.broker.peek('interflow.notifications.webhook.dead', { limit: 10 });
    expect(deadLetter?.deaths.at(-1)?.reason).toBe('rejected');
    hookStatus = 204;
  });
});

describe('reminders and escalation', () => {
  it('reminds after remind_after, escalates after escalate_after, each once even with two runners sweeping, until confirmed', async () => {
    const manager = await world.recipient();
    const oncall = await world.group();
    const deputy = await world.recipient({ groupIds: [oncall] });
    const careless = await world.recipient();
    const diligent = await world.recipient();
    const start = world.clock.now().getTime();
    const notificationId = await world.publish({
      title: 'Approve the payment run',
      to: { recipientIds: [careless.id, diligent.id], groupIds: [] },
      requiresConfirmation: true,
      remindAfterMs: 10 * 60_000,
      escalateAfterMs: 30 * 60_000,
      escalateTo: { recipientIds: [manager.id], groupIds: [oncall] },
    });
    await waitFor(async () => (await deliveriesOf(notificationId)) === 2, { description: 'two deliveries' });
    const [one, two] = [world.sweeper(), world.sweeper()];
    const sweepBoth = () => Promise.all([one.sweepOnce(), two.sweepOnce()]);
    const kinds = async () => (await notificationHistory(world.db.sql, notificationId, { limit: 100 })).map((entry) => `${entry.kind}:${entry.recipientId ?? '-'}`);

    world.clock.set(start + 10 * 60_000 - 1);
    await sweepBoth();
    expect((await kinds()).filter((kind) => kind.startsWith('reminded'))).toEqual([]);

    const deliveries = (await listDeliveries(world.db.sql, notificationId, { limit: 10 })).items;
    const diligentDelivery = deliveries.find((d) => d.recipientId === diligent.id);
    world.clock.set(start + 5 * 60_000);
    await confirmDelivery(world.db.sql, world.clock, diligent.id, diligentDelivery?.id ?? '', { by: 'diligent', comment: 'approved' });

    world.clock.set(start + 10 * 60_000);
    await sweepBoth();
    await sweepBoth();
    expect((await kinds()).filter((kind) => kind.startsWith('reminded'))).toEqual([`reminded:${careless.id}`]);

    world.clock.set(start + 30 * 60_000 - 1);
    await sweepBoth();
    expect((await kinds()).filter((kind) => kind.startsWith('escalated'))).toEqual([]);
    world.clock.set(start + 30 * 60_000);
    await sweepBoth();
    await sweepBoth();
    const after = await kinds();
    expect(after.filter((kind) => kind.startsWith('escalated'))).toEqual([`escalated:${careless.id}`]);
    const escalated = (await listDeliveries(world.db.sql, notificationId, { limit: 10 })).items.filter((d) => d.reason === 'escalation');
    expect(escalated.map((d) => d.recipientId).sort()).toEqual([manager.id, deputy.id].sort());
    expect(escalated.every((d) => d.deliveredAt.getTime() === start + 30 * 60_000)).toBe(true);

    // Escalated deliveries are reminded on their own schedule, and never escalate again.
    // The careless one was reminded again at the 30-minute sweeps (10 minutes after its
    // first reminder) and now a third and last time (the default limit).
    world.clock.set(start + 70 * 60_000);
    await sweepBoth();
    const late = await kinds();
    expect(late.filter((kind) => kind.startsWith('escalated'))).toHaveLength(1);
    expect(late.filter((kind) => kind.startsWith('reminded')).sort()).toEqual(
      [`reminded:${careless.id}`, `reminded:${careless.id}`, `reminded:${careless.id}`, `reminded:${manager.id}`, `reminded:${deputy.id}`].sort(),
    );
  });

  it('reminds again every remind_after until max_reminders, each reminder its own send, and stops at confirmation', async () => {
    const forgetful = await world.recipient();
    const busy = await world.recipient({ email: 'busy@example.com' });
    const start = world.clock.now().getTime();
    const minutes = (n: number) => start + n * 60_000;
    const notificationId = await world.publish({
      title: 'Countersign the transfer',
      to: { recipientIds: [forgetful.id, busy.id], groupIds: [] },
      requiresConfirmation: true,
      remindAfterMs: 10 * 60_000,
      maxReminders: 3,
      expiresAt: new Date(minutes(200)),
    });
    await waitFor(async () => (await deliveriesOf(notificationId)) === 2, { description: 'two deliveries' });
    const [one, two] = [world.sweeper(), world.sweeper()];
    const remindersOf = async (recipientId: string) =>
      (await notificationHistory(world.db.sql, notificationId, { limit: 100 }))
        .filter((entry) => entry.kind === 'reminded' && entry.recipientId === recipientId)
        .map((entry) => [entry.detail.reminder, entry.at.getTime()]);
    const sweepAt = async (at: number) => {
      world.clock.set(at);
      await Promise.all([one.sweepOnce(), two.sweepOnce()]);
    };

    for (const at of [minutes(10), minutes(15), minutes(20)]) await sweepAt(at);
    const busyDelivery = (await listDeliveries(world.db.sql, notificationId, { limit: 10 })).items.find((d) => d.recipientId === busy.id);
    world.clock.set(minutes(25));
    await confirmDelivery(world.db.sql, world.clock, busy.id, busyDelivery?.id ?? '', { by: 'busy', comment: null });
    // A sweep late by 4 minutes: the reminder is late, the next one is timed from it (no burst).
    for (const at of [minutes(34), minutes(40), minutes(44), minutes(60), minutes(120)]) await sweepAt(at);

    expect(await remindersOf(forgetful.id)).toEqual([
      [1, minutes(10)],
      [2, minutes(20)],
      [3, minutes(34)],
    ]);
    expect(await remindersOf(busy.id)).toEqual([
      [1, minutes(10)],
      [2, minutes(20)],
    ]);
    const reminderSends = (await listSends(world.db.sql, notificationId)).filter((send) => send.purpose === 'reminder');
    expect(reminderSends.filter((send) => send.recipientId === busy.id)).toHaveLength(2);
    expect(new Set(reminderSends.map((send) => send.id)).size).toBe(reminderSends.length);
  });

  it('expires what was not confirmed in time, and refuses a late confirmation', async () => {
    const someone = await world.recipient();
    const start = world.clock.now().getTime();
    const notificationId = await world.publish({
      title: 'Sign before noon',
      to: { recipientIds: [someone.id], groupIds: [] },
      requiresConfirmation: true,
      expiresAt: new Date(start + 60 * 60_000),
    });
    await waitFor(async () => (await deliveriesOf(notificationId)) === 1, { description: 'the delivery' });
    world.clock.set(start + 60 * 60_000);
    const sweeper = world.sweeper();
    await Promise.all([sweeper.sweepOnce(), world.sweeper().sweepOnce()]);
    const [delivery] = (await listDeliveries(world.db.sql, notificationId, { limit: 10 })).items;
    expect(delivery?.state).toBe('expired');
    await expect(confirmDelivery(world.db.sql, world.clock, someone.id, delivery?.id ?? '', { by: 'late', comment: null })).rejects.toThrow(/expired/);
    const kinds = (await notificationHistory(world.db.sql, notificationId, { limit: 100 })).map((entry) => entry.kind);
    expect(kinds.filter((kind) => kind === 'expired')).toHaveLength(1);
  });
});
