import 'reflect-metadata';
import { DataSource, type DataSourceOptions as TypeOrmDataSourceOptions } from 'typeorm';
import { MIGRATIONS_TABLE } from '@interflow/core';

export interface DataSourceOptions {
  url: string;
  schema: string;
  /** Migration classes (`@interflow/migrations`). */
  migrations?: TypeOrmDataSourceOptions['migrations'];
  poolSize?: number;
  applicationName?: string;
}


/**
 * The TypeORM DataSource that runs the migration ledger. The schema is never
 * synchronized: only migrations change it. Connections get `search_path = <schema>` so
 * the raw SQL of migrations stays unqualified. Reads and writes go through the
 * `postgres` client instead (docs/decisions.md, "One SQL client for the data").
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: [],
    migrations: options.migrations ?? [],
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName ?? 'interflow',
    extra: {
      max: options.poolSize ?? 5,
      options: `-c search_path=${options.schema}`,
    },
  });
}
