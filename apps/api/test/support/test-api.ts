import type express from 'express';
import {
  checkReadiness,
  createApiToken,
  createMetricsRegistry,
  createSilentLogger,
  PostgresBroker,
  systemClock,
  type Clock,
  type Logger,
  type Role,
} from '@interflow/core';
import { migrationNames } from '@interflow/migrations';
import { createTestDatabase, type TestDatabase } from '@interflow/test-kit';
import { createServer, type ApiDependencies } from '../../src/server';

export interface TestApi {
  app: express.Express;
  db: TestDatabase;
  deps: ApiDependencies;
  /** Bearer secret of an unscoped admin token. */
  adminToken: string;
  /** Mints a token of the role (scoped to the deployments when given); returns its secret. */
  mintToken(role: Role, options?: { deploymentScopes?: string[] | null; name?: string }): Promise<string>;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set()`. */
  auth(token: string): { Authorization: string };
  /** Drops the schema and closes everything the app opened. */
  close(): Promise<void>;
}

export interface TestApiOptions {
  clock?: Clock;
  logger?: Logger;
  bodyLimit?: string;
}

/**
 * The api with every dependency real, on a fresh migrated schema of the test database.
 * Every api test builds its app here, so a new dependency is added in one place.
 */
export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const logger = options.logger ?? createSilentLogger();
  const clock = options.clock ?? systemClock;
  const broker = new PostgresBroker({ sql: db.sql, logger, schema: db.schema, clock });
  const deps: ApiDependencies = {
    sql: db.sql,
    logger,
    metrics: createMetricsRegistry('api-test'),
    clock,
    broker,
    readiness: () => checkReadiness(db.sql, migrationNames),
    bodyLimit: options.bodyLimit ?? '1mb',
  };
  const app = createServer(deps);
  const mintToken: TestApi['mintToken'] = async (role, mintOptions = {}) => {
    const { secret } = await createApiToken(db.sql, {
      name: mintOptions.name ?? `test ${role}`,
      role,
      deploymentScopes: mintOptions.deploymentScopes ?? null,
    });
    return secret;
  };
  const adminToken = await mintToken('admin', { name: 'test admin' });
  return {
    app,
    db,
    deps,
    adminToken,
    mintToken,
    auth: (token) => ({ Authorization: `Bearer ${token}` }),
    async close() {
      await broker.close();
      await db.drop();
    },
  };
}
