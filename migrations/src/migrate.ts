import postgres from 'postgres';
import type { DataSourceOptions as TypeOrmDataSourceOptions } from 'typeorm';
import { type Logger, quoteIdentifier } from '@interflow/core';

export interface MigrateOptions {
  url: string;
  schema: string;
  migrations: NonNullable<TypeOrmDataSourceOptions['migrations']>;
  logger?: Logger;
}

/**
 * Applies pending migrations. Safe to call from several processes at the same moment:
 * each takes a session advisory lock keyed by the schema, so one migrates while the others
 * wait and then find nothing left to do. Each migration runs in its own transaction.
 * Returns the names of the migrations this call applied. TypeORM is loaded here, on the
 * first call, so daemons that only import the ledger's names never load it.
 */
export async function migrate(options: MigrateOptions): Promise<string[]> {
  const lockKey = `interflow:migrate:${options.schema}`;
  const lockConnection = postgres(options.url, { max: 1, onnotice: () => undefined, connect_timeout: 10 });
  try {
    await lockConnection`select pg_advisory_lock(hashtext(${lockKey}))`;
    await lockConnection.unsafe(`create schema if not exists ${quoteIdentifier(options.schema)}`);
    const { createDataSource } = await import('./data-source');
    const dataSource = createDataSource({
      url: options.url,
      schema: options.schema,
      migrations: options.migrations,
      poolSize: 1,
      applicationName: 'interflow-migrate',
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      const names = applied.map((m) => m.name);
      if (names.length > 0) options.logger?.info('migrations applied', { schema: options.schema, migrations: names });
      return names;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lockConnection`select pg_advisory_unlock(hashtext(${lockKey}))`.catch(() => undefined);
    await lockConnection.end({ timeout: 5 });
  }
}
