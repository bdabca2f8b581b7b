import 'reflect-metadata';
import { DataSource, type DataSourceOptions as TypeOrmDataSourceOptions } from 'typeorm';

export interface DataSourceOptions {
  url: string;
  schema: string;
  /** Entity classes (core's `coreEntities`). */
  entities?: TypeOrmDataSourceOptions['entities'];
  /** Migration classes (`@interflow/migrations`). */
  migrations?: TypeOrmDataSourceOptions['migrations'];
  poolSize?: number;
  applicationName?: string;
}

export const MIGRATIONS_TABLE = 'migrations';

/**
 * The TypeORM DataSource for management CRUD and migrations. The schema is never
 * synchronized: only migrations change it. Connections get `search_path = <schema>` so
 * raw SQL in migrations and repositories stays unqualified.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
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
