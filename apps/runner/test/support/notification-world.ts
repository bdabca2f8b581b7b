import crypto from 'node:crypto';
import { createBroker, type SelectedBroker } from '@interflow/broker-select';
import { createSilentLogger, ManualClock, systemClock } from '@interflow/core';
import { createKeyring, type SecretKeyring } from '@interflow/registry';
import {
  createNotification,
  createRecipient,
  createRecipientGroup,
  type NotificationDraft,
} from '@interflow/notifications';
import { outboundFetch, parseAllowList } from '@interflow/outbound';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { EmailChannel } from '../../src/notifications/email-channel';
import { NotificationSweeper } from '../../src/notifications/notification-sweeper';
import { NotificationWorker, type Channel } from '../../src/notifications/notification-worker';
import { WebhookChannel } from '../../src/notifications/webhook-channel';

/**
 * A schema, a broker and the runner's notification worker in this process (channels
 * real: SMTP to `smtpUrl`, webhooks over loopback), with a clock the test moves. The
 * broker is chosen as a daemon chooses it (INTERFLOW_BROKER): PostgreSQL by default, or
 * the real RabbitMQ at AMQP_URL under names prefixed with the schema.
 */
export interface NotificationWorld {
  db: TestDatabase;
  broker: SelectedBroker;
  keyring: SecretKeyring;
  clock: ManualClock;
  /** Starts a worker (a "runner"); several may run at once. */
  startWorker(options?: { smtpUrl?: string; maxAttempts?: number }): Promise<NotificationWorker>;
  /** Stops every worker started so far (a test that needs its own channels). */
  stopWorkers(): Promise<void>;
  /** A sweeper on the world's clock, as each runner has one. */
  sweeper(): NotificationSweeper;
  recipient(fields?: { email?: string; webhookUrl?: string; groupIds?: string[] }): Promise<{ id: string; webhookSecret: string | null }>;
  group(): Promise<string>;
  /** Stores a notification with its fan-out message, as the api does. */
  publish(draft: Omit<NotificationDraft, 'source' | 'severity' | 'body' | 'requiresConfirmation'> & Partial<NotificationDraft>): Promise<string>;
  close(): Promise<void>;
}

export async function createNotificationWorld(options: { broker?: 'postgres' | 'rabbitmq' } = {}): Promise<NotificationWorld> {
  const db = await createTestDatabase({ poolSize: 10 });
  const logger = createSilentLogger();
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  // The broker keeps real time (leases, retry delays); notifications decide by the manual clock.
  const broker = createBroker(
    {
      INTERFLOW_BROKER: options.broker ?? 'postgres',
      AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
      AMQP_NAME_PREFIX: `${db.schema}.`,
    },
    { sql: db.sql, logger, schema: db.schema, clock: systemClock },
  );
  const keyring = createKeyring({ id: 'test-key', key: crypto.randomBytes(32) });
  const fetch = outboundFetch(parseAllowList('127.0.0.1'));
  const workers: NotificationWorker[] = [];
  let counter = 0;
  const world: NotificationWorld = {
    db,
    broker,
    keyring,
    clock,
    async startWorker(options = {}) {
      const email: Channel = options.smtpUrl
        ? new EmailChannel({ url: options.smtpUrl, from: 'Interflow <interflow@example.com>', timeoutMs: 10_000 })
        : { send: async () => ({ kind: 'permanent', error: 'no SMTP in this test' }) };
      const worker = new NotificationWorker({
        sql: db.sql,
        broker,
        clock,
        logger,
        channels: { email, webhook: new WebhookChannel({ sql: db.sql, keyring, fetch, timeoutMs: 10_000, now: () => new Date() }) },
        consumerName: `test-runner-${workers.length}`,
        settings: {
          maxAttempts: options.maxAttempts ?? 5,
          retryInitialMs: 20,
          retryMaxMs: 100,
          concurrency: 4,
          sweepIntervalMs: 3_600_000,
        },
      });
      await worker.start();
      workers.push(worker);
      return worker;
    },
    async stopWorkers() {
      for (const worker of workers.splice(0)) await worker.stop();
    },
    sweeper: () => new NotificationSweeper({ sql: db.sql, broker, clock, logger, settings: { sweepIntervalMs: 3_600_000 } }),
    async recipient(fields = {}) {
      counter += 1;
      const { recipient, webhookSecret } = await createRecipient(db.sql, keyring, { name: `person-${counter}-${crypto.randomUUID()}`, ...fields });
      return { id: recipient.id, webhookSecret };
    },
    async group() {
      return (await createRecipientGroup(db.sql, { name: `group-${crypto.randomUUID()}` })).id;
    },
    async publish(draft) {
      const { notification } = await createNotification(db.sql, clock, {
        body: '',
        severity: 'warning',
        requiresConfirmation: false,
        source: 'test',
        ...draft,
      }, broker);
      return notification.id;
    },
    async close() {
      for (const worker of workers.splice(0)) await worker.stop();
      await fetch.close();
      if (broker.kind === 'rabbitmq') await broker.removeAmqpTopology();
      await broker.close();
      await db.drop();
    },
  };
  return world;
}
