import crypto from 'node:crypto';
import type express from 'express';
import { createBroker, type SelectedBroker } from '@interflow/broker-select';
import { checkReadiness, createMetricsRegistry, createSilentLogger, systemClock, type Clock, type Logger } from '@interflow/core';
import { createKeyring, type Role, type SecretKeyring } from '@interflow/registry';
import { createApiToken } from '../../src/access/api-tokens';
import { migrationNames } from '@interflow/migrations';
import { declareNotificationTopology } from '@interflow/notifications';
import { outboundFetch, parseAllowList } from '@interflow/outbound';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { createServer, type ApiDependencies } from '../../src/server';
import { RunReplies } from '../../src/triggering/run-replies';
import { EventHub } from '../../src/events/event-hub';

export interface TestApi {
  app: express.Express;
  db: TestDatabase;
  deps: ApiDependencies;
  /** The broker the app publishes runs with (tests consume action queues through it). */
  broker: SelectedBroker;
  /** Bearer secret of an unscoped admin token. */
  adminToken: string;
  /** Mints a token of the role (scoped to the deployments when given); returns its secret. */
  mintToken(role: Role, options?: { deploymentScopes?: string[] | null; name?: string; recipientId?: string }): Promise<string>;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set()`. */
  auth(token: string): { Authorization: string };
  /** Drops the schema and closes everything the app opened. */
  close(): Promise<void>;
}

export interface TestApiOptions {
  clock?: Clock;
  logger?: Logger;
  bodyLimit?: string;
  /** Default: a fresh random key with id `test-key`. */
  keyring?: SecretKeyring;
  /** The outbound allow-list (INTERFLOW_OUTBOUND_ALLOW); default loopback. */
  outboundAllow?: string;
  eventHeartbeatMs?: number;
  /** The broker (default postgres); RabbitMQ at AMQP_URL (default local), its names prefixed with the schema. */
  broker?: 'postgres' | 'rabbitmq';
}

/**
 * The api with every dependency real, on a fresh migrated schema of the test database.
 * Every api test builds its app here, so a new dependency is added in one place.
 */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase({ poolSize: 8 });
  const logger = options.logger ?? createSilentLogger();
  const clock = options.clock ?? systemClock;
  const broker = createBroker(
    { INTERFLOW_BROKER: options.broker ?? 'postgres', AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672', AMQP_NAME_PREFIX: `${db.schema}.` },
    { sql: db.sql, logger, schema: db.schema, clock },
  );
  const replies = new RunReplies(broker, logger, `test-${crypto.randomBytes(4).toString('hex')}`);
  // Side by side, as the api daemon's start steps run.
  await Promise.all([replies.start(), declareNotificationTopology(broker)]);
  // The tests' connectors listen on loopback: allowed here, explicitly.
  const fetch = outboundFetch(parseAllowList(options.outboundAllow ?? '127.0.0.1'));
  const events = new EventHub({ sql: db.sql, broker, logger, clock, settings: { pollIntervalMs: 50, depthIntervalMs: 200 } });
  const deps: ApiDependencies = {
    sql: db.sql,
    logger,
    metrics: createMetricsRegistry('api-test'),
    clock,
    broker,
    readiness: () => checkReadiness(db.sql, migrationNames),
    bodyLimit: options.bodyLimit ?? '1mb',
    keyring: options.keyring ?? createKeyring({ id: 'test-key', key: crypto.randomBytes(32) }),
    replies,
    fetch,
    events,
    eventHeartbeatMs: options.eventHeartbeatMs ?? 15_000,
    dashboardDir: null,
  };
  const app = createServer(deps);
  const mintToken: TestApi['mintToken'] = async (role, mintOptions = {}) => {
    const { secret } = await createApiToken(db.sql, {
      name: mintOptions.name ?? `test ${role}`,
      role,
      deploymentScopes: mintOptions.deploymentScopes ?? null,
      recipientId: mintOptions.recipientId ?? null,
    });
    return secret;
  };
  const adminToken = await mintToken('admin', { name: 'test admin' });
  return {
    app,
    db,
    deps,
    broker,
    adminToken,
    mintToken,
    auth: (token) => ({ Authorization: `Bearer ${token}` }),
    async close() {
      await events.close();
      await replies.stop();
      await fetch.close();
      if (broker.kind === 'rabbitmq') await broker.removeAmqpTopology();
      await broker.close();
      await db.drop();
    },
  };
}
