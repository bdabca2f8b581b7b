import crypto from 'node:crypto';
import postgres from 'postgres';
import { createSqlClient, quoteIdentifier, type Sql } from '@interflow/core';
import { migrate, migrations } from '@interflow/migrations';
import { TEST_DATABASE_URL_VARIABLE } from './test-server';

export interface TestDatabase {
  /** URL of the test database (the schema is separate: pass `schema` along). */
  url: string;
  /** A fresh schema only this test file uses, migrated unless asked otherwise. */
  schema: string;
  /** A small pool with search_path set to the schema. */
  sql: Sql;
  /** Drops the schema and closes the pool. */
  drop(): Promise<void>;
}

const SCHEMA_PREFIX = 't_';
const STALE_AFTER_SECONDS = 3 * 3600;

export function testDatabaseUrl(): string {
  const url = process.env[TEST_DATABASE_URL_VARIABLE] ?? process.env.DATABASE_URL;
  if (!url) throw new Error(`${TEST_DATABASE_URL_VARIABLE} is unset: run the tests through jest (global setup sets it)`);
  return url;
}

/**
 * Gives a test file its own schema in the test database, so files run in parallel and
 * in any order. Schema names carry their creation time so leftovers of killed runs can
 * be dropped by later runs.
 */
export async function createTestDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const schema = `${SCHEMA_PREFIX}${Math.floor(Date.now() / 1000).toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create schema ${quoteIdentifier(schema)}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  if (options.migrate !== false) await migrate({ url, schema, migrations });
  const sql = createSqlClient({ url, schema, max: options.poolSize ?? 4, applicationName: `test:${schema}` });
  return {
    url,
    schema,
    sql,
    async drop() {
      await sql.end({ timeout: 2 });
      const dropper = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        await dropper.unsafe(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
      } finally {
        await dropper.end({ timeout: 1 });
      }
    },
  };
}

/** Drops test schemas older than a few hours (left by killed runs). */
export async function dropStaleTestSchemas(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql<{ nspname: string }[]>`select nspname from pg_namespace where nspname like ${SCHEMA_PREFIX + '%'}`;
    const now = Math.floor(Date.now() / 1000);
    for (const { nspname } of rows) {
      const created = parseInt(nspname.slice(SCHEMA_PREFIX.length).split('_')[0] ?? '', 36);
      if (Number.isFinite(created) && now - created > STALE_AFTER_SECONDS) {
        await sql.unsafe(`drop schema if exists ${quoteIdentifier(nspname)} cascade`).catch(() => undefined);
      }
    }
  } finally {
    await sql.end({ timeout: 1 });
  }
}
