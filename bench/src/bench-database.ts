import crypto from 'node:crypto';
import postgres from 'postgres';
import { quoteIdentifier } from '@interflow/core';
import { migrate, migrations } from '@interflow/migrations';
import { LOCAL_SERVER_URL } from '@interflow/local-postgres';

/** The run's own database: every benchmark gets a fresh migrated schema in it. */
export interface BenchDatabase {
  url: string;
  /** Creates and migrates a schema for one benchmark. */
  createSchema(label: string): Promise<string>;
  dropSchema(schema: string): Promise<void>;
  /** Drops everything this run created. */
  drop(): Promise<void>;
}

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Creates a database `interflow_bench_<time>_<random>` on the server of `DATABASE_URL`
 * (else the local server on 127.0.0.1:5432), so a run never touches existing data and
 * leaves nothing behind. When the role may not create databases, the run works in
 * schemas of the given database instead and drops them afterwards.
 */
export async function createBenchDatabase(env: NodeJS.ProcessEnv): Promise<BenchDatabase> {
  const serverUrl = env.DATABASE_URL ?? LOCAL_SERVER_URL;
  const name = `interflow_bench_${Math.floor(Date.now() / 1000).toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined, connect_timeout: 5 });
  let ownDatabase = true;
  try {
    await admin.unsafe(`create database ${quoteIdentifier(name)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
    ownDatabase = false;
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = ownDatabase ? databaseUrl(serverUrl, name) : serverUrl;
  const schemas = new Set<string>();

  const run = async (statement: string) => {
    const client = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      await client.unsafe(statement);
    } finally {
      await client.end({ timeout: 2 });
    }
  };

  return {
    url,
    async createSchema(label) {
      const schema = ownDatabase ? `bench_${label}` : `${name}_${label}`;
      schemas.add(schema);
      await migrate({ url, schema, migrations });
      return schema;
    },
    async dropSchema(schema) {
      await run(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
      schemas.delete(schema);
    },
    async drop() {
      if (!ownDatabase) {
        for (const schema of [...schemas]) await run(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
        return;
      }
      const server = postgres(serverUrl, { max: 1, onnotice: () => undefined });
      try {
        await server.unsafe(`drop database if exists ${quoteIdentifier(name)} with (force)`);
      } finally {
        await server.end({ timeout: 2 });
      }
    },
  };
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
